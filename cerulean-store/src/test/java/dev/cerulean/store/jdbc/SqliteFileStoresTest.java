package dev.cerulean.store.jdbc;

import dev.cerulean.store.Stores;
import dev.cerulean.store.contract.StoreContracts;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** Every store contract on a SQLite file, the default store. */
class SqliteFileStoresTest extends StoreContracts {

    @TempDir
    static Path dataDir;

    @Override
    protected Stores openStores() {
        return JdbcStores.open(StoreSettings.sqliteFile(dataDir.resolve(UUID.randomUUID() + ".db")));
    }
}
