package dev.cerulean.server.arm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One ARM request as the engine sees it, free of HTTP-library types: method, decoded path
 * segments, query, headers, the raw body (already size-checked) and the authenticated caller.
 *
 * @param baseUrl scheme://host[:port] the client addressed, for absolute URLs in answers
 * @param path    the raw request path, for nextLink
 */
public record ArmRequest(String method, String path, List<String> segments, Map<String, List<String>> query,
                         Function<String, String> headers, byte[] body, String contentType, Caller caller,
                         String apiVersion, String baseUrl) {

    public String header(String name) {
        return headers.apply(name);
    }

    /** First value of a query parameter, matched case-insensitively by name, or null. */
    public String queryParam(String name) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }

    public boolean hasBody() {
        return body != null && body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank();
    }

    /** The body as a JSON object; an absent body is an empty object. */
    public ObjectNode jsonObject() {
        JsonNode node = json();
        if (node == null) return Json.object();
        if (!node.isObject()) throw ArmErrors.invalidRequestContent("The request body must be a JSON object.");
        return (ObjectNode) node;
    }

    /** The body as JSON, or null when no body was sent. Checks the content type like ARM does. */
    public JsonNode json() {
        if (!hasBody()) return null;
        if (contentType != null && !contentType.isBlank()
                && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw ArmErrors.unsupportedMediaType(contentType.split(";")[0].trim());
        }
        try {
            return Json.LENIENT.readTree(body);
        } catch (JsonProcessingException e) {
            throw ArmErrors.invalidRequestContent(e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ArmErrors.invalidRequestContent(e.getMessage());
        }
    }
}
