package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.KeyStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTPS server every surface shares: Jetty with one TLS connector, request ids, surface
 * selection, ARM's standard headers, and the one place errors become responses. The order of
 * what happens to a request is {@link #before} → the surface's route → {@link #fail} on error.
 */
public final class HttpFront {

    private static final Logger log = LoggerFactory.getLogger(HttpFront.class);

    /** Everything the front needs to start. */
    public record Settings(String host, int port, KeyStore keyStore, String keyStorePassword, long maxBodyBytes,
                           io.micrometer.core.instrument.MeterRegistry metrics) {}

    private static final String STARTED = "cerulean.started";

    private final Settings settings;
    private final SurfaceResolver surfaces;
    private final Map<Surface, ErrorWriter> writers;
    private final List<Consumer<RoutesConfig>> routeTables;
    private final List<Handler> coreSurfaces;
    private Javalin app;

    /**
     * @param coreSurfaces surfaces served by Jetty core handlers (registry data plane, Graph, ML regional
     *                     API), consulted in order before the routed surfaces; each answers false for
     *                     requests that are not its own
     */
    public HttpFront(Settings settings, SurfaceResolver surfaces, Map<Surface, ErrorWriter> writers,
                     List<Consumer<RoutesConfig>> routeTables, List<Handler> coreSurfaces) {
        this.settings = settings;
        this.surfaces = surfaces;
        this.writers = new EnumMap<>(writers);
        this.routeTables = routeTables;
        this.coreSurfaces = List.copyOf(coreSurfaces);
    }

    public HttpFront start() {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.router.caseInsensitiveRoutes = true;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.http.generateEtags = false;
            cfg.jetty.threadPool = threadPool();
            cfg.jetty.addConnector((server, httpConfig) -> tlsConnector(server, httpConfig));
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new MalformedRequestHandler());
                // Javalin appends its own handler to a sequence it finds on the server, so core surfaces go first.
                server.setHandler(new Handler.Sequence(coreSurfaces.toArray(Handler[]::new)));
            });
            cfg.jetty.port = -1; // no plain-HTTP connector: every surface is HTTPS only
            cfg.routes.before(this::before);
            cfg.routes.after(this::after);
            cfg.routes.exception(ApiError.class, (e, ctx) -> fail(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, fromJavalin(e, ctx)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                RequestContext rc = RequestContext.of(ctx);
                String id = rc == null ? "unknown" : rc.requestId();
                log.error("request {} {} {} failed", id, ctx.method(), ctx.path(), e);
                fail(ctx, ArmErrors.internal(id));
            });
            routeTables.forEach(t -> t.accept(cfg.routes));
        });
        app.start();
        return this;
    }

    public int port() {
        return ((ServerConnector) app.jettyServer().server().getConnectors()[0]).getLocalPort();
    }

    public void stop() {
        if (app != null) app.stop();
    }

    /** Request id, surface and public base URL for every request; ARM's standard headers for ARM. */
    private void before(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String requestId = dev.cerulean.core.id.RequestIds.next();
        String correlation = ctx.header("x-ms-correlation-request-id");
        String host = SurfaceResolver.hostName(ctx.host());
        Surface byHost = surfaces.byHost(host);
        Surface byPath = surfaces.byPath(ctx.path());
        Surface surface = byHost != null ? byHost : byPath;
        String hostHeader = ctx.host() == null ? "localhost:" + port() : ctx.host();
        String baseUrl = "https://" + (hostHeader.endsWith(":443") ? hostHeader.substring(0, hostHeader.length() - 4) : hostHeader);
        RequestContext rc = new RequestContext(requestId, correlation == null ? requestId : correlation, surface, baseUrl);
        rc.attach(ctx);
        if (surface == Surface.ARM) armHeaders(ctx, rc);
        if (byHost != null && byHost != byPath) {
            throw ApiError.of(404, surface == Surface.ARM ? "NotFound" : "not_found",
                    "The path '" + ctx.path() + "' is not served on host '" + host + "'.");
        }
    }

    private record TimerKey(Surface surface, String method, int status) {}

    private final java.util.concurrent.ConcurrentHashMap<TimerKey, io.micrometer.core.instrument.Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One timer per surface, method and status: what /cerulean/metrics reports. Timers are cached: this runs per request. */
    private void after(Context ctx) {
        Long started = ctx.attribute(STARTED);
        RequestContext rc = RequestContext.of(ctx);
        if (started == null || rc == null) return;
        TimerKey key = new TimerKey(rc.surface(), ctx.method().name(), ctx.statusCode());
        timers.computeIfAbsent(key, k -> io.micrometer.core.instrument.Timer.builder("cerulean.http.requests")
                        .tag("surface", k.surface().name().toLowerCase(Locale.ROOT))
                        .tag("method", k.method())
                        .tag("status", Integer.toString(k.status()))
                        .register(settings.metrics()))
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static void armHeaders(Context ctx, RequestContext rc) {
        String clientRequestId = ctx.header("x-ms-client-request-id");
        ctx.header("x-ms-request-id", rc.requestId());
        ctx.header("x-ms-correlation-request-id", rc.correlationId());
        ctx.header("x-ms-routing-request-id", "LOCAL:" + RoutingTime.now() + ":" + rc.requestId());
        if (clientRequestId != null) ctx.header("x-ms-client-request-id", clientRequestId);
        String limitHeader = switch (ctx.method().name()) {
            case "GET", "HEAD" -> "x-ms-ratelimit-remaining-subscription-reads";
            case "DELETE" -> "x-ms-ratelimit-remaining-subscription-deletes";
            default -> "x-ms-ratelimit-remaining-subscription-writes";
        };
        ctx.header(limitHeader, limitHeader.endsWith("reads") ? "11999" : limitHeader.endsWith("deletes") ? "14999" : "1199");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Pragma", "no-cache");
        ctx.header("Expires", "-1");
        ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /** The one place an error becomes a response, in the shape of the request's surface. */
    private void fail(Context ctx, ApiError error) {
        RequestContext rc = RequestContext.of(ctx);
        Surface surface = rc == null ? surfaces.byPath(ctx.path()) : rc.surface();
        ErrorWriter writer = writers.getOrDefault(surface, writers.get(Surface.ARM));
        if (error.status() >= 500) log.warn("answering {} {} with {}", ctx.method(), ctx.path(), error);
        else log.debug("answering {} {} with {}", ctx.method(), ctx.path(), error);
        writer.write(ctx, error);
    }

    /** Javalin's own refusals (no route, body too large, ...) in the surface's shape. */
    private ApiError fromJavalin(HttpResponseException e, Context ctx) {
        RequestContext rc = RequestContext.of(ctx);
        Surface surface = rc == null ? Surface.ARM : rc.surface();
        return switch (e.getStatus()) {
            case 404 -> surface == Surface.ARM ? ArmErrors.missingSubscription()
                    : ApiError.of(404, surface == Surface.REGISTRY ? "NAME_UNKNOWN" : "not_found",
                    "The path '" + ctx.path() + "' was not found.");
            case 405 -> ArmErrors.methodNotAllowed(ctx.method().name());
            case 413 -> ArmErrors.requestTooLarge(settings.maxBodyBytes());
            default -> ApiError.of(e.getStatus(), surface == Surface.ARM ? "BadRequest" : "invalid_request",
                    e.getMessage() == null ? "The request is invalid." : e.getMessage());
        };
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("cerulean-http");
        if (Runtime.version().feature() >= 21) {
            // Jetty 12 runs handlers on virtual threads when given a virtual-thread executor (JDK 21+).
            pool.setVirtualThreadsExecutor(VirtualThreads.executorOrNull());
        }
        return pool;
    }

    private ServerConnector tlsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration httpConfig) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.keyStore());
        ssl.setKeyStorePassword(settings.keyStorePassword());
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        src.setSniHostCheck(false); // one certificate names every host; clients reach us by many names
        https.addCustomizer(src);
        https.addCustomizer(new CompactPath());
        https.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
