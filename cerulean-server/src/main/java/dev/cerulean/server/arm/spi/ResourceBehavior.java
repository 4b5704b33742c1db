package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a type does differently from generic ARM. Every hook runs inside the write's transaction,
 * so anything it writes commits with the resource or not at all; hooks throw {@code ApiError}
 * for client mistakes.
 */
public interface ResourceBehavior {

    ResourceBehavior GENERIC = new ResourceBehavior() {};

    /** Checks the name from the URL beyond ARM's generic rules (length, characters, uniqueness). */
    default void validateName(WriteContext ctx) {}

    /**
     * Validates and completes the document to store for a PUT (create or replace) or a PATCH (the
     * request already merged onto the stored document). The engine afterwards sets {@code id},
     * {@code name}, {@code type}, {@code location}, {@code systemData} and
     * {@code properties.provisioningState}; the hook fills defaults and read-only properties and
     * may write related state (secrets, child resources) through the services it was built with.
     */
    default ObjectNode onWrite(WriteContext ctx) {
        return ctx.requested();
    }

    /** Refuses a delete (throw) or prepares it; the engine then deletes the resource and its children. */
    default void beforeDelete(DeleteContext ctx) {}

    /** Side effects after the resource tree is gone, in the same transaction. */
    default void afterDelete(DeleteContext ctx) {}

    /**
     * The status a synchronous create answers: ARM allows 200 or 201, and some services' SDKs accept
     * only the one their service sends (Application Insights components: 200 only).
     */
    default int createdStatus() {
        return 201;
    }
}
