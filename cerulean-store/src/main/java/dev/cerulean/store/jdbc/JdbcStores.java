package dev.cerulean.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.KeyValueStore;
import dev.cerulean.store.OperationStore;
import dev.cerulean.store.RegistryStore;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretStore;
import dev.cerulean.store.StoreException;
import dev.cerulean.store.Stores;
import dev.cerulean.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Every store of one SQLite or PostgreSQL database, over one connection pool. {@link #open}
 * brings the schema up to date with Flyway before the first store call.
 */
public final class JdbcStores implements Stores {

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final JdbcTransactions transactions;
    private final JdbcResourceStore resources;
    private final JdbcIdentityStore identities;
    private final JdbcOperationStore operations;
    private final JdbcKeyValueStore values;
    private final JdbcSecretStore secrets;
    private final JdbcRegistryStore registry;

    private JdbcStores(Dialect dialect, HikariDataSource pool) {
        this.dialect = dialect;
        this.pool = pool;
        this.transactions = new JdbcTransactions(pool, dialect);
        this.resources = new JdbcResourceStore(transactions, dialect.cachesRows());
        this.identities = new JdbcIdentityStore(transactions, dialect.cachesRows());
        this.operations = new JdbcOperationStore(transactions, dialect);
        this.values = new JdbcKeyValueStore(transactions);
        this.secrets = new JdbcSecretStore(transactions);
        this.registry = new JdbcRegistryStore(transactions);
    }

    /**
     * Opens (creating if needed) the database named by {@code settings}, migrates its schema and
     * starts the pool. Fails with {@link StoreException} when the database cannot be reached or
     * migrated.
     */
    public static Stores open(StoreSettings settings) {
        Dialect dialect;
        try {
            dialect = dialectFor(settings);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store (" + settings.describe() + ")", e);
        }
        try {
            migrate(dialect);
            HikariConfig config = new HikariConfig();
            config.setDataSource(dialect.connections());
            dialect.configurePool(config);
            HikariDataSource pool = new HikariDataSource(config);
            // The first borrow and return makes Hikari generate its proxy classes (~20 ms): here, on the
            // thread that opens the store, rather than on whichever caller comes first.
            try (Connection first = pool.getConnection()) {
                first.isReadOnly();
            } catch (SQLException e) {
                pool.close();
                throw new StoreException("cannot open the store (" + settings.describe() + ")", e);
            }
            return new JdbcStores(dialect, pool);
        } catch (RuntimeException e) {
            dialect.close();
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("cannot open the store (" + settings.describe() + ")", e);
        }
    }

    private static Dialect dialectFor(StoreSettings settings) {
        if (settings instanceof StoreSettings.SqliteFile file) {
            return SqliteDialect.file(file.file());
        }
        if (settings instanceof StoreSettings.SqliteInMemory) {
            return SqliteDialect.inMemory();
        }
        return new PostgresDialect(((StoreSettings.Postgres) settings).url());
    }

    /**
     * The newest migration bundled in this build. When the database already records it, Flyway is
     * not started at all: loading and scanning cost several hundred milliseconds of every start-up
     * even when there is nothing to migrate. {@code SchemaVersionTest} keeps it equal to the scripts.
     */
    static final String SCHEMA_VERSION = "3";

    private static void migrate(Dialect dialect) {
        if (schemaIsCurrent(dialect)) {
            return;
        }
        try {
            Flyway.configure(JdbcStores.class.getClassLoader())
                    .dataSource(dialect.connections())
                    .locations(dialect.migrationLocations().toArray(String[]::new))
                    .placeholders(dialect.migrationPlaceholders())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot migrate the " + dialect.name() + " schema", e);
        }
    }

    private static boolean schemaIsCurrent(Dialect dialect) {
        String newest = "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1";
        try (java.sql.Connection c = dialect.connections().getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(newest)) {
            return rs.next() && SCHEMA_VERSION.equals(rs.getString(1));
        } catch (java.sql.SQLException e) {
            return false; // no history yet (a new database): Flyway creates the schema
        }
    }

    @Override
    public ResourceStore resources() {
        return resources;
    }

    @Override
    public IdentityStore identities() {
        return identities;
    }

    @Override
    public OperationStore operations() {
        return operations;
    }

    @Override
    public KeyValueStore values() {
        return values;
    }

    @Override
    public SecretStore secrets() {
        return secrets;
    }

    @Override
    public RegistryStore registry() {
        return registry;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public String backend() {
        return dialect.name();
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            dialect.close();
        }
    }
}
