package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the template language needs from the running deployment: the state of resources
 * ({@code reference}) and their POST actions ({@code list*}). The deployment engine implements it
 * over the ARM engine; {@link #NONE} is used where ARM does not allow these functions.
 */
public interface RuntimeResources {

    /** The resource's GET body ({@code full}) or its {@code properties}; an error when it does not exist. */
    JsonNode reference(String resourceId, String apiVersion, boolean full);

    /** {@code POST {id}/{action}?api-version=...} with an optional body, answering the response body. */
    JsonNode list(String resourceId, String action, String apiVersion, JsonNode body);

    RuntimeResources NONE = new RuntimeResources() {
        @Override public JsonNode reference(String id, String apiVersion, boolean full) {
            throw TemplateErrors.functionNotExpected("reference");
        }
        @Override public JsonNode list(String id, String action, String apiVersion, JsonNode body) {
            throw TemplateErrors.functionNotExpected(action);
        }
    };
}
