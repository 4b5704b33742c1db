package dev.cerulean.store.jdbc;

import dev.cerulean.store.Stores;
import dev.cerulean.store.contract.StoreContracts;

/** Every store contract on an in-memory SQLite database, as {@code --in-memory} runs. */
class SqliteInMemoryStoresTest extends StoreContracts {

    @Override
    protected Stores openStores() {
        return JdbcStores.open(StoreSettings.inMemory());
    }
}
