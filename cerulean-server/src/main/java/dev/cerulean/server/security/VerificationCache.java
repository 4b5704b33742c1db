package dev.cerulean.server.security;

import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful verifications, keyed by the whole token string, so the hot ARM read path does not
 * parse and RSA-verify the same token on every request. Entries die with their token's
 * {@code exp}; when the cache is full, expired entries go first, then an arbitrary tenth. Failures
 * are never stored. The key must be the complete token: keying by the signature alone would let a
 * valid signature vouch for an edited payload.
 */
final class VerificationCache {

    private final int capacity;
    private final ConcurrentHashMap<String, Principal> entries = new ConcurrentHashMap<>();

    VerificationCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** The principal of a token verified before and not yet expired at {@code now}, or null. */
    Principal get(String token, Instant now) {
        Principal principal = entries.get(token);
        if (principal == null) {
            return null;
        }
        if (!now.isBefore(principal.expiresAt())) {
            entries.remove(token, principal);
            return null;
        }
        return principal;
    }

    void put(String token, Principal principal, Instant now) {
        if (entries.size() >= capacity) {
            evict(now);
        }
        entries.put(token, principal);
    }

    int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        entries.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        int surplus = entries.size() - capacity + 1;
        if (surplus > 0) {
            int drop = Math.max(surplus, capacity / 10);
            Iterator<String> keys = entries.keySet().iterator();
            while (drop-- > 0 && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
    }
}
