package dev.cerulean.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One timer per surface, method and status: what {@code /cerulean/metrics} reports as
 * {@code cerulean_http_requests}. Timers are cached: this runs for every request.
 */
final class RequestTimers {

    private record Key(String surface, String method, int status) {}

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String surface, String method, int status, long startedNanos) {
        timers.computeIfAbsent(new Key(surface, method, status), k -> Timer.builder("cerulean.http.requests")
                        .tag("surface", k.surface())
                        .tag("method", k.method())
                        .tag("status", Integer.toString(k.status()))
                        .register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
