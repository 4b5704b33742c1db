package dev.cerulean.server.entra;

import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.Stores;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;

/** The real identity store over an in-memory SQLite database, for tests that need a directory and nothing else. */
public final class InMemoryDirectory {

    private InMemoryDirectory() {}

    /** Fresh, empty stores; tests that start one per class may leave it open until the JVM exits. */
    public static Stores open() {
        return JdbcStores.open(StoreSettings.inMemory());
    }

    public static IdentityStore identities(Stores stores) {
        return stores.identities();
    }

    public static Transactions transactions(Stores stores) {
        return stores.transactions();
    }
}
