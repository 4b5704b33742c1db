package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The registry's managed {@code identity} (acr.md §1.3): the requested type, with the principal ids
 * Azure would assign (kept across writes, so they stay stable), or no identity for {@code None}.
 * Cerulean does not act as these identities; they exist so that clients see the shape they expect.
 */
final class RegistryIdentity {
    private RegistryIdentity() {}

    private static final List<String> TYPES = List.of("SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned", "None");

    /** The identity to store, or null for none. */
    static ObjectNode complete(JsonNode requested, JsonNode existing, String tenantId) {
        if (requested == null || requested.isNull()) return null;
        if (!requested.isObject()) throw AcrErrors.invalidValue(requested.toString(), "IdentityProperties", "identity");
        String type = LooseValues.choice(requested.get("type"), TYPES, "None", "ResourceIdentityType", "identity.type");
        if (type.equals("None")) return null;
        JsonNode old = existing == null ? Json.object() : existing;
        ObjectNode out = Json.object();
        if (type.startsWith("SystemAssigned")) {
            out.put("principalId", old.hasNonNull("principalId") ? old.get("principalId").asText() : UUID.randomUUID().toString());
            out.put("tenantId", old.hasNonNull("tenantId") ? old.get("tenantId").asText() : tenantId);
        }
        out.put("type", type);
        if (type.contains("UserAssigned")) {
            JsonNode users = requested.get("userAssignedIdentities");
            if (!(users instanceof ObjectNode u) || u.isEmpty()) {
                throw AcrErrors.invalidParameter("The identity type '" + type + "' requires 'identity.userAssignedIdentities'.");
            }
            ObjectNode outUsers = out.putObject("userAssignedIdentities");
            Iterator<Map.Entry<String, JsonNode>> it = u.fields();
            while (it.hasNext()) {
                String resourceId = it.next().getKey();
                JsonNode was = old.path("userAssignedIdentities").get(resourceId);
                ObjectNode entry = outUsers.putObject(resourceId);
                entry.put("principalId", was != null && was.hasNonNull("principalId") ? was.get("principalId").asText()
                        : UUID.randomUUID().toString());
                entry.put("clientId", was != null && was.hasNonNull("clientId") ? was.get("clientId").asText()
                        : UUID.randomUUID().toString());
            }
        }
        return out;
    }
}
