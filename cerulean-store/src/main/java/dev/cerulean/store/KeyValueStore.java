package dev.cerulean.store;

import java.util.Optional;

/**
 * Small named values that must be shared by every server using the same database, such as the
 * token-signing key (so that scaled-out instances verify each other's tokens).
 */
public interface KeyValueStore {

    Optional<String> get(String name);

    /** Stores the value unless the name exists; returns the value now stored under the name. */
    String putIfAbsent(String name, String value);

    void put(String name, String value);
}
