package dev.cerulean.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

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

    /**
     * Every row {@code query} matches, in key order, read lazily a page of {@code query.limit()} at a
     * time: a caller that stops early (e.g. {@code findFirst}) reads no further pages.
     */
    default Stream<ResourceRecord> listAll(ResourceQuery query) {
        Iterator<ResourceRecord> rows = new Iterator<>() {
            private Page<ResourceRecord> page;
            private Iterator<ResourceRecord> items;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = list(query);
                    items = page.items().iterator();
                }
                while (!items.hasNext() && page.nextCursor() != null) {
                    page = list(query.after(page.nextCursor()));
                    items = page.items().iterator();
                }
                return items.hasNext();
            }

            @Override
            public ResourceRecord next() {
                if (!hasNext()) throw new NoSuchElementException();
                return items.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
