package dev.cerulean.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    private static final Path DATA = Path.of("/var/lib/cerulean");

    @Test
    void serverDefaultIsTheDatabaseFileInTheDataDirectory() {
        assertThat(StoreSettings.forServer(null, false, DATA))
                .isEqualTo(new StoreSettings.SqliteFile(DATA.resolve("cerulean.db")));
    }

    @Test
    void serverInMemoryFlagChoosesMemory() {
        assertThat(StoreSettings.forServer(null, true, DATA)).isEqualTo(new StoreSettings.SqliteInMemory());
    }

    @Test
    void serverDatabaseUrlWinsOverEverythingElse() {
        assertThat(StoreSettings.forServer("postgres://u:p@h/db", true, DATA))
                .isEqualTo(new StoreSettings.Postgres("postgres://u:p@h/db"));
    }

    @Test
    void sqliteUrlsNameAFileOrMemory() {
        assertThat(StoreSettings.fromUrl("jdbc:sqlite:/tmp/x.db"))
                .isEqualTo(new StoreSettings.SqliteFile(Path.of("/tmp/x.db")));
        assertThat(StoreSettings.fromUrl("jdbc:sqlite::memory:")).isEqualTo(new StoreSettings.SqliteInMemory());
    }

    @Test
    void unknownUrlIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> StoreSettings.fromUrl("mysql://u:secret@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported database URL: expected jdbc:postgresql://, postgresql://, postgres:// "
                        + "or jdbc:sqlite:");
    }

    @Test
    void postgresSettingsNeverPrintThePassword() {
        StoreSettings settings = StoreSettings.postgres("postgresql://u:topsecret@h:5432/db");
        assertThat(settings.toString()).doesNotContain("topsecret");
        assertThat(settings.describe()).isEqualTo("postgresql jdbc:postgresql://h:5432/db");
    }
}
