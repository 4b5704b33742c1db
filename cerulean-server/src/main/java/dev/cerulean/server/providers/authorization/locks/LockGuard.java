package dev.cerulean.server.providers.authorization.locks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ScopeLocks;
import dev.cerulean.server.rbac.ScopeKeys;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lock enforcement for the ARM pipeline. A write (PUT, PATCH, POST action) is refused by a
 * {@code ReadOnly} lock at or above its target; a delete by any lock at or above it, or below it,
 * since deleting a group or resource deletes what it contains. Locks are read per subscription
 * into a snapshot kept until a local lock change or for at most {@code maxAge} (servers sharing a
 * database), so with no locks a check is one map lookup and an empty loop.
 */
public final class LockGuard implements ScopeLocks {

    /** One lock as enforcement sees it: its scope's key, the scope as the client spelled it, its level. */
    record Lock(String scopeKey, String scope, boolean readOnly) {}

    private record Snapshot(List<Lock> locks, long loadedAt) {}

    private final ResourceStore store;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Snapshot> bySubscription = new ConcurrentHashMap<>();

    public LockGuard(ResourceStore store, Duration maxAge) {
        this(store, maxAge, System::nanoTime);
    }

    LockGuard(ResourceStore store, Duration maxAge, LongSupplier nanoTime) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void check(String verb, String target) {
        String sub = subscriptionOf(target);
        if (sub == null) return; // nothing is locked above a subscription
        List<Lock> locks = locks(sub);
        if (locks.isEmpty()) return;
        String key = key(target);
        // provider registration and provider-level actions (checkNameAvailability) are writes at
        // the subscription itself that locks do not refuse here
        if (verb.equals("write") && key.equals("/subscriptions/" + sub)) return;
        List<String> locked = lockedBy(locks, verb.equals("delete"), key);
        if (!locked.isEmpty()) throw LockErrors.scopeLocked(target, verb, locked);
    }

    /** The scopes of the locks that refuse the operation on {@code targetKey}, each once, in key order. */
    static List<String> lockedBy(List<Lock> locks, boolean delete, String targetKey) {
        List<String> out = new ArrayList<>();
        for (Lock l : locks) {
            boolean applies = ScopeKeys.atOrAbove(l.scopeKey(), targetKey) ? delete || l.readOnly()
                    : delete && ScopeKeys.atOrAbove(targetKey, l.scopeKey());
            if (applies && !out.contains(l.scope())) out.add(l.scope());
        }
        return out;
    }

    /** A lock was written or removed here: the next check re-reads the subscription's locks. */
    void invalidate(String subscriptionId) {
        bySubscription.remove(subscriptionId.toLowerCase(Locale.ROOT));
    }

    private List<Lock> locks(String sub) {
        long now = nanoTime.getAsLong();
        Snapshot s = bySubscription.get(sub);
        if (s != null && now - s.loadedAt() < maxAgeNanos) return s.locks();
        List<Lock> fresh = new ArrayList<>();
        for (ResourceRecord rec : all(store, sub)) {
            JsonNode p = Json.parse(rec.body()).path("properties");
            fresh.add(new Lock(rec.parentKey(), rec.id().substring(0, rec.id().toLowerCase(Locale.ROOT).lastIndexOf("/providers/")),
                    "ReadOnly".equalsIgnoreCase(p.path("level").asText())));
        }
        bySubscription.put(sub, new Snapshot(List.copyOf(fresh), now));
        return fresh;
    }

    /** Every stored lock of a subscription, in key order. */
    static List<ResourceRecord> all(ResourceStore store, String subscriptionId) {
        return store.listAll(ResourceQuery.in(subscriptionId.toLowerCase(Locale.ROOT)).type(ManagementLocks.TYPE_KEY)
                .limit(1000)).toList();
    }

    /** Lower-cased, without empty segments or a trailing slash: how scopes are compared. */
    static String key(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("/")) {
            if (!part.isEmpty()) b.append('/').append(part);
        }
        return b.toString();
    }

    /** The lower-cased subscription id of an id as the engine spells it ({@code /subscriptions/{id}/...}), or null. */
    private static String subscriptionOf(String id) {
        String prefix = "/subscriptions/";
        if (!id.regionMatches(true, 0, prefix, 0, prefix.length())) return null;
        int end = id.indexOf('/', prefix.length());
        String sub = end < 0 ? id.substring(prefix.length()) : id.substring(prefix.length(), end);
        return sub.isEmpty() ? null : sub.toLowerCase(Locale.ROOT);
    }
}
