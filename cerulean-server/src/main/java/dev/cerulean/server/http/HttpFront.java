package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.id.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
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
 * The HTTPS server every surface shares: Jetty 12 core (no servlet layer) with one TLS connector.
 * For every request, in this order: a request id, the surface (by Host, else by path) and the
 * public base URL ({@link RequestContext}); the core surface handlers (registry data plane, Graph,
 * ML regional API), each of which may take the request; then the routed surfaces (ARM, Entra,
 * ops) through one {@link Routes} table, with ARM's standard headers, a 404 in the host's shape
 * for another surface's path, and {@link #fail} as the one place an error becomes an answer.
 * Every request is timed per surface, method and status.
 */
public final class HttpFront {

    private static final Logger log = LoggerFactory.getLogger(HttpFront.class);

    /**
     * Everything the front needs to start.
     *
     * @param keyStore the server certificate; null serves plain HTTP (unit tests only)
     */
    public record Settings(String host, int port, KeyStore keyStore, String keyStorePassword, long maxBodyBytes,
                           MeterRegistry metrics) {}

    private final Settings settings;
    private final SurfaceResolver surfaces;
    private final Map<Surface, ErrorWriter> writers;
    private final Routes routes = new Routes();
    private final List<Handler> coreSurfaces;
    private final String[] coreNames;
    private final RequestTimers timers;
    private Server server;
    private Handler root;

    /**
     * @param routeTables  the routed surfaces, each adding its routes to the one table in order
     * @param coreSurfaces surfaces served by Jetty core handlers (registry data plane, Graph, ML regional
     *                     API), consulted in order before the routed surfaces; each answers false for
     *                     requests that are not its own
     */
    public HttpFront(Settings settings, SurfaceResolver surfaces, Map<Surface, ErrorWriter> writers,
                     List<Consumer<Routes>> routeTables, List<Handler> coreSurfaces) {
        this.settings = settings;
        this.surfaces = surfaces;
        this.writers = new EnumMap<>(writers);
        this.coreSurfaces = List.copyOf(coreSurfaces);
        this.coreNames = this.coreSurfaces.stream().map(HttpFront::surfaceName).toArray(String[]::new);
        this.timers = new RequestTimers(settings.metrics());
        routeTables.forEach(t -> t.accept(routes));
    }

    /**
     * The TLS connector, listening before the surfaces are wired: every request is answered 503
     * (see {@link StartingGate}) until a front is {@link HttpFront#start(Listening) started} on it.
     */
    public static final class Listening {
        private final Server server;
        private final StartingGate gate;

        private Listening(Server server, StartingGate gate) {
            this.server = server;
            this.gate = gate;
        }

        public int port() {
            return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        /** Stops listening (start-up failed before a front was started on it). */
        public void close() {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("stopping the HTTPS connector", e);
            }
        }
    }

    /** Opens the connector now; requests are answered 503 until {@link #start(Listening)}. */
    public static Listening listen(Settings settings) {
        Server server = new Server(threadPool());
        server.addConnector(connector(server, settings));
        server.setErrorHandler(new MalformedRequestHandler());
        StartingGate gate = new StartingGate();
        server.setHandler(gate);
        Listening listening = new Listening(server, gate);
        try {
            server.start();
        } catch (Exception e) {
            listening.close();
            throw new IllegalStateException("cannot start the HTTPS front on " + settings.host() + ":" + settings.port(), e);
        }
        return listening;
    }

    public HttpFront start() {
        return start(listen(settings));
    }

    /** Serves every surface on a connector opened earlier by {@link #listen}. */
    public HttpFront start(Listening listening) {
        server = listening.server;
        Handler.Sequence root = new Handler.Sequence(coreSurfaces.toArray(Handler[]::new)) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return HttpFront.this.handle(request, response, callback);
            }
        };
        root.setServer(server); // the sequence starts and stops the core handlers; routing is ours
        try {
            root.start();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the surfaces of the HTTPS front", e);
        }
        this.root = root;
        listening.gate.open(root);
        return this;
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public void stop() {
        if (server == null) return;
        try {
            server.stop();
            if (root != null) root.stop();
        } catch (Exception e) {
            log.warn("stopping the HTTPS front", e);
        }
    }

    private boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String path = request.getHttpURI().getPath();
        String hostHeader = request.getHeaders().get(HttpHeader.HOST);
        String host = SurfaceResolver.hostName(hostHeader);
        Surface byHost = surfaces.byHost(host);
        Surface byPath = surfaces.byPath(path);
        Surface surface = byHost != null ? byHost : byPath;
        String requestId = RequestIds.next();
        String correlation = request.getHeaders().get("x-ms-correlation-request-id");
        RequestContext rc = new RequestContext(requestId, correlation == null ? requestId : correlation, surface,
                baseUrl(request, hostHeader));
        rc.attach(request);
        Exchange exchange = new Exchange(request, response, rc);
        if (!coreSurfaces.isEmpty() && core(request, response, callback, exchange, started)) return true;
        try {
            if (surface == Surface.ARM) ArmHeaders.add(request, response, rc);
            if (byHost != null && byHost != byPath) {
                throw ApiError.of(404, surface == Surface.ARM ? "NotFound" : "not_found",
                        "The path '" + path + "' is not served on host '" + host + "'.");
            }
            Routes.Match match = routes.match(request.getMethod(), path);
            if (match.route() == null) throw match.pathKnown() ? methodNotAllowed(exchange) : notFound(exchange);
            exchange.pathParams(match.params());
            match.route().handle(exchange);
        } catch (ApiError e) {
            fail(exchange, e);
        } catch (Exception e) {
            log.error("request {} {} {} failed", requestId, request.getMethod(), path, e);
            fail(exchange, ArmErrors.internal(requestId));
        }
        timers.record(surfaceTag(surface), request.getMethod(), exchange.status(), started);
        exchange.finish(callback);
        return true;
    }

    /** Offers the request to each core surface; the one that takes it is timed when its answer completes. */
    private boolean core(Request request, Response response, Callback callback, Exchange exchange, long started) {
        TimedCallback timed = new TimedCallback(callback, request, response, started);
        for (int i = 0; i < coreSurfaces.size(); i++) {
            timed.surface = coreNames[i]; // a handler that declines has not touched the callback
            try {
                if (coreSurfaces.get(i).handle(request, response, timed)) return true;
            } catch (Exception e) {
                ApiError error = e instanceof ApiError api ? api : ArmErrors.internal(exchange.context().requestId());
                if (!(e instanceof ApiError)) {
                    log.error("request {} {} {} failed", exchange.context().requestId(), request.getMethod(), exchange.path(), e);
                }
                if (response.isCommitted()) {
                    timed.failed(e);
                } else {
                    fail(exchange, error);
                    exchange.finish(timed);
                }
                return true;
            }
        }
        return false;
    }

    /** Completes the request's callback and records the core surface's timer. */
    private final class TimedCallback implements Callback {
        private final Callback delegate;
        private final Request request;
        private final Response response;
        private final long started;
        String surface;

        TimedCallback(Callback delegate, Request request, Response response, long started) {
            this.delegate = delegate;
            this.request = request;
            this.response = response;
            this.started = started;
        }

        @Override
        public void succeeded() {
            timers.record(surface, request.getMethod(), response.getStatus(), started);
            delegate.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            timers.record(surface, request.getMethod(), response.getStatus(), started);
            delegate.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return delegate.getInvocationType();
        }
    }

    /** The one place an error becomes an answer, in the shape of the request's surface. */
    private void fail(Exchange exchange, ApiError error) {
        ErrorWriter writer = writers.getOrDefault(exchange.context().surface(), writers.get(Surface.ARM));
        if (error.status() >= 500) log.warn("answering {} {} with {}", exchange.method(), exchange.path(), error);
        else log.debug("answering {} {} with {}", exchange.method(), exchange.path(), error);
        writer.write(exchange, error);
    }

    private static ApiError notFound(Exchange exchange) {
        return switch (exchange.context().surface()) {
            case ARM -> ArmErrors.missingSubscription();
            case REGISTRY -> ApiError.of(404, "NAME_UNKNOWN", "The path '" + exchange.path() + "' was not found.");
            case ENTRA -> EntraErrors.endpointNotFound(exchange.path());
            case OPS -> ApiError.of(404, "NotFound", "The path '" + exchange.path() + "' was not found.");
            case GRAPH -> GraphErrors.unknownSegment(exchange.path()); // the Graph core handler takes its requests first
        };
    }

    private static ApiError methodNotAllowed(Exchange exchange) {
        return exchange.context().surface() == Surface.ENTRA ? EntraErrors.methodNotAllowed(exchange.method())
                : ArmErrors.methodNotAllowed(exchange.method());
    }

    /** scheme://host[:port] as the client addressed us; the default port is left out. */
    private String baseUrl(Request request, String hostHeader) {
        String scheme = request.getHttpURI().getScheme();
        String authority = hostHeader == null || hostHeader.isEmpty()
                ? "localhost:" + Request.getLocalPort(request) : hostHeader;
        String defaultPort = "https".equals(scheme) ? ":443" : ":80";
        if (authority.endsWith(defaultPort)) authority = authority.substring(0, authority.length() - defaultPort.length());
        return scheme + "://" + authority;
    }

    private static final String[] SURFACE_TAGS = java.util.Arrays.stream(Surface.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private static String surfaceTag(Surface surface) {
        return SURFACE_TAGS[surface.ordinal()];
    }

    /** A core handler's metrics tag: its class name without a Handler/Surface suffix, lower-cased. */
    private static String surfaceName(Handler handler) {
        String name = handler.getClass().getSimpleName().replaceAll("(Handler|Surface)$", "");
        return name.isEmpty() ? "core" : name.toLowerCase(Locale.ROOT);
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(200, 4);
        pool.setName("cerulean-http");
        if (Runtime.version().feature() >= 21) {
            // Jetty 12 runs blocking handlers on virtual threads when given a virtual-thread executor (JDK 21+).
            pool.setVirtualThreadsExecutor(VirtualThreads.executorOrNull());
        }
        return pool;
    }

    private static KeyStore emptyTrustStore() {
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            return empty;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("an empty PKCS12 key store cannot be made", e);
        }
    }

    private static ServerConnector connector(Server server, Settings settings) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // az resource create without a parent path asks for providers/{ns}//{type}/{name}; ARM ignores the empty segment.
        // The registry SDKs send a repository name's '/' as %2F (/v2/team%2Fapp/...), which ACR reads as '/'.
        http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT.with("cerulean",
                org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                org.eclipse.jetty.http.UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        http.addCustomizer(new CompactPath()); // the Java SDK sends //subscriptions/... for scoped calls
        ServerConnector connector;
        if (settings.keyStore() == null) {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(settings.keyStore());
            ssl.setKeyStorePassword(settings.keyStorePassword());
            ssl.setSniRequired(false);
            // No client certificates are asked for, so no trust anchors are needed; without a trust store the
            // JDK would parse its ~150 default ones (a sixth of the main thread's start-up samples).
            ssl.setTrustStore(emptyTrustStore());
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            src.setSniHostCheck(false); // one certificate names every host; clients reach us by many names
            http.addCustomizer(src);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }
}
