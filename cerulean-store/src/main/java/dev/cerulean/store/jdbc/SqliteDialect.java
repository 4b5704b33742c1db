package dev.cerulean.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite, in a file (the default store) or in memory. A file database runs in WAL mode so readers
 * proceed while one writer commits, syncs every commit to disk (synchronous FULL) so an acknowledged
 * write survives a killed process or a lost machine, and begins transactions with {@code BEGIN IMMEDIATE} so that concurrent writers
 * queue on the busy timeout instead of failing when a read lock cannot be upgraded (the
 * {@code transaction_mode} setting does the same for Flyway, which uses {@code setAutoCommit}).
 *
 * <p>An in-memory database lives as long as one of its connections is open, and a second
 * connection could only share it through SQLite's shared cache, whose table locks fail at once
 * instead of waiting. So the in-memory form keeps one idle keeper connection that pins the
 * database and pools exactly one working connection: requests take turns, which is fine for a
 * throwaway development store.
 */
final class SqliteDialect implements Dialect {

    /** How long a writer waits for the write lock before the call fails. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final int FILE_POOL_SIZE = 4;

    private final SQLiteDataSource connections;
    private final boolean inMemory;
    private final Connection keeper;

    private SqliteDialect(String url, boolean inMemory) {
        this.connections = new SQLiteDataSource(settings(inMemory));
        this.connections.setUrl(url);
        this.inMemory = inMemory;
        try {
            this.keeper = inMemory ? connections.getConnection() : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open in-memory SQLite database", e);
        }
    }

    static SqliteDialect file(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + absolute, e);
        }
        return new SqliteDialect("jdbc:sqlite:" + absolute, false);
    }

    /** A fresh, private in-memory database; each call makes a new one. */
    static SqliteDialect inMemory() {
        return new SqliteDialect("jdbc:sqlite:file:cerulean-" + UUID.randomUUID() + "?mode=memory&cache=shared", true);
    }

    private static SQLiteConfig settings(boolean inMemory) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSharedCache(inMemory);
        if (!inMemory) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        }
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public DataSource connections() {
        return connections;
    }

    @Override
    public void configurePool(HikariConfig pool) {
        pool.setPoolName(inMemory ? "cerulean-sqlite-memory" : "cerulean-sqlite");
        if (inMemory) {
            pool.setMaximumPoolSize(1);
            pool.setMinimumIdle(1);
            pool.setMaxLifetime(0); // keep the one connection for good: reopening it gains nothing
        } else {
            pool.setMaximumPoolSize(FILE_POOL_SIZE);
            pool.setMinimumIdle(1);
        }
        // A caller may queue behind a writer for the whole busy timeout before its own turn.
        pool.setConnectionTimeout(BUSY_TIMEOUT_MILLIS * 3L);
    }

    @Override
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/common");
    }

    @Override
    public Map<String, String> migrationPlaceholders() {
        // SQLite's default BINARY collation already compares UTF-8 bytes, i.e. by code point.
        return Map.of("key_text", "TEXT");
    }

    /*
     * Transactions are driven with SQL rather than setAutoCommit: sqlite-jdbc's commit() at once
     * issues the next BEGIN IMMEDIATE, so a committing thread would queue for the write lock again
     * just to hand its connection back. The driver stays in auto-commit mode throughout.
     */
    @Override
    public void begin(Connection connection) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A file database syncs each commit; concurrent writers share commits. In memory there is nothing to sync. */
    @Override
    public boolean groupCommits() {
        return !inMemory;
    }

    @Override
    public boolean cachesRows() {
        return true;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return false;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
    }

    @Override
    public void close() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException ignored) {
                // the database is being discarded anyway
            }
        }
    }
}
