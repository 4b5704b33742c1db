package dev.cerulean.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One timer per surface, method and status: what {@code /cerulean/metrics} reports as
 * {@code cerulean_http_requests}. Timers are cached by surface and method, then indexed by
 * status, so finding one allocates nothing: this runs for every request.
 */
final class RequestTimers {

    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, AtomicReferenceArray<Timer>>> timers =
            new ConcurrentHashMap<>();

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String surface, String method, int status, long startedNanos) {
        timer(surface, method, status).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String surface, String method, int status) {
        AtomicReferenceArray<Timer> byStatus = timers.computeIfAbsent(surface, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(method, m -> new AtomicReferenceArray<>(STATUSES));
        boolean indexed = status >= 0 && status < STATUSES;
        Timer timer = indexed ? byStatus.get(status) : null;
        if (timer == null) {
            // Micrometer returns the already registered timer for the same name and tags, so a race registers once
            timer = Timer.builder("cerulean.http.requests").tag("surface", surface).tag("method", method)
                    .tag("status", Integer.toString(status)).register(registry);
            if (indexed) byStatus.set(status, timer);
        }
        return timer;
    }
}
