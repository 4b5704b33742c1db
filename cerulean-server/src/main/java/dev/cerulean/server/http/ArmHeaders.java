package dev.cerulean.server.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * The headers ARM puts on every answer (arm.md §3): request ids, rate-limit counters, no caching.
 * They are added to the still empty header set of the answer (no search for an earlier value), and
 * the constant ones are Jetty's pre-encoded fields, built and encoded once rather than per request.
 */
final class ArmHeaders {
    private ArmHeaders() {}

    private static final HttpField[] CONSTANT = {
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache"),
            new PreEncodedHttpField(HttpHeader.PRAGMA, "no-cache"),
            new PreEncodedHttpField(HttpHeader.EXPIRES, "-1"),
            new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains"),
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
    };
    private static final HttpField READS = new PreEncodedHttpField("x-ms-ratelimit-remaining-subscription-reads", "11999");
    private static final HttpField DELETES = new PreEncodedHttpField("x-ms-ratelimit-remaining-subscription-deletes", "14999");
    private static final HttpField WRITES = new PreEncodedHttpField("x-ms-ratelimit-remaining-subscription-writes", "1199");

    static void add(Request request, Response response, RequestContext rc) {
        HttpFields.Mutable h = response.getHeaders();
        String clientRequestId = request.getHeaders().get("x-ms-client-request-id");
        h.add("x-ms-request-id", rc.requestId());
        h.add("x-ms-correlation-request-id", rc.correlationId());
        h.add("x-ms-routing-request-id", "LOCAL:" + RoutingTime.now() + ":" + rc.requestId());
        if (clientRequestId != null) h.add("x-ms-client-request-id", clientRequestId);
        h.add(switch (request.getMethod()) {
            case "GET", "HEAD" -> READS;
            case "DELETE" -> DELETES;
            default -> WRITES;
        });
        for (HttpField field : CONSTANT) h.add(field);
    }
}
