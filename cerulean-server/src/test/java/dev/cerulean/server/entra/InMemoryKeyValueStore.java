package dev.cerulean.server.entra;

import dev.cerulean.store.KeyValueStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A test double of {@link KeyValueStore}. */
public final class InMemoryKeyValueStore implements KeyValueStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String putIfAbsent(String name, String value) {
        String previous = values.putIfAbsent(name, value);
        return previous == null ? value : previous;
    }

    @Override
    public void put(String name, String value) {
        values.put(name, value);
    }
}
