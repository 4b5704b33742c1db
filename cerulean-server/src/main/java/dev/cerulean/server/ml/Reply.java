package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.JsonNode;

/** What a data-plane operation answers: a status and a JSON body, or none. */
record Reply(int status, JsonNode body) {
    static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    static Reply empty(int status) {
        return new Reply(status, null);
    }
}
