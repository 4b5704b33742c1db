package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;

/** What a Graph API answers: a status and a JSON body, or none (204). */
public record GraphResponse(int status, JsonNode body) {

    public static GraphResponse ok(JsonNode body) {
        return new GraphResponse(200, body);
    }

    public static GraphResponse created(JsonNode body) {
        return new GraphResponse(201, body);
    }

    public static GraphResponse noContent() {
        return new GraphResponse(204, null);
    }
}
