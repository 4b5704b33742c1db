package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;

/**
 * One PUT or PATCH as a behaviour hook sees it.
 *
 * @param id         the resource being written (names as the client spelled them)
 * @param requested  the requested document (for PATCH: merged onto the stored one); hooks may modify and return it
 * @param existing   the stored document, or null on create
 * @param patch      true for PATCH
 * @param apiVersion the request's api-version
 * @param caller     who is writing
 */
public record WriteContext(ResourceId id, ObjectNode requested, ObjectNode existing, boolean patch,
                           String apiVersion, Caller caller) {
    public boolean isCreate() { return existing == null; }
}
