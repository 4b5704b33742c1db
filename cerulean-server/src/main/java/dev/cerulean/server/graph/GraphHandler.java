package dev.cerulean.server.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.id.RequestIds;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.RequestContext;
import dev.cerulean.server.http.Surface;
import dev.cerulean.server.http.SurfaceResolver;
import dev.cerulean.server.security.Principal;
import dev.cerulean.server.security.TokenVerifier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Graph surface as a Jetty core handler: takes requests for {@code graph.microsoft.com} (any
 * path) and for {@code /graph/...} on hosts that route by path (loopback, custom clouds), answers
 * everything else with false. Order per request: bounded body read → bearer token (Graph audience)
 * → {@link GraphRoutes} → JSON answer; any {@link ApiError} becomes Graph's error body.
 */
public final class GraphHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(GraphHandler.class);
    static final String LOCAL_PREFIX = "/graph";
    static final String VERSION = "v1.0";
    private static final String JSON_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private final SurfaceResolver surfaces;
    private final TokenVerifier verifier;
    private final GraphRoutes routes;
    private final long maxBodyBytes;
    private final Clock clock;

    public GraphHandler(SurfaceResolver surfaces, TokenVerifier verifier, GraphRoutes routes, long maxBodyBytes,
                     Clock clock) {
        this.surfaces = surfaces;
        this.verifier = verifier;
        this.routes = routes;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String host = SurfaceResolver.hostName(request.getHeaders().get(HttpHeader.HOST));
        Surface byHost = surfaces.byHost(host);
        String graphPath;
        String base;
        if (byHost == Surface.GRAPH) {
            graphPath = path;
            base = "https://" + host;
        } else if (byHost == null && surfaces.byPath(path) == Surface.GRAPH) {
            graphPath = path.substring(LOCAL_PREFIX.length());
            base = "https://" + request.getHeaders().get(HttpHeader.HOST) + LOCAL_PREFIX;
        } else {
            return false;
        }
        RequestContext context = RequestContext.of(request); // set by the HTTP front; absent when used alone
        String requestId = context == null ? RequestIds.next() : context.requestId();
        String clientRequestId = request.getHeaders().get("client-request-id");
        if (clientRequestId == null) clientRequestId = request.getHeaders().get("x-ms-client-request-id");
        response.getHeaders().put("request-id", requestId);
        if (clientRequestId != null) response.getHeaders().put("client-request-id", clientRequestId);
        GraphResponse answer;
        try {
            answer = serve(request, graphPath, base);
        } catch (ApiError e) {
            log.debug("answering {} {} with {}", request.getMethod(), path, e);
            answer = new GraphResponse(e.status(), GraphErrorBody.of(e, requestId, clientRequestId, clock));
        } catch (RuntimeException e) {
            log.error("Graph request {} {} {} failed", requestId, request.getMethod(), path, e);
            answer = new GraphResponse(500,
                    GraphErrorBody.of(GraphErrors.internal(requestId), requestId, clientRequestId, clock));
        }
        write(response, callback, answer);
        return true;
    }

    private GraphResponse serve(Request request, String graphPath, String base) {
        List<String> segments = segments(graphPath);
        if (segments.isEmpty() || !segments.get(0).equalsIgnoreCase(VERSION)) {
            throw GraphErrors.unknownSegment(segments.isEmpty() ? "" : segments.get(0));
        }
        JsonNode body = readBody(request);
        Principal caller = verifier.verify(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        return routes.dispatch(new GraphRequest(request.getMethod(), segments.subList(1, segments.size()),
                query(request.getHttpURI().getQuery()), body, caller, base + "/" + VERSION));
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) out.add(decode(part.replace("+", "%2B")));
        }
        return out;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.startsWith("$")) key = key.toLowerCase(java.util.Locale.ROOT); // OData system options: any case
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.putIfAbsent(key, value) != null) {
                throw GraphErrors.invalidQueryOption(key, value); // OData: a query option may appear once
            }
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.of(400, "BadRequest", "The request URI contains a malformed escape sequence.");
        }
    }

    /** Reads at most {@code maxBodyBytes}; Graph bodies are small JSON documents. */
    private JsonNode readBody(Request request) {
        long declared = request.getLength();
        if (declared > maxBodyBytes) throw GraphErrors.bodyTooLarge(maxBodyBytes);
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException e) {
            throw GraphErrors.unreadableBody();
        }
        if (bytes.length > maxBodyBytes) throw GraphErrors.bodyTooLarge(maxBodyBytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw GraphErrors.unreadableBody();
        }
    }

    private static void write(Response response, Callback callback, GraphResponse answer) {
        response.setStatus(answer.status());
        if (answer.body() == null) {
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.write(true, ByteBuffer.wrap(Json.writeBytes(answer.body())), callback);
    }
}
