package dev.cerulean.server.providers.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cerulean.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Azure's built-in role definitions, read once from {@code built-in-roles.json} beside this class
 * (its README says where the data comes from and what is missing).
 */
public final class BuiltInRoles {

    public static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    private static final Map<String, RoleDefinition> BY_GUID = load();

    private BuiltInRoles() {}

    /** Every built-in role, keyed by lower-cased GUID, in file order. */
    public static Map<String, RoleDefinition> all() {
        return BY_GUID;
    }

    public static RoleDefinition byGuid(String guid) {
        return BY_GUID.get(guid.toLowerCase(Locale.ROOT));
    }

    private static Map<String, RoleDefinition> load() {
        try (InputStream in = BuiltInRoles.class.getResourceAsStream("built-in-roles.json")) {
            if (in == null) throw new IllegalStateException("built-in-roles.json is missing from the class path");
            Map<String, RoleDefinition> out = new LinkedHashMap<>();
            for (JsonNode r : Json.MAPPER.readTree(in)) {
                ArrayNode permissions = Json.MAPPER.createArrayNode();
                var block = permissions.addObject();
                for (String f : List.of("actions", "notActions", "dataActions", "notDataActions")) {
                    block.set(f, r.has(f) ? r.get(f) : Json.MAPPER.createArrayNode());
                }
                String guid = r.path("name").asText().toLowerCase(Locale.ROOT);
                // A few roles are assignable only at a provider or service-group scope: the file says so.
                List<String> scopes = r.has("assignableScopes") ? RoleDefinition.texts(r.get("assignableScopes")) : List.of("/");
                out.put(guid, new RoleDefinition(guid, r.path("roleName").asText(), r.path("description").asText(), true,
                        scopes, permissions, null));
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
