package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace's managed identity (ml.md §2.3): the type read case-insensitively (the doc writes
 * {@code systemAssigned}) and echoed canonically; a system-assigned principal id kept for the
 * workspace's lifetime; user-assigned identities that must exist, with the principal and client
 * ids copied from their {@code Microsoft.ManagedIdentity} resources.
 */
final class WorkspaceIdentity {
    private WorkspaceIdentity() {}

    static final List<String> TYPES = List.of("None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned");

    /** The identity to store; an absent identity is system-assigned (the service needs one to reach its dependents). */
    static ObjectNode complete(JsonNode requested, JsonNode existing, String tenantId, Dependents dependents, String subscriptionId,
                               WorkspacePrincipals principals, dev.cerulean.core.id.ResourceId workspace) {
        if (requested != null && !requested.isNull() && !requested.isObject()) {
            throw MlErrors.validation("The property 'identity' must be an object.", "identity");
        }
        String type = canonicalType(requested == null || requested.isNull() ? null : requested.get("type"));
        ObjectNode out = Json.object();
        out.put("type", type);
        if (type.equals("None")) return out;
        JsonNode old = existing == null || existing.isNull() ? Json.object() : existing;
        if (type.startsWith("SystemAssigned")) {
            out.put("principalId", old.hasNonNull("principalId") ? old.get("principalId").asText()
                    : principals.create(tenantId, workspace.name(), workspace.id()));
            out.put("tenantId", old.hasNonNull("tenantId") ? old.get("tenantId").asText() : tenantId);
        }
        if (type.contains("UserAssigned")) {
            JsonNode users = requested.get("userAssignedIdentities");
            if (!(users instanceof ObjectNode u) || u.isEmpty()) {
                throw MlErrors.required("identity.userAssignedIdentities");
            }
            ObjectNode outUsers = out.putObject("userAssignedIdentities");
            Iterator<Map.Entry<String, JsonNode>> it = u.fields();
            while (it.hasNext()) {
                String id = it.next().getKey();
                Dependents.Found uai = dependents.require("identity.userAssignedIdentities", id, Dependents.USER_IDENTITY, subscriptionId);
                ObjectNode entry = outUsers.putObject(uai.id());
                entry.put("principalId", textOr(uai.property("principalId"), UUID.randomUUID().toString()));
                entry.put("clientId", textOr(uai.property("clientId"), UUID.randomUUID().toString()));
            }
        }
        return out;
    }

    static String canonicalType(JsonNode value) {
        if (value == null || value.isNull()) return "SystemAssigned";
        String wanted = value.asText().replace(" ", "").toLowerCase(Locale.ROOT);
        for (String t : TYPES) {
            if (t.toLowerCase(Locale.ROOT).equals(wanted)) return t;
        }
        throw MlErrors.invalidValue("identity.type", value.asText(), TYPES);
    }

    private static String textOr(JsonNode n, String fallback) {
        return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? fallback : n.asText();
    }
}
