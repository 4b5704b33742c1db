package dev.cerulean.server.http;

import org.eclipse.jetty.server.Request;

/**
 * Typed per-request values set by the HTTP front (request id, surface, public base URL) and read
 * by handlers and error writers. Core surface handlers find it as a request attribute
 * ({@link #of(Request)}).
 *
 * @param requestId     GUID sent back as {@code x-ms-request-id}
 * @param correlationId the client's {@code x-ms-correlation-request-id}, or the request id
 * @param surface       which protocol surface answers
 * @param baseUrl       scheme://host[:port] as the client addressed us, for absolute URLs in answers
 */
public record RequestContext(String requestId, String correlationId, Surface surface, String baseUrl) {

    private static final String KEY = "cerulean.request";

    public static RequestContext of(Request request) {
        return (RequestContext) request.getAttribute(KEY);
    }

    public static RequestContext of(Exchange exchange) {
        return exchange.context();
    }

    public void attach(Request request) {
        request.setAttribute(KEY, this);
    }
}
