package dev.cerulean.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.KeyValueStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyValueStore} must do: plain puts, and a first-writer-wins putIfAbsent. */
public abstract class KeyValueStoreContract extends StoresContract {

    private KeyValueStore values;

    @BeforeEach
    void values() {
        values = stores.values();
    }

    @Test
    void missingNameIsEmpty() {
        assertThat(values.get("signing-key")).isEmpty();
    }

    @Test
    void putThenGetReturnsTheValue() {
        values.put("signing-key", "k1");
        assertThat(values.get("signing-key")).contains("k1");
    }

    @Test
    void putReplacesTheValue() {
        values.put("signing-key", "k1");
        values.put("signing-key", "k2");
        assertThat(values.get("signing-key")).contains("k2");
    }

    @Test
    void putIfAbsentStoresAndReturnsTheNewValue() {
        assertThat(values.putIfAbsent("signing-key", "k1")).isEqualTo("k1");
        assertThat(values.get("signing-key")).contains("k1");
    }

    @Test
    void putIfAbsentKeepsAndReturnsTheExistingValue() {
        values.put("signing-key", "k1");
        assertThat(values.putIfAbsent("signing-key", "k2")).isEqualTo("k1");
        assertThat(values.get("signing-key")).contains("k1");
    }

    @Test
    void concurrentPutIfAbsentCallersAllAdoptOneValue() throws Exception {
        List<String> adopted = Race.run(8, i -> () -> values.putIfAbsent("signing-key", "k" + i));
        String stored = values.get("signing-key").orElseThrow();
        assertThat(adopted).containsOnly(stored);
    }
}
