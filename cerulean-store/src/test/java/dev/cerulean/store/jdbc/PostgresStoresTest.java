package dev.cerulean.store.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cerulean.store.StoreException;
import dev.cerulean.store.Stores;
import dev.cerulean.store.contract.StoreContracts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every store contract on PostgreSQL, when {@value #URL_VARIABLE} names a database (any accepted
 * URL form), e.g. {@code jdbc:postgresql://127.0.0.1:55432/cerulean_test?user=cerulean&password=cerulean}.
 * Each test starts from an empty, freshly migrated schema of its own name, so the database may be
 * shared with other suites.
 */
class PostgresStoresTest extends StoreContracts {

    static final String URL_VARIABLE = "CERULEAN_TEST_POSTGRES_URL";
    private static final String SCHEMA = "cerulean_store_contract";

    @Override
    protected Stores openStores() {
        String url = System.getenv(URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests skipped: set " + URL_VARIABLE);
        recreateSchema(url);
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        return JdbcStores.open(StoreSettings.postgres(inSchema));
    }

    private static void recreateSchema(String url) {
        try (Connection connection = new PostgresDialect(url).connections().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            throw new StoreException("cannot reset the test schema", e);
        }
    }
}
