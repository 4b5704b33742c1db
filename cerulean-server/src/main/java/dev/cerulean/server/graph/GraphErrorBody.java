package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Graph's error body (graph-rbac.md §1.4): {@code {"error":{"code","message","innerError":{"date",
 * "request-id","client-request-id"}}}}, with {@code details} when the error has them. az reads
 * {@code error.message}; anything else in the body would crash it, so this is the only shape.
 */
final class GraphErrorBody {
    private GraphErrorBody() {}

    static ObjectNode of(ApiError e, String requestId, String clientRequestId, Clock clock) {
        ObjectNode error = Json.object().put("code", e.code()).put("message", e.message());
        if (!e.details().isEmpty()) {
            ArrayNode details = error.putArray("details");
            for (ApiError.Detail d : e.details()) {
                details.addObject().put("code", d.code()).put("message", d.message()).put("target", d.target());
            }
        }
        error.putObject("innerError")
                .put("date", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.UTC)))
                .put("request-id", requestId)
                .put("client-request-id", clientRequestId == null ? requestId : clientRequestId);
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }
}
