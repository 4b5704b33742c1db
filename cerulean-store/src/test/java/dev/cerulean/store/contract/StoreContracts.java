package dev.cerulean.store.contract;

import dev.cerulean.store.Stores;
import org.junit.jupiter.api.Nested;

/**
 * Every contract suite, as nested classes, so that a backend binds them all by extending this
 * class and saying how to open a fresh, empty database.
 */
public abstract class StoreContracts {

    /** Opens stores over a new, empty database of the backend under test. */
    protected abstract Stores openStores();

    @Nested
    class Resources extends ResourceStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class Identities extends IdentityStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class Directory extends DirectoryStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class Operations extends OperationStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class Secrets extends SecretStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class Values extends KeyValueStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class Registry extends RegistryStoreContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }

    @Nested
    class TransactionsAcrossStores extends TransactionsContract {
        @Override
        protected Stores openStores() {
            return StoreContracts.this.openStores();
        }
    }
}
