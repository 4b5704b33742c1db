package dev.cerulean.store.jdbc;

import static dev.cerulean.store.contract.SampleRecords.SUBSCRIPTION;
import static dev.cerulean.store.contract.SampleRecords.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import org.junit.jupiter.api.Test;

/** What only the in-memory SQLite store promises: each one is private and gone once closed. */
class SqliteInMemoryStoreTest {

    @Test
    void twoInMemoryStoresDoNotShareData() {
        ResourceRecord registry = registry(SUBSCRIPTION, "rg", "reg");
        try (Stores one = JdbcStores.open(StoreSettings.inMemory());
             Stores two = JdbcStores.open(StoreSettings.inMemory())) {
            one.resources().put(registry, WriteCondition.ABSENT);
            assertThat(two.resources().get(registry.key())).isEmpty();
            assertThat(one.resources().get(registry.key())).contains(registry);
        }
    }
}
