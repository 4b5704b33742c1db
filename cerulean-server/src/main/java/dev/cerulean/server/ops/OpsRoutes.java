package dev.cerulean.server.ops;

import io.javalin.config.RoutesConfig;
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

    public void register(RoutesConfig routes) {
        routes.get("/cerulean/health", ctx -> {
            boolean ok = ready.getAsBoolean();
            ctx.status(ok ? 200 : 503).contentType("application/json")
                    .result("{\"status\":\"" + (ok ? "ready" : "starting") + "\",\"store\":\"" + backend + "\"}");
        });
        routes.get("/cerulean/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
    }
}
