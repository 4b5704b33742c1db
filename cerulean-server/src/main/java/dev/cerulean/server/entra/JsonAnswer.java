package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.Exchange;

/** Sends a JSON body the way Entra labels it: {@code application/json; charset=utf-8}. */
final class JsonAnswer {
    private JsonAnswer() {}

    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    static void send(Exchange ex, JsonNode body) {
        ex.send(CONTENT_TYPE, Json.writeBytes(body));
    }
}
