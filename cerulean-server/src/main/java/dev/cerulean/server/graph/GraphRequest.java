package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.server.security.Principal;

import java.util.List;
import java.util.Map;

/**
 * One Graph call as the APIs see it: no HTTP types.
 *
 * @param segments path segments after {@code /v1.0}, percent-decoded
 * @param query    query options, decoded; keys as sent ({@code $filter}, {@code $top}, ...)
 * @param body     the parsed JSON body, null when there was none
 * @param caller   who the bearer token says is calling
 * @param base     Graph's root as the client addresses it, e.g. {@code https://graph.microsoft.com} or
 *                 {@code https://localhost:8443/graph}; absolute links start with it
 */
public record GraphRequest(String method, List<String> segments, Map<String, String> query, JsonNode body,
                           Principal caller, String base) {

    public String tenantId() {
        return caller.tenantId();
    }

    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }
}
