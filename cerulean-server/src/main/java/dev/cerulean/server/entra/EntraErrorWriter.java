package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.ErrorWriter;
import dev.cerulean.server.http.RequestContext;
import dev.cerulean.server.http.Exchange;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an {@link ApiError} as Entra's OAuth2 error JSON (entra.md §7): {@code error},
 * {@code error_description} ("AADSTSnnnn: message" plus trace, correlation and timestamp lines,
 * CRLF-separated), {@code error_codes} as integers, {@code timestamp} ({@code yyyy-MM-dd HH:mm:ssZ}),
 * {@code trace_id}, {@code correlation_id} (the client's {@code client-request-id} when sent) and
 * {@code error_uri}. A 4xx never carries {@code Retry-After}: MSAL would then cache the failure for
 * that long instead of retrying (entra.md §5).
 */
public final class EntraErrorWriter implements ErrorWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Microsoft's public error-lookup page: a help link for people, not an endpoint Cerulean serves. */
    private static final String ERROR_URI = "https://login.microsoftonline.com/error?code=";

    private final Clock clock;

    public EntraErrorWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void write(Exchange ctx, ApiError error) {
        RequestContext request = RequestContext.of(ctx);
        String traceId = request != null && request.requestId() != null
                ? request.requestId() : UUID.randomUUID().toString();
        String correlationId = firstNonBlank(ctx.header("client-request-id"),
                request == null ? null : request.correlationId(), UUID.randomUUID().toString());
        String timestamp = TIMESTAMP.format(clock.instant());
        List<Integer> codes = error.numericCodes();
        String prefix = codes.isEmpty() ? "" : "AADSTS" + codes.get(0) + ": ";

        ObjectNode body = Json.object();
        body.put("error", error.code());
        body.put("error_description", prefix + error.message() + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        ArrayNode errorCodes = body.putArray("error_codes");
        codes.forEach(errorCodes::add);
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        if (!codes.isEmpty()) {
            body.put("error_uri", ERROR_URI + codes.get(0));
        }

        for (Map.Entry<String, String> header : error.headers().entrySet()) {
            if (error.status() < 500 && header.getKey().equalsIgnoreCase("Retry-After")) {
                continue;
            }
            ctx.responseHeader(header.getKey(), header.getValue());
        }
        ctx.responseHeader("Cache-Control", "no-store, no-cache");
        ctx.responseHeader("Pragma", "no-cache");
        ctx.status(error.status());
        JsonAnswer.send(ctx, body);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
