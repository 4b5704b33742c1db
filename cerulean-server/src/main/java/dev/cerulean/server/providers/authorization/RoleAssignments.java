package dev.cerulean.server.providers.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.server.rbac.Grant;
import dev.cerulean.server.rbac.RolePermissions;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Role assignments (graph-rbac.md §3.2-§3.7), stored as resources keyed under their scope:
 * {@code {scope}/providers/microsoft.authorization/roleassignments/{guid}}. Deleting a resource or
 * a resource group deletes every key below it, so the assignments scoped there go with it.
 */
final class RoleAssignments {
    /** Built-in roles never change while the process runs: their compiled permissions are kept. */
    private static final Map<String, RolePermissions> BUILT_IN_COMPILED = new java.util.concurrent.ConcurrentHashMap<>();


    static final String TYPE_KEY = "microsoft.authorization/roleassignments";
    private static final Pattern ROLE_ID = Pattern.compile(
            "(?:/subscriptions/([^/]+))?/providers/Microsoft\\.Authorization/roleDefinitions/([^/]+)", Pattern.CASE_INSENSITIVE);

    private final ResourceStore store;
    private final Transactions transactions;
    private final RoleDefinitions definitions;
    private final PrincipalDirectory directory;
    private final String subscriptionId;
    private final String tenantId;
    private final Clock clock;

    RoleAssignments(ResourceStore store, Transactions transactions, RoleDefinitions definitions, PrincipalDirectory directory,
                    String subscriptionId, String tenantId, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.definitions = definitions;
        this.directory = directory;
        this.subscriptionId = subscriptionId;
        this.tenantId = tenantId;
        this.clock = clock;
    }

    ExtensionResponse handle(ExtensionRequest r) {
        if (r.name() == null) {
            if (!r.method().equals("GET")) throw AuthorizationErrors.methodNotAllowed(r.method());
            return list(r);
        }
        if (r.scope() == null) throw ArmErrors.missingSubscription();
        return switch (r.method()) {
            case "GET" -> get(r);
            case "PUT" -> put(r);
            case "DELETE" -> delete(r);
            default -> throw AuthorizationErrors.methodNotAllowed(r.method());
        };
    }

    private ExtensionResponse get(ExtensionRequest r) {
        if (!ResourceId.isGuid(r.name())) throw AuthorizationErrors.invalidAssignmentId(r.name());
        ResourceRecord rec = store.get(key(r.scope(), r.name())).orElseThrow(AuthorizationErrors::assignmentNotFound);
        return new ExtensionResponse(200, Json.parse(rec.body()));
    }

    private ExtensionResponse list(ExtensionRequest r) {
        AssignmentFilter filter = AssignmentFilter.parse(r.query().apply("$filter"));
        String scope = Scoped.key(r.scope());
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (ResourceRecord rec : Scoped.all(store, subscriptionId, TYPE_KEY)) {
            JsonNode doc = Json.parse(rec.body());
            JsonNode p = doc.path("properties");
            if (filter.keeps(Scoped.key(p.path("scope").asText()), p.path("principalId").asText(), scope)) value.add(doc);
        }
        return new ExtensionResponse(200, Json.object().set("value", value));
    }

    private ExtensionResponse put(ExtensionRequest r) {
        if (!ResourceId.isGuid(r.name())) throw AuthorizationErrors.invalidAssignmentId(r.name());
        JsonNode body;
        try {
            body = r.body().get();
        } catch (ApiError e) {
            throw AuthorizationErrors.badRequestFormat();
        }
        JsonNode props = body.get("properties");
        if (props == null || !props.isObject()) throw AuthorizationErrors.badRequestFormat();
        String roleId = roleDefinitionId(props.path("roleDefinitionId").asText(""));
        String principalId = props.path("principalId").asText("").toLowerCase(Locale.ROOT);
        if (!ResourceId.isGuid(principalId)) throw AuthorizationErrors.invalidPrincipalId();
        String actualType = directory.principalType(tenantId, principalId)
                .orElseThrow(() -> AuthorizationErrors.principalNotFound(principalId, tenantId));
        String requestedType = props.path("principalType").asText(null);
        if (requestedType != null && !requestedType.equalsIgnoreCase(actualType)) {
            throw AuthorizationErrors.unmatchedPrincipalType(principalId, actualType, requestedType);
        }
        ObjectNode doc = document(r.scope(), r.name(), roleId, principalId, actualType, props, r.caller().objectId());
        return transactions.inTransaction(() -> new ExtensionResponse(201, write(r.scope(), doc)));
    }

    /** Inserts the assignment unless the same one exists; returns the stored document. */
    private JsonNode write(ResourceId scope, ObjectNode doc) {
        String name = doc.path("name").asText();
        JsonNode p = doc.path("properties");
        String scopeKey = scope.key();
        Optional<ResourceRecord> same = store.get(key(scope, name));
        if (same.isPresent()) {
            JsonNode old = Json.parse(same.get().body()).path("properties");
            if (sameTriple(old, p, scopeKey)) return Json.parse(same.get().body());
            throw AuthorizationErrors.assignmentUpdateNotPermitted();
        }
        for (ResourceRecord rec : Scoped.all(store, subscriptionId, TYPE_KEY)) {
            if (sameTriple(Json.parse(rec.body()).path("properties"), p, scopeKey)) throw AuthorizationErrors.assignmentExists();
        }
        Instant now = clock.instant();
        String id = doc.path("id").asText();
        ResourceRecord rec = new ResourceRecord(id.toLowerCase(Locale.ROOT), id, scope.subscriptionId().toLowerCase(Locale.ROOT),
                scope.resourceGroup() == null ? null : scope.resourceGroup().toLowerCase(Locale.ROOT), TYPE_KEY, scopeKey, name,
                null, false, Json.write(doc), "\"" + UUID.randomUUID() + "\"", now, now);
        if (!store.put(rec, WriteCondition.ABSENT)) throw AuthorizationErrors.assignmentExists();
        return doc;
    }

    private static boolean sameTriple(JsonNode a, JsonNode b, String scopeKey) {
        return Scoped.key(a.path("scope").asText()).equals(scopeKey)
                && a.path("principalId").asText().equalsIgnoreCase(b.path("principalId").asText())
                && a.path("roleDefinitionId").asText().equalsIgnoreCase(b.path("roleDefinitionId").asText());
    }

    private ExtensionResponse delete(ExtensionRequest r) {
        if (!ResourceId.isGuid(r.name())) throw AuthorizationErrors.invalidAssignmentId(r.name());
        return transactions.inTransaction(() -> {
            ResourceRecord rec = store.get(key(r.scope(), r.name())).orElse(null);
            if (rec == null) return new ExtensionResponse(204, null);
            store.delete(rec.key(), WriteCondition.ALWAYS);
            return new ExtensionResponse(200, Json.parse(rec.body()));
        });
    }

    /**
     * The canonical role definition id, {@code /subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}}
     * with a lower-case GUID (az compares it byte for byte with the definitions' ids); the tenant form is accepted.
     */
    private String roleDefinitionId(String value) {
        Matcher m = ROLE_ID.matcher(value.trim());
        if (!m.matches() || !ResourceId.isGuid(m.group(2))
                || m.group(1) != null && !m.group(1).equalsIgnoreCase(subscriptionId)) {
            throw AuthorizationErrors.invalidRoleDefinitionId(value);
        }
        String guid = m.group(2).toLowerCase(Locale.ROOT);
        if (definitions.find(guid) == null) throw AuthorizationErrors.roleDefinitionDoesNotExist(guid);
        return RoleDefinition.idOf(subscriptionId, guid);
    }

    private ObjectNode document(ResourceId scope, String name, String roleId, String principalId, String principalType,
                                JsonNode props, String callerObjectId) {
        String now = Json.armTime(clock.instant());
        ObjectNode doc = Json.object();
        doc.put("id", scope.id() + "/providers/Microsoft.Authorization/roleAssignments/" + name);
        doc.put("name", name);
        doc.put("type", "Microsoft.Authorization/roleAssignments");
        ObjectNode p = doc.putObject("properties");
        p.put("roleDefinitionId", roleId);
        p.put("principalId", principalId);
        p.put("principalType", principalType);
        p.put("scope", scope.id());
        p.set("condition", text(props.get("condition")));
        p.set("conditionVersion", text(props.get("conditionVersion")));
        p.put("createdOn", now);
        p.put("updatedOn", now);
        p.put("createdBy", callerObjectId);
        p.put("updatedBy", callerObjectId);
        p.putNull("delegatedManagedIdentityResourceId");
        p.set("description", text(props.get("description")));
        return doc;
    }

    private static JsonNode text(JsonNode n) {
        return n == null || n.isNull() ? Json.MAPPER.nullNode() : Json.MAPPER.getNodeFactory().textNode(n.asText());
    }

    private static String key(ResourceId scope, String name) {
        return (scope.id() + "/providers/Microsoft.Authorization/roleAssignments/" + name).toLowerCase(Locale.ROOT);
    }

    /** Owner at the subscription for a principal, under a name derived from it; does nothing when that one exists. */
    void seedOwner(String principalId, String principalType) {
        ResourceId sub = ResourceId.subscription(subscriptionId);
        String name = UUID.nameUUIDFromBytes(("cerulean-owner/" + principalId.toLowerCase(Locale.ROOT)).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
        if (store.get(key(sub, name)).isPresent()) return;
        ObjectNode doc = document(sub, name, RoleDefinition.idOf(subscriptionId, BuiltInRoles.OWNER),
                principalId.toLowerCase(Locale.ROOT), principalType, Json.object(), null);
        try {
            transactions.inTransaction(() -> write(sub, doc));
        } catch (ApiError e) {
            // the principal already holds Owner there under another name: nothing to seed
        }
    }

    /** Every assignment resolved to its role's permissions, by lower-cased principal id: the evaluator's input. */
    Map<String, List<Grant>> grantsByPrincipal() {
        // The evaluator refreshes this every second: built-in roles are looked up by GUID and compiled
        // once per process, custom roles are read only when some assignment names one.
        Map<String, RoleDefinition> custom = null;
        Map<String, RolePermissions> compiled = new HashMap<>();
        Map<String, List<Grant>> out = new HashMap<>();
        for (ResourceRecord rec : Scoped.all(store, subscriptionId, TYPE_KEY)) {
            JsonNode p = Json.parse(rec.body()).path("properties");
            String roleId = p.path("roleDefinitionId").asText().toLowerCase(Locale.ROOT);
            String guid = roleId.substring(roleId.lastIndexOf('/') + 1);
            RoleDefinition role = BuiltInRoles.byGuid(guid);
            if (role == null) {
                if (custom == null) {
                    custom = new HashMap<>();
                    for (RoleDefinition d : definitions.custom()) custom.put(d.name().toLowerCase(Locale.ROOT), d);
                }
                role = custom.get(guid);
            }
            if (role == null) continue;
            RoleDefinition found = role;
            RolePermissions perms = compiled.computeIfAbsent(guid, k -> found.builtIn()
                    ? BUILT_IN_COMPILED.computeIfAbsent(found.name(), n -> found.compiled()) : found.compiled());
            out.computeIfAbsent(p.path("principalId").asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(new Grant(Scoped.key(p.path("scope").asText()), perms));
        }
        return out;
    }
}
