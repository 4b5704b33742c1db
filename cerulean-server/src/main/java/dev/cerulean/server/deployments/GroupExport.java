package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /subscriptions/{sub}/resourcegroups/{rg}/exportTemplate} ({@code az group export},
 * deployments.md §2.9): a template that recreates the group's resources as Cerulean holds them, read
 * through the ARM engine with the caller's token. One {@code <type>_<name>_name} parameter per
 * top-level resource; children become top-level entries with a {@code dependsOn} on their parent;
 * each resource keeps its location, zones, sku, kind, identity, tags and properties (without
 * {@code provisioningState}). Extension resources (role assignments, locks, diagnostic settings) are
 * not exported and named in {@code error.details}, as ARM reports types it cannot export.
 */
final class GroupExport {
    static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private final ResourceStore store;

    GroupExport(ResourceStore store) {
        this.store = store;
    }

    /** The options ARM accepts in {@code options}, comma-separated. */
    private record Options(boolean defaults, boolean comments, boolean literalNames) {
        static Options parse(String raw) {
            boolean defaults = false, comments = false, skipNames = false, skipAll = false;
            if (raw != null && !raw.isBlank()) {
                for (String o : raw.split(",")) {
                    switch (o.trim().toLowerCase(Locale.ROOT)) {
                        case "includeparameterdefaultvalue" -> defaults = true;
                        case "includecomments" -> comments = true;
                        case "skipresourcenameparameterization" -> skipNames = true;
                        case "skipallparameterization" -> skipAll = true;
                        default -> throw ArmErrors.invalidRequestContent("The export template option '" + o.trim() + "' is not valid. Allowed"
                                + " values are 'IncludeParameterDefaultValue, IncludeComments, SkipResourceNameParameterization,"
                                + " SkipAllParameterization'.");
                    }
                }
            }
            return new Options(defaults, comments, skipNames || skipAll);
        }
    }

    ObjectNode export(DeploymentHistory.Scope group, JsonNode body, ArmLoopback arm) {
        if (body == null || !body.isObject() || !body.path("resources").isArray()) {
            throw ArmErrors.invalidRequestContent("The 'resources' property of the export request is required.");
        }
        Set<String> wanted = new HashSet<>();
        for (JsonNode r : body.get("resources")) wanted.add(r.asText().toLowerCase(Locale.ROOT));
        boolean all = wanted.contains("*");
        Options options = Options.parse(body.path("options").asText(null));

        ObjectNode template = Json.object();
        template.put("$schema", SCHEMA);
        template.put("contentVersion", "1.0.0.0");
        ObjectNode parameters = template.putObject("parameters");
        template.putObject("variables");
        ArrayNode resources = template.putArray("resources");
        List<ApiError.Detail> skipped = new ArrayList<>();
        Map<String, String> apiVersions = new HashMap<>();
        Set<String> unexportable = new HashSet<>();

        String prefix = group.id().toLowerCase(Locale.ROOT) + "/providers/";
        for (ResourceRecord rec : records(group)) {
            String key = rec.key();
            if (!key.startsWith(prefix) || rec.typeKey().startsWith("microsoft.resources/")) continue;
            if (!all && !wanted.contains(key)) continue;
            String[] path = rec.id().substring(prefix.length()).split("/");
            if (key.substring(prefix.length()).contains("/providers/")) { // an extension resource: another resource's scope
                if (unexportable.add(rec.typeKey())) skipped.add(notExported(typeOf(rec.id())));
                continue;
            }
            if (path.length < 3 || path.length % 2 == 0) continue;
            String type = typeOf(rec.id());
            String apiVersion = apiVersions.computeIfAbsent(type.toLowerCase(Locale.ROOT),
                    t -> DeploymentRunner.apiVersionOf(arm, group.subscriptionId(), type));
            JsonNode current;
            try {
                current = arm.getOrNull(rec.id(), apiVersion);
            } catch (ApiError e) {
                current = null;
            }
            if (current == null) {
                if (unexportable.add(rec.typeKey())) skipped.add(notExported(type));
                continue;
            }
            resources.add(resource(current, type, apiVersion, path, parameters, options));
        }
        ObjectNode result = Json.object();
        result.set("template", template);
        if (!skipped.isEmpty()) {
            ObjectNode error = result.putObject("error");
            error.put("code", "ExportTemplateCompletedWithErrors");
            error.put("message", "Export template operation completed with errors. Some resources were not exported. Please see details"
                    + " for more information.");
            ArrayNode details = error.putArray("details");
            for (ApiError.Detail d : skipped) details.addObject().put("code", d.code()).put("message", d.message());
        }
        return result;
    }

    private static ObjectNode resource(JsonNode current, String type, String apiVersion, String[] path, ObjectNode parameters, Options options) {
        // path: ns, type1, name1[, type2, name2 ...]
        String topName = path[2];
        String parameter = (path[1] + "_" + topName + "_name").replaceAll("[^A-Za-z0-9_]", "_");
        String nameRef = "parameters('" + parameter + "')";
        if (!options.literalNames() && !parameters.has(parameter)) {
            ObjectNode p = parameters.putObject(parameter);
            if (options.defaults()) p.put("defaultValue", topName);
            p.put("type", "String");
        }
        ObjectNode out = Json.object();
        out.put("type", type);
        out.put("apiVersion", apiVersion);
        StringBuilder rest = new StringBuilder();
        for (int i = 4; i < path.length; i += 2) rest.append('/').append(path[i]);
        if (options.literalNames()) out.put("name", topName + rest);
        else out.put("name", rest.isEmpty() ? "[" + nameRef + "]" : "[concat(" + nameRef + ", '" + rest + "')]");
        for (String member : List.of("location", "zones", "sku", "kind", "identity", "tags", "properties")) {
            JsonNode v = current.get(member);
            if (v == null || v.isNull()) continue;
            out.set(member, v.deepCopy());
        }
        if (out.get("identity") instanceof ObjectNode identity) {
            identity.remove("principalId");
            identity.remove("tenantId");
            if (identity.get("userAssignedIdentities") instanceof ObjectNode uai) uai.fieldNames().forEachRemaining(k -> uai.set(k, Json.object()));
        }
        if (out.get("properties") instanceof ObjectNode props) props.remove("provisioningState");
        if (path.length > 3) {
            // a child depends on its parent, named by resourceId() as ARM's export writes it
            String parentType = typeOf(path, path.length - 2);
            StringBuilder args = new StringBuilder("'" + parentType + "', " + (options.literalNames() ? "'" + topName + "'" : nameRef));
            for (int i = 4; i < path.length - 2; i += 2) args.append(", '").append(path[i]).append('\'');
            out.putArray("dependsOn").add("[resourceId(" + args + ")]");
        }
        if (options.comments()) out.put("comments", "Generalized from resource: '" + current.path("id").asText() + "'.");
        return out;
    }

    private static ApiError.Detail notExported(String type) {
        return new ApiError.Detail("ExportTemplateProviderError", "Could not get resources of the type '" + type
                + "'. Resources of this type will not be exported.", null);
    }

    /** The full type of a resource id under {@code …/providers/}: namespace and every type segment. */
    private static String typeOf(String id) {
        String rest = id.substring(id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/") + "/providers/".length());
        String[] p = rest.split("/");
        return typeOf(p, p.length);
    }

    private static String typeOf(String[] path, int end) {
        StringBuilder t = new StringBuilder(path[0]);
        for (int i = 1; i < end; i += 2) t.append('/').append(path[i]);
        return t.toString();
    }

    private List<ResourceRecord> records(DeploymentHistory.Scope group) {
        ResourceQuery query = ResourceQuery.in(group.subscriptionId().toLowerCase(Locale.ROOT)).resourceGroup(group.resourceGroup().toLowerCase(Locale.ROOT));
        List<ResourceRecord> out = new ArrayList<>(store.listAll(query).toList());
        out.sort(java.util.Comparator.comparing(ResourceRecord::key)); // parents before their children
        return out;
    }
}
