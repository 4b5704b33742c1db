package dev.cerulean.server.providers.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role definitions (graph-rbac.md §3.3): the built-in roles, readable at every scope, and custom
 * roles, stored as resources under the subscription (so deleting a group never removes one).
 */
final class RoleDefinitions {

    static final String TYPE_KEY = "microsoft.authorization/roledefinitions";
    private static final Pattern FILTER = Pattern.compile(
            "\\s*(rolename|type)\\s+eq\\s+'([^']*)'\\s*", Pattern.CASE_INSENSITIVE);

    private final ResourceStore store;
    private final Transactions transactions;
    private final String subscriptionId;
    private final Clock clock;

    RoleDefinitions(ResourceStore store, Transactions transactions, String subscriptionId, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.subscriptionId = subscriptionId;
        this.clock = clock;
    }

    /** A built-in or custom role by GUID, or null. */
    RoleDefinition find(String guid) {
        RoleDefinition b = BuiltInRoles.byGuid(guid);
        if (b != null) return b;
        return store.get(customKey(guid)).map(r -> fromDocument((ObjectNode) Json.parse(r.body()))).orElse(null);
    }

    /** Every role: built-in first, then custom. */
    List<RoleDefinition> all() {
        List<RoleDefinition> out = new ArrayList<>(BuiltInRoles.all().values());
        out.addAll(custom());
        return out;
    }

    /** The custom roles of the subscription. */
    List<RoleDefinition> custom() {
        List<RoleDefinition> out = new ArrayList<>();
        for (ResourceRecord r : Scoped.all(store, subscriptionId, TYPE_KEY)) out.add(fromDocument((ObjectNode) Json.parse(r.body())));
        return out;
    }

    ExtensionResponse handle(ExtensionRequest r) {
        String sub = r.scope() == null ? null : r.scope().subscriptionId();
        if (r.name() == null) {
            if (!r.method().equals("GET")) throw AuthorizationErrors.methodNotAllowed(r.method());
            return list(r, sub);
        }
        String guid = r.name().toLowerCase(Locale.ROOT);
        return switch (r.method()) {
            case "GET" -> {
                if (!ResourceId.isGuid(guid)) throw AuthorizationErrors.roleDefinitionDoesNotExist(r.name());
                RoleDefinition d = find(guid);
                if (d == null) throw AuthorizationErrors.roleDefinitionDoesNotExist(guid);
                yield new ExtensionResponse(200, d.toJson(sub));
            }
            case "PUT" -> put(r, guid);
            case "DELETE" -> delete(guid, sub);
            default -> throw AuthorizationErrors.methodNotAllowed(r.method());
        };
    }

    private ExtensionResponse list(ExtensionRequest r, String sub) {
        Predicate<RoleDefinition> keep = filter(r.query().apply("$filter"));
        String scope = Scoped.key(r.scope());
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (RoleDefinition d : all()) {
            if (!keep.test(d)) continue;
            if (!d.builtIn() && d.assignableScopes().stream().noneMatch(s -> Scoped.related(Scoped.key(s), scope))) continue;
            value.add(d.toJson(sub));
        }
        return new ExtensionResponse(200, Json.object().set("value", value));
    }

    /** {@code roleName eq 'X'} (case-insensitive exact) and {@code type eq 'BuiltInRole|CustomRole'}, joined by {@code and}. */
    private static Predicate<RoleDefinition> filter(String text) {
        Predicate<RoleDefinition> keep = d -> true;
        if (text == null || text.isBlank()) return keep;
        for (String part : text.split("(?i)\\s+and\\s+")) {
            Matcher m = FILTER.matcher(part);
            if (!m.matches()) throw AuthorizationErrors.unsupportedFilter(text);
            String value = m.group(2);
            keep = keep.and(m.group(1).equalsIgnoreCase("roleName") ? d -> d.roleName().equalsIgnoreCase(value)
                    : d -> (d.builtIn() ? "BuiltInRole" : "CustomRole").equalsIgnoreCase(value));
        }
        return keep;
    }

    private ExtensionResponse put(ExtensionRequest r, String guid) {
        if (!ResourceId.isGuid(guid)) throw AuthorizationErrors.invalidRoleDefinitionId(r.name());
        if (BuiltInRoles.byGuid(guid) != null) throw AuthorizationErrors.builtInRoleReadOnly(guid);
        ObjectNode props = properties(r);
        String roleName = props.path("roleName").asText("").trim();
        if (roleName.isEmpty()) throw AuthorizationErrors.invalidRoleDefinition("The role name must be provided.");
        List<String> scopes = assignableScopes(props.get("assignableScopes"));
        ArrayNode permissions = permissions(props.get("permissions"));
        return transactions.inTransaction(() -> {
            for (RoleDefinition other : all()) {
                if (!other.name().equals(guid) && other.roleName().equalsIgnoreCase(roleName)) throw AuthorizationErrors.roleNameExists();
            }
            ResourceRecord existing = store.get(customKey(guid)).orElse(null);
            Instant now = clock.instant();
            ObjectNode extra = Json.object();
            extra.put("createdOn", existing == null ? Json.armTime(now)
                    : Json.parse(existing.body()).path("properties").path("createdOn").asText(Json.armTime(now)));
            extra.put("updatedOn", Json.armTime(now));
            extra.put("createdBy", existing == null ? r.caller().objectId()
                    : Json.parse(existing.body()).path("properties").path("createdBy").asText(null));
            extra.put("updatedBy", r.caller().objectId());
            RoleDefinition d = new RoleDefinition(guid, roleName, props.path("description").asText(""), false, scopes,
                    permissions, extra);
            ObjectNode doc = d.toJson(subscriptionId);
            String id = doc.path("id").asText();
            ResourceRecord rec = new ResourceRecord(id.toLowerCase(Locale.ROOT), id, subscriptionId.toLowerCase(Locale.ROOT),
                    null, TYPE_KEY, "/subscriptions/" + subscriptionId.toLowerCase(Locale.ROOT), guid, null, false,
                    Json.write(doc), "\"" + UUID.randomUUID() + "\"", existing == null ? now : existing.createdAt(), now);
            store.put(rec, existing == null ? WriteCondition.ABSENT : WriteCondition.etag(existing.etag()));
            return new ExtensionResponse(201, d.toJson(r.scope() == null ? null : r.scope().subscriptionId()));
        });
    }

    private ExtensionResponse delete(String guid, String sub) {
        if (!ResourceId.isGuid(guid)) throw AuthorizationErrors.invalidRoleDefinitionId(guid);
        if (BuiltInRoles.byGuid(guid) != null) throw AuthorizationErrors.builtInRoleReadOnly(guid);
        return transactions.inTransaction(() -> {
            ResourceRecord rec = store.get(customKey(guid)).orElse(null);
            if (rec == null) return new ExtensionResponse(204, null);
            String roleId = RoleDefinition.idOf(subscriptionId, guid).toLowerCase(Locale.ROOT);
            for (ResourceRecord a : Scoped.all(store, subscriptionId, RoleAssignments.TYPE_KEY)) {
                if (Json.parse(a.body()).path("properties").path("roleDefinitionId").asText().toLowerCase(Locale.ROOT).equals(roleId)) {
                    throw AuthorizationErrors.roleDefinitionHasAssignments();
                }
            }
            store.delete(rec.key(), WriteCondition.ALWAYS);
            return new ExtensionResponse(200, fromDocument((ObjectNode) Json.parse(rec.body())).toJson(sub));
        });
    }

    private static ObjectNode properties(ExtensionRequest r) {
        JsonNode body;
        try {
            body = r.body().get();
        } catch (ApiError e) {
            throw AuthorizationErrors.badRequestFormat();
        }
        JsonNode props = body.get("properties");
        if (props == null || !props.isObject()) throw AuthorizationErrors.badRequestFormat();
        return (ObjectNode) props;
    }

    private List<String> assignableScopes(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw AuthorizationErrors.invalidRoleDefinition("At least one assignable scope must be provided.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            ResourceId id = ResourceId.parse(n.asText());
            if (id == null || !id.subscriptionId().equalsIgnoreCase(subscriptionId)) throw AuthorizationErrors.invalidAssignableScope(n.asText());
            out.add(id.id());
        }
        return out;
    }

    private static ArrayNode permissions(JsonNode node) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw AuthorizationErrors.badRequestFormat();
        for (JsonNode b : node) {
            if (!b.isObject()) throw AuthorizationErrors.badRequestFormat();
            ObjectNode block = out.addObject();
            for (String f : List.of("actions", "notActions", "dataActions", "notDataActions")) {
                ArrayNode list = block.putArray(f);
                JsonNode v = b.get(f);
                if (v == null || v.isNull()) continue;
                if (!v.isArray()) throw AuthorizationErrors.badRequestFormat();
                for (JsonNode a : v) {
                    if (!a.isTextual() || a.asText().isBlank()) throw AuthorizationErrors.badRequestFormat();
                    list.add(a.asText());
                }
            }
        }
        return out;
    }

    private String customKey(String guid) {
        return RoleDefinition.idOf(subscriptionId, guid).toLowerCase(Locale.ROOT);
    }

    private static RoleDefinition fromDocument(ObjectNode doc) {
        JsonNode p = doc.path("properties");
        ObjectNode extra = Json.object();
        for (String f : List.of("createdOn", "updatedOn", "createdBy", "updatedBy")) extra.set(f, p.get(f));
        return new RoleDefinition(doc.path("name").asText(), p.path("roleName").asText(), p.path("description").asText(),
                false, RoleDefinition.texts(p.get("assignableScopes")), (ArrayNode) p.get("permissions"), extra);
    }
}
