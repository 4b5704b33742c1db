package dev.cerulean.server.arm.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.time.Instant;

/**
 * ARM's {@code systemData} (arm.md §11): who created and last changed a resource, and when. The
 * engine writes it on every PUT and PATCH; providers use it for resources they write themselves.
 */
public final class SystemData {
    private SystemData() {}

    /** systemData for a write by {@code caller} at {@code now}, keeping the creation fields of {@code existing}. */
    public static ObjectNode of(Caller caller, ObjectNode existing, Instant now) {
        ObjectNode sd = Json.object();
        JsonNode old = existing == null ? null : existing.get("systemData");
        String at = Json.armTime(now);
        if (old != null && old.has("createdAt")) {
            sd.set("createdBy", old.get("createdBy"));
            sd.set("createdByType", old.get("createdByType"));
            sd.set("createdAt", old.get("createdAt"));
        } else {
            sd.put("createdBy", caller.name());
            sd.put("createdByType", caller.type());
            sd.put("createdAt", at);
        }
        sd.put("lastModifiedBy", caller.name());
        sd.put("lastModifiedByType", caller.type());
        sd.put("lastModifiedAt", at);
        return sd;
    }
}
