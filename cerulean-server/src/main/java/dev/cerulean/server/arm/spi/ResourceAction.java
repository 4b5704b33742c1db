package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;

/**
 * A POST action on a resource, {@code POST {resourceId}/{action}}, e.g. {@code listCredentials}.
 * Runs in a transaction; returns the response body, or null for an empty 200.
 */
@FunctionalInterface
public interface ResourceAction {

    JsonNode invoke(ActionContext ctx);

    /**
     * Checks the request before an asynchronous answer is given, so a bad request fails at once with
     * its own status instead of on a later poll (ARM RPs validate before accepting). Sync actions
     * need not implement it: {@link #invoke} validates as it goes.
     */
    default void validate(ActionContext ctx) {}

    /**
     * @param resource the stored document of the resource the action is invoked on
     * @param body     the request body, or null when none was sent
     */
    record ActionContext(ResourceId id, ObjectNode resource, JsonNode body, String apiVersion, Caller caller) {}
}
