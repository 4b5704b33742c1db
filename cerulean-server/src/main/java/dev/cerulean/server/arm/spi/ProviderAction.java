package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** A subscription-scoped provider action such as {@code checkNameAvailability}. */
@FunctionalInterface
public interface ProviderAction {
    /** Returns the response body (200). Throw {@code ApiError} for client mistakes. */
    JsonNode invoke(String subscriptionId, JsonNode body, Caller caller, String apiVersion);
}
