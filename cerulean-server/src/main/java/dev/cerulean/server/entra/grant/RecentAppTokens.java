package dev.cerulean.server.entra.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * App-only tokens minted within the last second, handed out again for an identical, freshly
 * authenticated client-credentials request (same tenant, principal, resource). An RS256 signature
 * costs about a millisecond of CPU, so a burst of identical requests (parallel test workers, load
 * tests) would otherwise be capped by RSA alone; within one second the reused token differs from a
 * new one only by a second less lifetime, which {@code expires_in} reports. Interactive use never
 * notices: it asks far less often. The map is cleared when it grows past its bound, so arbitrary
 * resource names cannot grow it without limit.
 */
final class RecentAppTokens {

    static final Duration REUSE_WINDOW = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 4096;

    private record Key(String tenantId, String objectId, String resource) {}

    /** {@code mintedAt} is the exact instant: the token's own {@code iat} is truncated to the second. */
    private record Entry(MintedToken token, Instant mintedAt) {}

    private final ConcurrentHashMap<Key, Entry> recent = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentAppTokens(Clock clock) {
        this.clock = clock;
    }

    MintedToken reuseOrMint(String tenantId, String objectId, String resource, Supplier<MintedToken> mint) {
        Key key = new Key(tenantId, objectId, resource);
        Instant now = clock.instant();
        Entry cached = recent.get(key);
        if (cached != null && cached.mintedAt().plus(REUSE_WINDOW).isAfter(now)) {
            return cached.token();
        }
        MintedToken fresh = mint.get();
        if (recent.size() >= MAX_ENTRIES) {
            recent.clear();
        }
        recent.put(key, new Entry(fresh, now));
        return fresh;
    }
}
