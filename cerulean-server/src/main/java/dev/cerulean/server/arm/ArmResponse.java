package dev.cerulean.server.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an ARM handler answers: status, extra headers and a JSON body (or none). */
public record ArmResponse(int status, Map<String, String> headers, byte[] body) {

    public static ArmResponse json(int status, JsonNode node) {
        return new ArmResponse(status, Map.of(), Json.writeBytes(node));
    }

    /** A stored resource's document as the store holds it: no parse, no re-serialisation, no copy (never modified). */
    public static ArmResponse stored(int status, ResourceRecord record) {
        return new ArmResponse(status, Map.of(), record.bodyUtf8());
    }

    public static ArmResponse empty(int status) {
        return new ArmResponse(status, Map.of(), null);
    }

    public ArmResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ArmResponse(status, h, body);
    }
}
