package dev.cerulean.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** The headers ARM puts on every answer (arm.md §3): request ids, rate-limit counters, no caching. */
final class ArmHeaders {
    private ArmHeaders() {}

    static void add(Request request, Response response, RequestContext rc) {
        HttpFields.Mutable h = response.getHeaders();
        String clientRequestId = request.getHeaders().get("x-ms-client-request-id");
        h.put("x-ms-request-id", rc.requestId());
        h.put("x-ms-correlation-request-id", rc.correlationId());
        h.put("x-ms-routing-request-id", "LOCAL:" + RoutingTime.now() + ":" + rc.requestId());
        if (clientRequestId != null) h.put("x-ms-client-request-id", clientRequestId);
        switch (request.getMethod()) {
            case "GET", "HEAD" -> h.put("x-ms-ratelimit-remaining-subscription-reads", "11999");
            case "DELETE" -> h.put("x-ms-ratelimit-remaining-subscription-deletes", "14999");
            default -> h.put("x-ms-ratelimit-remaining-subscription-writes", "1199");
        }
        h.put("Cache-Control", "no-cache");
        h.put("Pragma", "no-cache");
        h.put("Expires", "-1");
        h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        h.put("X-Content-Type-Options", "nosniff");
    }
}
