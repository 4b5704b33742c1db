package dev.cerulean.store;

import java.util.Optional;

/**
 * ARM resources as JSON documents keyed by lower-cased resource id. The store only stores,
 * conditionally; every business rule lives in the ARM engine and the providers.
 */
public interface ResourceStore {

    Optional<ResourceRecord> get(String key);

    /**
     * Inserts or replaces the row with {@code record.key()} if {@code condition} holds at the time of
     * the write. Returns false, and changes nothing, when it does not.
     */
    boolean put(ResourceRecord record, WriteCondition condition);

    /** Deletes one row if {@code condition} holds ({@link WriteCondition#ABSENT} is not meaningful here). */
    boolean delete(String key, WriteCondition condition);

    /** Deletes the row {@code key} and every row whose key starts with {@code key + "/"}; returns the count. */
    int deleteTree(String key);

    Page<ResourceRecord> list(ResourceQuery query);
}
