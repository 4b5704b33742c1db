package dev.cerulean.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.PasswordCredential;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by a V1 server keeps its service principals and their secrets after V3. */
class DirectoryMigrationTest {

    @Test
    void v1SecretsBecomeCredentialsOfTheirPrincipal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations("classpath:db/migration/common").placeholders(Map.of("key_text", "TEXT"))
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO service_principals (tenant_id, app_id, object_id, display_name, secret_hash, "
                    + "created_at) VALUES ('t', 'app', 'sp-object', 'dev', 'sha256$salt$hash', 1700000000000)");
        }
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(file))) {
            ServicePrincipal sp = stores.identities().servicePrincipal("t", "app").orElseThrow();
            assertThat(sp.objectId()).isEqualTo("sp-object");
            assertThat(sp.principalType()).isEqualTo(ServicePrincipal.APPLICATION);
            assertThat(stores.identities().passwordCredentialsByAppId("t", "app")).singleElement()
                    .satisfies(credential -> {
                        assertThat(credential.ownerId()).isEqualTo("sp-object");
                        assertThat(credential.keyId()).isEqualTo("sp-object");
                        assertThat(credential.secretHash()).isEqualTo("sha256$salt$hash");
                        assertThat(credential.endsAt()).isNull();
                    });
        }
    }
}
