package dev.cerulean.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL, for several servers sharing one database. Transactions run at the default READ
 * COMMITTED level: every conditional write is a single statement (insert-if-absent, update where
 * the etag matches), which PostgreSQL settles atomically without stronger isolation.
 */
final class PostgresDialect implements Dialect {

    private static final int POOL_SIZE = 10;
    /** SQLSTATE unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final PGSimpleDataSource connections;
    private final String location;

    PostgresDialect(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(parsed.jdbcUrl());
        if (parsed.user() != null) {
            source.setUser(parsed.user());
        }
        if (parsed.password() != null) {
            source.setPassword(parsed.password());
        }
        if (source.getApplicationName() == null || source.getApplicationName().isEmpty()) {
            source.setApplicationName("cerulean");
        }
        this.connections = source;
        this.location = parsed.redacted();
    }

    /** The database's address without credentials, for logs. */
    String location() {
        return location;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public DataSource connections() {
        return connections;
    }

    @Override
    public void configurePool(HikariConfig pool) {
        pool.setPoolName("cerulean-postgresql");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(2);
    }

    @Override
    public List<String> migrationLocations() {
        return List.of("classpath:db/migration/common");
    }

    @Override
    public Map<String, String> migrationPlaceholders() {
        // The database's default collation may be linguistic (en_US ignores punctuation at first
        // level), which would break key ranges such as "/rg1/" <= k < "/rg10"; "C" compares bytes.
        return Map.of("key_text", "TEXT COLLATE \"C\"");
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
