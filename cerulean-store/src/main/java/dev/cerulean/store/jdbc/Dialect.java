package dev.cerulean.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Everything that differs between the databases the JDBC stores run on: how connections are made
 * and pooled, which migrations and placeholder values apply, and how errors are recognised. The
 * SQL of the stores themselves is written once, in the subset both databases accept.
 */
interface Dialect extends AutoCloseable {

    /** Short backend name for logs and health, e.g. {@code sqlite}. */
    String name();

    /** Unpooled connections with every per-connection setting applied; Flyway and the pool both use it. */
    DataSource connections();

    /** Pool size and lifetimes suited to this database. */
    void configurePool(HikariConfig pool);

    /** Flyway locations, {@code classpath:db/migration/common} first. */
    List<String> migrationLocations();

    /**
     * Values for the {@code ${...}} placeholders of the migrations. {@code key_text} is the column
     * type of keys that are ordered or range-scanned: it must compare by code point on every
     * database so that paging cursors and subtree ranges mean the same thing everywhere.
     */
    Map<String, String> migrationPlaceholders();

    /** Starts a transaction on an auto-commit connection. */
    default void begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    /** Commits what {@link #begin} started and leaves the connection in auto-commit mode. */
    default void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Rolls back what {@link #begin} started and leaves the connection in auto-commit mode. */
    default void rollback(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * True when concurrent transactions should share commits ({@link GroupCommit}): a database with one
     * writer at a time whose every commit waits for the disk.
     */
    default boolean groupCommits() {
        return false;
    }

    /**
     * True when this process is the database's one writer, so that committed rows may be kept in memory
     * ({@link CommittedReads}): SQLite, whose file belongs to one server. Not PostgreSQL, which
     * servers share to scale out: a row another server changed must be read afresh. (Another
     * process writing the same SQLite file is seen within the cache's one-second bound.)
     */
    default boolean cachesRows() {
        return false;
    }

    /** True when the statement failed because it would duplicate a primary key or unique value. */
    boolean isUniqueViolation(SQLException e);

    /** Releases anything the dialect holds open besides the pool (the in-memory SQLite keeper). */
    @Override
    default void close() {}
}
