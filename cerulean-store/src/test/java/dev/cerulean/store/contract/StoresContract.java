package dev.cerulean.store.contract;

import dev.cerulean.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The lifecycle every contract suite shares: a fresh, empty database for each test, opened
 * through the backend's {@link #openStores()} and closed afterwards.
 */
public abstract class StoresContract {

    protected Stores stores;

    /** Opens stores over a new, empty database of the backend under test. */
    protected abstract Stores openStores();

    @BeforeEach
    void openFreshStores() {
        stores = openStores();
    }

    @AfterEach
    void closeStores() {
        if (stores != null) {
            stores.close();
        }
    }
}
