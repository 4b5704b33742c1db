package dev.cerulean.server.ops;

import dev.cerulean.server.http.Routes;

import java.nio.charset.StandardCharsets;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.BooleanSupplier;

/**
 * Cerulean's own endpoints, under {@code /cerulean/}: readiness ({@code health}) and Prometheus
 * metrics. Unauthenticated on purpose: they reveal nothing about stored resources.
 */
public final class OpsRoutes {

    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;
    private final String backend;

    public OpsRoutes(BooleanSupplier ready, PrometheusMeterRegistry metrics, String backend) {
        this.ready = ready;
        this.metrics = metrics;
        this.backend = backend;
    }

    public void register(Routes routes) {
        routes.get("/cerulean/health", ex -> {
            boolean ok = ready.getAsBoolean();
            ex.status(ok ? 200 : 503).send("application/json", ("{\"status\":\"" + (ok ? "ready" : "starting")
                    + "\",\"store\":\"" + backend + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        routes.get("/cerulean/metrics", ex -> ex.send("text/plain; version=0.0.4",
                metrics.scrape().getBytes(StandardCharsets.UTF_8)));
    }
}
