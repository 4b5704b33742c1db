package dev.cerulean.server.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.auth.RegistryResponses;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One registry request and its response over Jetty's core API: the request's parts, ACR's common
 * headers (acr.md §5.1) on every answer, JSON and streamed bodies, and OCI error bodies. Unlike the
 * routed surfaces' {@code http.Exchange}, bodies stream both ways (blobs are never buffered).
 */
public final class RegistryExchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final RegistryView registry;
    private Fields query;
    private boolean done;

    public RegistryExchange(Request request, Response response, Callback callback, RegistryView registry) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.registry = registry;
        RegistryResponses.standardHeaders(request, response);
    }

    public RegistryView registry() { return registry; }
    public String method() { return request.getMethod(); }
    public boolean isHead() { return "HEAD".equals(request.getMethod()); }
    public String header(String name) { return request.getHeaders().get(name); }
    public List<String> headers(String name) { return request.getHeaders().getValuesList(name); }
    public long contentLength() { return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH); }

    public String query(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException | IllegalStateException badEncoding) { // Jetty's "400: Bad query" ('%zz', not UTF-8)
                throw OciError.of(400, "UNSUPPORTED", "the query string is not valid URL encoding");
            }
        }
        return query.getValue(name);
    }

    public InputStream body() {
        return Content.Source.asInputStream(request);
    }

    public RegistryExchange status(int status) {
        response.setStatus(status);
        return this;
    }

    public RegistryExchange header(String name, String value) {
        if (value != null) response.getHeaders().put(name, value);
        return this;
    }

    /** An empty answer with the status and headers set so far. */
    public void empty(int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
        finish(null);
    }

    public void json(int status, JsonNode body) {
        bytes(status, RegistryResponses.JSON, (Json.write(body) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void bytes(int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
        finish(isHead() ? null : ByteBuffer.wrap(body));
    }

    /** Streams {@code length} bytes of {@code in}; headers (type, length, digest) must be set already. */
    public void stream(int status, InputStream in, long length) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length);
        if (isHead()) {
            in.close();
            finish(null);
            return;
        }
        done = true;
        try (in; OutputStream out = Content.Sink.asOutputStream(response)) {
            byte[] buffer = new byte[(int) Math.max(1, Math.min(256 * 1024, length))]; // manifests are small
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new IOException("content ended " + left + " bytes early");
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    /** Writes {@code error} as an OCI error body (with its challenge or range), unless an answer has begun. */
    public void fail(OciError error) {
        if (done || response.isCommitted()) {
            if (!done) {
                done = true;
                callback.failed(error);
            }
            return;
        }
        drainSmallBody();
        if (error.wwwAuthenticate() != null) response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, error.wwwAuthenticate());
        if (error.headerName() != null) response.getHeaders().put(error.headerName(), error.headerValue());
        ObjectNode body = Json.object();
        ArrayNode errors = body.putArray("errors");
        ObjectNode e = errors.addObject();
        e.put("code", error.code());
        e.put("message", error.getMessage());
        e.set("detail", error.detail()); // null becomes JSON null, as ACR writes it
        json(error.status(), body);
    }

    /** A refused request's body up to this size is read and dropped; past it the connection closes. */
    private static final long DRAIN_LIMIT = 1 << 20;

    /**
     * Reads and drops what is left of a small request body before an early error: a client still
     * writing it when the connection closes may see a reset instead of the answer, and a kept-alive
     * connection stays usable. A large body is not read (Jetty closes the connection after the answer).
     */
    private void drainSmallBody() {
        long declared = contentLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked || declared > DRAIN_LIMIT) return;
        try {
            InputStream in = Content.Source.asInputStream(request);
            long left = DRAIN_LIMIT;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0 && in.read() < 0) break;
                left -= Math.max(skipped, 1);
            }
        } catch (IOException | RuntimeException e) {
            // the body is unreadable or already gone: the answer still goes out, then the connection closes
        }
    }

    private void finish(ByteBuffer content) {
        done = true;
        response.write(true, content, callback);
    }

    public boolean answered() {
        return done;
    }

    /** Values of a header that may repeat and hold comma-separated lists (Accept), without parameters. */
    public static List<String> splitList(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                String t = part.trim();
                int semi = t.indexOf(';');
                if (semi >= 0) t = t.substring(0, semi).trim();
                if (!t.isEmpty()) out.add(t);
            }
        }
        return out;
    }
}
