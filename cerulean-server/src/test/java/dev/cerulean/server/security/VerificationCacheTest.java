package dev.cerulean.server.security;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationCacheTest {

    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    private static Principal expiringAt(Instant expiry) {
        return new Principal("t", "a", "o", null, "a", "Application", "aud", expiry);
    }

    @Test
    void entryIsDroppedAtTokenExpiry() {
        VerificationCache<Principal> cache = new VerificationCache<>(10, Principal::expiresAt);
        cache.put("token", expiringAt(NOW.plusSeconds(60)), NOW);

        assertThat(cache.get("token", NOW.plusSeconds(59))).isNotNull();
        assertThat(cache.get("token", NOW.plusSeconds(60))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinCapacity() {
        VerificationCache<Principal> cache = new VerificationCache<>(100, Principal::expiresAt);
        for (int i = 0; i < 1000; i++) {
            cache.put("token-" + i, expiringAt(NOW.plusSeconds(3600)), NOW);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
        assertThat(cache.get("token-999", NOW)).isNotNull();
    }

    @Test
    void expiredEntriesAreEvictedFirst() {
        VerificationCache<Principal> cache = new VerificationCache<>(3, Principal::expiresAt);
        cache.put("old-1", expiringAt(NOW.plusSeconds(1)), NOW);
        cache.put("old-2", expiringAt(NOW.plusSeconds(1)), NOW);
        cache.put("live", expiringAt(NOW.plusSeconds(3600)), NOW);

        cache.put("new", expiringAt(NOW.plusSeconds(3600)), NOW.plusSeconds(10));

        assertThat(cache.get("live", NOW.plusSeconds(10))).isNotNull();
        assertThat(cache.get("new", NOW.plusSeconds(10))).isNotNull();
    }
}
