package dev.cerulean.server.providers.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.rbac.RolePermissions;

import java.util.ArrayList;
import java.util.List;

/**
 * A role definition, built-in or custom (graph-rbac.md §3.3).
 *
 * @param name             the GUID, lower-cased
 * @param builtIn          {@code BuiltInRole} when true, else {@code CustomRole}
 * @param assignableScopes {@code ["/"]} for most built-in roles; Azure's own list for the few assignable elsewhere
 * @param permissions      the permission blocks as Azure writes them ({@code actions}, {@code notActions}, …)
 * @param extra            for custom roles: createdOn, updatedOn, createdBy, updatedBy as stored
 */
public record RoleDefinition(String name, String roleName, String description, boolean builtIn,
                             List<String> assignableScopes, ArrayNode permissions, ObjectNode extra) {

    private static final String BUILT_IN_TIME = "2015-02-02T21:55:09.8806423Z";

    /** The id clients see: the subscription form, or the tenant form at the tenant root. */
    public static String idOf(String subscriptionId, String guid) {
        return (subscriptionId == null ? "" : "/subscriptions/" + subscriptionId)
                + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
    }

    public ObjectNode toJson(String subscriptionId) {
        ObjectNode o = Json.object();
        o.put("id", idOf(subscriptionId, name));
        o.put("name", name);
        o.put("type", "Microsoft.Authorization/roleDefinitions");
        ObjectNode p = o.putObject("properties");
        p.put("roleName", roleName);
        p.put("type", builtIn ? "BuiltInRole" : "CustomRole");
        p.put("description", description);
        ArrayNode scopes = p.putArray("assignableScopes");
        assignableScopes.forEach(scopes::add);
        p.set("permissions", permissions.deepCopy());
        if (builtIn) {
            p.put("createdOn", BUILT_IN_TIME).put("updatedOn", BUILT_IN_TIME).putNull("createdBy").putNull("updatedBy");
        } else {
            p.setAll(extra.deepCopy());
        }
        return o;
    }

    /** The permissions compiled for the evaluator. */
    public RolePermissions compiled() {
        List<RolePermissions> blocks = new ArrayList<>();
        for (JsonNode b : permissions) {
            blocks.add(RolePermissions.of(texts(b.get("actions")), texts(b.get("notActions")), texts(b.get("dataActions")),
                    texts(b.get("notDataActions"))));
        }
        return blocks.isEmpty() ? RolePermissions.of(List.of(), List.of(), List.of(), List.of()) : RolePermissions.merge(blocks);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
