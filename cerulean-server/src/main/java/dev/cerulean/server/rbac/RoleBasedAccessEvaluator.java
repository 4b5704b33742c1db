package dev.cerulean.server.rbac;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Azure RBAC's decision (graph-rbac.md §5.3): a principal may perform an action at a scope when
 * one of its assignments at that scope or an ancestor grants it. All assignments are read once and
 * kept, resolved to permissions and grouped by principal, until {@link #invalidate()} (called after
 * every local change of assignments or role definitions, so a change applies to the next request)
 * or until {@code maxAge} has passed (so servers sharing one database see each other's changes).
 */
public final class RoleBasedAccessEvaluator implements AccessEvaluator {

    private record Snapshot(long generation, long loadedAt, Map<String, List<Grant>> byPrincipal) {}

    private final GrantSource source;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;
    private final ReentrantLock reload = new ReentrantLock();

    public RoleBasedAccessEvaluator(GrantSource source, java.time.Duration maxAge) {
        this(source, maxAge, System::nanoTime);
    }

    RoleBasedAccessEvaluator(GrantSource source, java.time.Duration maxAge, LongSupplier nanoTime) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean allows(String principalObjectId, String action, String scope, boolean dataAction) {
        if (principalObjectId == null) return false;
        List<Grant> grants = grantsOf(principalObjectId);
        if (grants.isEmpty()) return false;
        String a = action.toLowerCase(Locale.ROOT);
        String target = ScopeKeys.key(scope);
        for (Grant g : grants) {
            if (g.covers(target) && g.permissions().grants(a, dataAction)) return true;
        }
        return false;
    }

    /** The principal's grants from the current snapshot, reloading it when stale. */
    public List<Grant> grantsOf(String principalObjectId) {
        Snapshot s = current();
        return s.byPrincipal().getOrDefault(principalObjectId.toLowerCase(Locale.ROOT), List.of());
    }

    /** Forget everything read; the next decision reads assignments and definitions again. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = nanoTime.getAsLong();
        long gen = generation.get();
        if (s != null && s.generation() == gen && now - s.loadedAt() < maxAgeNanos) return s;
        // A snapshot that is only old (no local change since) stays good while one thread reloads it:
        // requests do not queue behind the periodic reload. A local change makes everyone wait for it.
        boolean onlyAged = s != null && s.generation() == gen;
        if (onlyAged) {
            if (!reload.tryLock()) return s;
        } else {
            reload.lock();
        }
        try {
            s = snapshot;
            gen = generation.get();
            if (s != null && s.generation() == gen && nanoTime.getAsLong() - s.loadedAt() < maxAgeNanos) return s;
            Snapshot fresh = new Snapshot(gen, nanoTime.getAsLong(), source.grantsByPrincipal());
            snapshot = fresh;
            return fresh;
        } finally {
            reload.unlock();
        }
    }
}
