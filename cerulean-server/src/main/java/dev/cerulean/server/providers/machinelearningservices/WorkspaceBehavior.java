package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Workspaces (ml.md §2): name rules, dependent resources checked in the store, identity and
 * customer-managed-key encryption, and the service's read-only properties with {@code discoveryUrl}
 * and {@code mlFlowTrackingUri} on Cerulean's regional host names. Creation fails on its operation
 * (not at once) when the container registry has no admin user, as the doc's Location hint says.
 */
final class WorkspaceBehavior implements ResourceBehavior {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,32}");
    /** Set at create, unchanged afterwards (ml.md §2.2). */
    private static final List<String> IMMUTABLE = List.of("storageAccount", "keyVault");

    private final Dependents dependents;
    private final RegionalHosts hosts;
    private final WorkspacePrincipals principals;

    WorkspaceBehavior(Dependents dependents, RegionalHosts hosts, WorkspacePrincipals principals) {
        this.dependents = dependents;
        this.hosts = hosts;
        this.principals = principals;
    }

    @Override
    public void validateName(WriteContext ctx) {
        if (!NAME.matcher(ctx.id().name()).matches()) throw MlErrors.invalidWorkspaceName(ctx.id().name());
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode doc = ctx.requested();
        ObjectNode props = properties(doc);
        JsonNode oldProps = ctx.existing() == null ? Json.object() : ctx.existing().path("properties");
        String sub = ctx.id().subscriptionId();

        for (String name : IMMUTABLE) {
            String was = text(oldProps.get(name));
            String now = text(props.get(name));
            if (was != null && now != null && !sameId(was, now)) throw MlErrors.immutable(name);
            if (was != null && now == null) props.put(name, was);
        }
        if (text(props.get("storageAccount")) == null || text(props.get("keyVault")) == null
                || text(props.get("applicationInsights")) == null) {
            throw MlErrors.missingDependents();
        }
        ObjectNode storage = null;
        for (var ref : List.of(new Ref("storageAccount", Dependents.STORAGE), new Ref("keyVault", Dependents.KEY_VAULT),
                new Ref("applicationInsights", Dependents.APP_INSIGHTS), new Ref("containerRegistry", Dependents.REGISTRY))) {
            JsonNode value = props.get(ref.property);
            if (value == null || value.isNull() || unchanged(oldProps, ref.property, value)) continue;
            Dependents.Found found = dependents.optional(ref.property, value, ref.type, sub);
            if (found == null) {
                props.putNull(ref.property);
                continue;
            }
            props.put(ref.property, found.id());
            if (ref.property.equals("storageAccount")) storage = found.document();
        }

        JsonNode identity = doc.get("identity");
        if (!ctx.patch() || !java.util.Objects.equals(identity, ctx.existing().get("identity"))) {
            doc.set("identity", WorkspaceIdentity.complete(identity, ctx.existing() == null ? null : ctx.existing().get("identity"),
                    ctx.caller().tenantId(), dependents, sub, principals, ctx.id()));
        }
        String primary = text(props.get("primaryUserAssignedIdentity"));
        if (primary != null && !unchanged(oldProps, "primaryUserAssignedIdentity", props.get("primaryUserAssignedIdentity"))) {
            props.put("primaryUserAssignedIdentity",
                    dependents.require("primaryUserAssignedIdentity", primary, Dependents.USER_IDENTITY, sub).id());
        }
        JsonNode encryption = props.get("encryption");
        if (encryption != null && !encryption.isNull() && !unchanged(oldProps, "encryption", encryption)) {
            props.set("encryption", WorkspaceEncryption.complete(encryption, dependents, sub));
        }
        if (!doc.hasNonNull("sku")) doc.set("sku", Json.object().put("name", "Basic").put("tier", "Basic"));
        else if (doc.get("sku").isObject() && !doc.get("sku").has("tier")) {
            ((ObjectNode) doc.get("sku")).put("tier", doc.get("sku").path("name").asText("Basic"));
        }
        readOnly(ctx, doc, props, oldProps, storage);
        return doc;
    }

    /** The service's own properties (ml.md §2.3), kept stable across writes. */
    private void readOnly(WriteContext ctx, ObjectNode doc, ObjectNode props, JsonNode oldProps, ObjectNode storage) {
        String name = ctx.id().name();
        String region = Locations.normalize(doc.path("location").asText(ctx.existing() == null ? ""
                : ctx.existing().path("location").asText())).orElse("eastus");
        String workspaceId = text(oldProps.get("workspaceId"));
        if (workspaceId == null) workspaceId = UUID.randomUUID().toString();
        defaultTo(props, "friendlyName", name);
        defaultTo(props, "description", "");
        if (!props.has("containerRegistry")) props.putNull("containerRegistry");
        defaultTo(props, "hbiWorkspace", false);
        props.put("tenantId", text(oldProps.get("tenantId")) != null ? oldProps.get("tenantId").asText() : ctx.caller().tenantId());
        if (!props.has("imageBuildCompute")) props.putNull("imageBuildCompute");
        ObjectNode notebook = props.putObject("notebookInfo");
        notebook.put("resourceId", workspaceId.replace("-", ""));
        notebook.put("fqdn", "ml-" + name.toLowerCase(Locale.ROOT) + "-" + region + "-" + workspaceId + ".notebooks.azure.net");
        notebook.put("isPrivateLinkEnabled", false);
        notebook.putNull("notebookPreparationError");
        boolean hns = storage != null ? storage.path("properties").path("isHnsEnabled").asBoolean(false)
                : oldProps.path("storageHnsEnabled").asBoolean(false);
        props.put("storageHnsEnabled", hns);
        props.put("workspaceId", workspaceId);
        props.put("privateLinkCount", 0);
        defaultTo(props, "publicNetworkAccess", "Enabled");
        defaultTo(props, "allowPublicAccessWhenBehindVnet", false);
        props.put("discoveryUrl", hosts.discoveryUrl(region));
        props.put("mlFlowTrackingUri", hosts.mlFlowTrackingUri(region, ctx.id()));
        defaultTo(props, "v1LegacyMode", false);
    }

    /** A creation that cannot finish: a container registry without admin user (the doc's troubleshooting hint). */
    @Override
    public ApiError finishProvisioning(ResourceId id, ObjectNode doc) {
        String registry = text(doc.path("properties").get("containerRegistry"));
        if (registry == null) return null;
        ObjectNode current = dependents.current(registry);
        if (current == null) return MlErrors.dependentNotFound("containerRegistry", registry);
        if (!current.path("properties").path("adminUserEnabled").asBoolean(false)) return MlErrors.registryAdminDisabled(registry);
        return null;
    }

    private record Ref(String property, String type) {}

    private static boolean unchanged(JsonNode oldProps, String name, JsonNode value) {
        JsonNode old = oldProps.get(name);
        if (old == null || old.isNull()) return false;
        return old.isTextual() && value.isTextual() ? sameId(old.asText(), value.asText()) : old.equals(value);
    }

    private static boolean sameId(String a, String b) {
        return a.replaceFirst("^/", "").equalsIgnoreCase(b.replaceFirst("^/", ""));
    }

    private static void defaultTo(ObjectNode props, String name, Object value) {
        if (props.hasNonNull(name)) return;
        if (value instanceof Boolean b) props.put(name, b);
        else props.put(name, value.toString());
    }

    private static ObjectNode properties(ObjectNode doc) {
        if (doc.get("properties") instanceof ObjectNode p) return p;
        ObjectNode p = Json.object();
        doc.set("properties", p);
        return p;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank() ? null : n.asText();
    }
}
