package dev.cerulean.core.id;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GUID-shaped identifiers for tracing (request and correlation ids). They need to be unique, not
 * unpredictable, so they come from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from
 * a shared {@code SecureRandom} whose lock every request thread would queue on.
 */
public final class RequestIds {
    private RequestIds() {}

    public static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;               // version 4
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(hi, lo).toString();
    }
}
