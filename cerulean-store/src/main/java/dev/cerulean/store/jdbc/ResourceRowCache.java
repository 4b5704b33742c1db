package dev.cerulean.store.jdbc;

import dev.cerulean.store.ResourceRecord;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Committed resource rows (and committed absences) kept in memory, so that the read every ARM GET
 * makes costs a map lookup instead of a SQLite query. Used only where this process is the
 * database's one writer ({@link Dialect#cachesRows}) and only for reads outside a transaction: a
 * transaction reads its own connection, which may hold writes not yet committed.
 *
 * <p>Correctness rests on one rule: a write forgets its keys <em>after</em> its transaction has
 * ended, and every forget first advances {@link #generation}. A reader remembers what it read only if
 * the generation is still the one it saw before reading, checked inside the map's per-key update; so
 * a row read before a commit is either never remembered or forgotten by that commit's own forget.
 * A row is also re-read when older than {@code maxAgeNanos}, which bounds what another process
 * writing the same file could leave stale. Past {@code maxEntries} or {@code maxBodyChars} the cache
 * starts again from empty: the hot set of a test run is far smaller.
 */
final class ResourceRowCache {

    private record Entry(Optional<ResourceRecord> row, long readAt) {}

    private final ConcurrentHashMap<String, Entry> rows = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong bodyChars = new AtomicLong();
    private final int maxEntries;
    private final long maxBodyChars;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    ResourceRowCache(int maxEntries, long maxBodyChars, long maxAgeNanos, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.maxBodyChars = maxBodyChars;
        this.maxAgeNanos = maxAgeNanos;
        this.nanoTime = nanoTime;
    }

    /** The defaults: 10,000 rows, 8 M body characters, one second. */
    static ResourceRowCache standard() {
        return new ResourceRowCache(10_000, 8L << 20, 1_000_000_000L, System::nanoTime);
    }

    /** The row for {@code key}: remembered if fresh, else from {@code read}, remembered when still current. */
    Optional<ResourceRecord> get(String key, Supplier<Optional<ResourceRecord>> read) {
        long now = nanoTime.getAsLong();
        Entry known = rows.get(key);
        if (known != null && now - known.readAt < maxAgeNanos) {
            return known.row;
        }
        long seen = generation.get();
        Optional<ResourceRecord> row = read.get();
        if (rows.size() >= maxEntries || bodyChars.get() >= maxBodyChars) {
            clear();
        }
        Entry fresh = new Entry(row, now);
        rows.compute(key, (k, old) -> {
            if (generation.get() != seen) return old; // a write ended meanwhile: what was read may predate it
            bodyChars.addAndGet(chars(fresh) - (old == null ? 0 : chars(old)));
            return fresh;
        });
        return row;
    }

    /** Forgets {@code key}; call after the write's transaction has ended. */
    void forget(String key) {
        generation.incrementAndGet();
        Entry old = rows.remove(key);
        if (old != null) bodyChars.addAndGet(-chars(old));
    }

    /** Forgets {@code key} and every key below it ({@code key + "/..."}). */
    void forgetTree(String key) {
        generation.incrementAndGet();
        String below = key + "/";
        rows.keySet().removeIf(k -> k.equals(key) || k.startsWith(below));
        recount();
    }

    private void clear() {
        rows.clear();
        recount();
    }

    private void recount() {
        bodyChars.set(rows.values().stream().mapToLong(ResourceRowCache::chars).sum());
    }

    int size() {
        return rows.size();
    }

    private static long chars(Entry entry) {
        return entry.row.map(r -> r.body() == null ? 0L : r.body().length()).orElse(0L);
    }
}
