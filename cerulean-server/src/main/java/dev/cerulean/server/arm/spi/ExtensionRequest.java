package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.id.ResourceId;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request for an extension resource type.
 *
 * @param method     HTTP method
 * @param scope      the scope, or null for the tenant root
 * @param type       the type as declared by the provider
 * @param name       the resource name from the path, or null for the collection
 * @param query      a query parameter by name (case-insensitive), or null
 * @param body       the body as a JSON object (an absent body is an empty object); parse errors are ARM's
 * @param caller     who is asking
 * @param apiVersion the request's api-version
 */
public record ExtensionRequest(String method, ResourceId scope, String type, String name,
                               Function<String, String> query, Supplier<JsonNode> body, Caller caller,
                               String apiVersion) {

    /** The scope as ARM writes it, {@code /} for the tenant root. */
    public String scopeText() {
        return scope == null ? "/" : scope.id();
    }
}
