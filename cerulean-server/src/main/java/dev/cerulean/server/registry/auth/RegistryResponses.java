package dev.cerulean.server.registry.auth;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The headers every registry-host response carries (acr.md §5.1) and small JSON answers, for Jetty core handlers. */
public final class RegistryResponses {
    private RegistryResponses() {}

    public static final String JSON = "application/json; charset=utf-8";
    private static final String EXPOSED = "Docker-Content-Digest, WWW-Authenticate, Link, X-Ms-Correlation-Request-Id";

    /** {@code Docker-Distribution-Api-Version}, the correlation id (the client's, or a new one), CORS exposure, HSTS. */
    public static void standardHeaders(Request request, Response response) {
        String correlation = request.getHeaders().get("x-ms-correlation-request-id");
        var h = response.getHeaders();
        h.put("Docker-Distribution-Api-Version", "registry/2.0");
        h.put("X-Ms-Correlation-Request-Id", correlation == null || correlation.isBlank() ? UUID.randomUUID().toString() : correlation);
        h.put("Access-Control-Expose-Headers", EXPOSED);
        h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    /** A complete JSON answer with the standard headers and, when given, a {@code WWW-Authenticate} challenge. */
    public static void json(Request request, Response response, Callback callback, int status, String body, String wwwAuthenticate) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        standardHeaders(request, response);
        response.setStatus(status);
        if (wwwAuthenticate != null) response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, wwwAuthenticate);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
