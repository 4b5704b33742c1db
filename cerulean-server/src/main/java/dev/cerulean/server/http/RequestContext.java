package dev.cerulean.server.http;

import io.javalin.http.Context;

/**
 * Typed per-request values set by the HTTP front (request id, surface, public base URL) and read
 * by handlers and error writers.
 *
 * @param requestId     GUID sent back as {@code x-ms-request-id}
 * @param correlationId the client's {@code x-ms-correlation-request-id}, or the request id
 * @param surface       which protocol surface answers
 * @param baseUrl       scheme://host[:port] as the client addressed us, for absolute URLs in answers
 */
public record RequestContext(String requestId, String correlationId, Surface surface, String baseUrl) {

    private static final String KEY = "cerulean.request";

    public static RequestContext of(Context ctx) {
        return ctx.attribute(KEY);
    }

    public void attach(Context ctx) {
        ctx.attribute(KEY, this);
    }
}
