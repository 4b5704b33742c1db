package dev.cerulean.server.security;

import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Successful verifications, keyed by the whole token string, so hot read paths (ARM, the registry
 * data plane) do not parse and RSA-verify the same token on every request. Entries die with their
 * token's {@code exp}; when the cache is full, expired entries go first, then an arbitrary tenth.
 * Failures are never stored. The key must be the complete token: keying by the signature alone
 * would let a valid signature vouch for an edited payload.
 *
 * @param <T> what a verified token yields ({@link Principal} for Entra tokens)
 */
public final class VerificationCache<T> {

    private final int capacity;
    private final Function<T, Instant> expiryOf;
    private final ConcurrentHashMap<String, T> entries = new ConcurrentHashMap<>();

    public VerificationCache(int capacity, Function<T, Instant> expiryOf) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.expiryOf = expiryOf;
    }

    /** What a token verified before yielded, if it has not expired at {@code now}; else null. */
    public T get(String token, Instant now) {
        T value = entries.get(token);
        if (value == null) {
            return null;
        }
        if (!now.isBefore(expiryOf.apply(value))) {
            entries.remove(token, value);
            return null;
        }
        return value;
    }

    public void put(String token, T value, Instant now) {
        if (entries.size() >= capacity) {
            evict(now);
        }
        entries.put(token, value);
    }

    int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        entries.values().removeIf(v -> !now.isBefore(expiryOf.apply(v)));
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
