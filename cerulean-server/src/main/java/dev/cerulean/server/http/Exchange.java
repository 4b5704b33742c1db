package dev.cerulean.server.http;

import dev.cerulean.core.error.ArmErrors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request and its answer as a routed surface (ARM, Entra, ops) sees them: request headers,
 * query, path parameters and a size-capped body in; status, headers and one byte array out. The
 * answer is written once, by the front, after the route returns ({@link #finish}), so a route that
 * throws leaves nothing half-written for the error writer.
 */
public final class Exchange {

    private final Request request;
    private final Response response;
    private final RequestContext context;
    private Map<String, String> pathParams = Map.of();
    private Map<String, List<String>> query;
    private int status = 200;
    private String contentType;
    private byte[] body;

    public Exchange(Request request, Response response, RequestContext context) {
        this.request = request;
        this.response = response;
        this.context = context;
    }

    // --- request ------------------------------------------------------------------------------

    /** What the front decided about this request (request id, surface, base URL); null outside the front. */
    public RequestContext context() {
        return context;
    }

    public String method() {
        return request.getMethod();
    }

    /** The path as the client sent it, still percent-encoded. */
    public String path() {
        return request.getHttpURI().getPath();
    }

    /** A request header (case-insensitive name), or null. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The {@code Host} header (host[:port]), or null for HTTP/1.0 without one. */
    public String host() {
        return request.getHeaders().get(HttpHeader.HOST);
    }

    public String contentType() {
        return request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    }

    public String scheme() {
        return request.getHttpURI().getScheme();
    }

    /** host:port of the address the connection reached (for HTTP/1.0 requests without Host). */
    public String serverAuthority() {
        return Request.getServerName(request) + ":" + Request.getServerPort(request);
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /** A {@code {name}} segment of the matched route, percent-decoded. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    void pathParams(Map<String, String> params) {
        this.pathParams = params;
    }

    /** First value of a query parameter (exact name), or null. */
    public String queryParam(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every query parameter, decoded; a malformed escape is kept as sent rather than refused. */
    public Map<String, List<String>> queryParams() {
        if (query == null) query = parseForm(request.getHttpURI().getQuery());
        return query;
    }

    /**
     * The body, at most {@code max} bytes; a larger one is discarded as it streams (never buffered)
     * and answered 413 in the surface's shape.
     */
    public byte[] body(long max) {
        try (InputStream in = Request.asInputStream(request)) {
            long declared = request.getLength();
            byte[] data = declared > max ? new byte[0] : in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (declared > max || data.length > max) {
                drain(in);
                throw ArmErrors.requestTooLarge(max);
            }
            return data;
        } catch (IOException e) {
            // the client went away or sent a broken body: its mistake, not a server fault
            throw ArmErrors.invalidRequestContent("the request body could not be read: " + e.getMessage());
        }
    }

    /** The body read as {@code application/x-www-form-urlencoded} (UTF-8), first value of each field. */
    public Map<String, String> form(long max) {
        Map<String, String> first = new HashMap<>();
        parseForm(new String(body(max), StandardCharsets.UTF_8)).forEach((k, v) -> first.put(k, v.get(0)));
        return first;
    }

    /** Largest oversized body drained before answering 413, so the client reads the answer instead of a broken pipe. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = in.read(buffer)) > 0) total += n;
    }

    static Map<String, List<String>> parseForm(String encoded) {
        if (encoded == null || encoded.isEmpty()) return Map.of();
        Map<String, List<String>> out = new LinkedHashMap<>();
        int start = 0;
        while (start <= encoded.length()) {
            int amp = encoded.indexOf('&', start);
            int end = amp < 0 ? encoded.length() : amp;
            if (end > start) {
                int eq = encoded.indexOf('=', start);
                String name = decode(encoded.substring(start, eq < 0 || eq > end ? end : eq));
                String value = eq < 0 || eq > end ? "" : decode(encoded.substring(eq + 1, end));
                out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) break;
            start = amp + 1;
        }
        return Collections.unmodifiableMap(out);
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    // --- answer -------------------------------------------------------------------------------

    public Exchange status(int status) {
        this.status = status;
        return this;
    }

    public int status() {
        return status;
    }

    /** Sets (replaces) a response header. */
    public Exchange responseHeader(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    /** The body of the answer; not written for HEAD. */
    public void send(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
    }

    /** A content type without a body (a HEAD answer that describes what GET would send). */
    public void contentType(String contentType) {
        this.contentType = contentType;
    }

    /** The content type of nearly every answer, encoded once. */
    private static final PreEncodedHttpField JSON_UTF8 =
            new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");

    /** Writes the answer; called once by the front. */
    void finish(Callback callback) {
        response.setStatus(status);
        if (JSON_UTF8.getValue().equals(contentType)) response.getHeaders().put(JSON_UTF8);
        else if (contentType != null) response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        boolean withBody = body != null && !HttpMethod.HEAD.is(request.getMethod());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, withBody ? body.length : 0L);
        response.write(true, withBody ? ByteBuffer.wrap(body) : null, callback);
    }
}
