package dev.cerulean.store.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Values read from committed rows, kept in memory so that the reads every ARM GET and every token
 * request make cost a map lookup instead of a SQLite query. Used only where this process is the
 * database's one writer ({@link Dialect#cachesRows}) and only for reads outside a transaction: a
 * transaction reads its own connection, which may hold writes not yet committed. Absences are kept
 * too (an empty {@code Optional} or list is a value like any other).
 *
 * <p>Correctness rests on one rule: a write forgets what it may have changed <em>after</em> its
 * transaction has ended ({@link JdbcTransactions#thenForget}), and every forget first advances
 * {@link #generation}. A reader remembers what it read only if the generation is still the one it saw
 * before reading, checked inside the map's per-key update; so a value read before a commit is either
 * never remembered or forgotten by that commit's own forget. A value is also read again when older
 * than {@code maxAgeNanos}, which bounds what another process writing the same file could leave
 * stale. Past {@code maxEntries} entries or {@code maxWeight} (the sum of {@code weight}, e.g. body
 * characters) the cache starts again from empty: the hot set of a test run is far smaller.
 */
final class CommittedReads<V> {

    private record Entry<V>(V value, long weight, long readAt) {}

    private static final CommittedReads<?> OFF = new CommittedReads<>(0, 0, 0, v -> 0, () -> 0);

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong weight = new AtomicLong();
    private final int maxEntries;
    private final long maxWeight;
    private final long maxAgeNanos;
    private final ToLongFunction<V> weigh;
    private final LongSupplier nanoTime;

    CommittedReads(int maxEntries, long maxWeight, long maxAgeNanos, ToLongFunction<V> weigh, LongSupplier nanoTime) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.maxAgeNanos = maxAgeNanos;
        this.weigh = weigh;
        this.nanoTime = nanoTime;
    }

    /** Keeps nothing: every read goes to the database (a dialect other servers share, see {@link Dialect#cachesRows}). */
    @SuppressWarnings("unchecked")
    static <V> CommittedReads<V> off() {
        return (CommittedReads<V>) OFF;
    }

    /** {@code maxEntries} values, each kept one second at most. */
    static <V> CommittedReads<V> standard(int maxEntries) {
        return standard(maxEntries, Long.MAX_VALUE, v -> 0);
    }

    /** {@code maxEntries} values of at most {@code maxWeight} in all, each kept one second at most. */
    static <V> CommittedReads<V> standard(int maxEntries, long maxWeight, ToLongFunction<V> weigh) {
        return new CommittedReads<>(maxEntries, maxWeight, 1_000_000_000L, weigh, System::nanoTime);
    }

    /** The value for {@code key}: remembered if fresh, else from {@code read}, remembered when still current. */
    V get(String key, Supplier<V> read) {
        if (this == OFF) {
            return read.get();
        }
        long now = nanoTime.getAsLong();
        Entry<V> known = entries.get(key);
        if (known != null && now - known.readAt < maxAgeNanos) {
            return known.value;
        }
        long seen = generation.get();
        V value = read.get();
        if (entries.size() >= maxEntries || weight.get() >= maxWeight) {
            entries.clear();
            recount();
        }
        Entry<V> fresh = new Entry<>(value, weigh.applyAsLong(value), now);
        entries.compute(key, (k, old) -> {
            if (generation.get() != seen) return old; // a write ended meanwhile: what was read may predate it
            weight.addAndGet(fresh.weight - (old == null ? 0 : old.weight));
            return fresh;
        });
        // forgetIf walks the map without the per-key lock, so it can pass this key just before the
        // entry above lands; the generation it advanced first is then seen here, and the entry goes.
        if (generation.get() != seen && entries.remove(key, fresh)) {
            weight.addAndGet(-fresh.weight);
        }
        return value;
    }

    /** Forgets {@code key}; call once the write's transaction has ended. */
    void forget(String key) {
        if (this == OFF) return;
        generation.incrementAndGet();
        Entry<V> old = entries.remove(key);
        if (old != null) weight.addAndGet(-old.weight);
    }

    /** Forgets every key {@code which} accepts. */
    void forgetIf(Predicate<String> which) {
        if (this == OFF) return;
        generation.incrementAndGet();
        entries.keySet().removeIf(which);
        recount();
    }

    void forgetAll() {
        forgetIf(key -> true);
    }

    int size() {
        return entries.size();
    }

    private void recount() {
        weight.set(entries.values().stream().mapToLong(Entry::weight).sum());
    }
}
