package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a template's resource declarations into instances (deployments.md §3.4): nested children get
 * the full type and name of their parent, copy loops are expanded (a child of a copied parent once
 * per parent instance), conditions are evaluated, and each instance gets its id from the deployment
 * scope, an extension {@code scope}, or the {@code resourceGroup}/{@code subscriptionId} of a nested deployment or an
 * {@code existing} resource.
 */
final class ResourceExpander {
    static final int MAX_RESOURCES = 800;
    /** Stops expanding long before memory is at risk; the exact count is reported when under it. */
    private static final int EXPANSION_GUARD = 100_000;

    private final DeploymentContext dc;
    private final List<PlannedResource> out = new ArrayList<>();

    private ResourceExpander(DeploymentContext dc) { this.dc = dc; }

    /** Every instance, in declaration order, dependencies not yet resolved. */
    static List<PlannedResource> expand(JsonNode resources, EvalContext header, DeploymentContext dc) {
        ResourceExpander x = new ResourceExpander(dc);
        if (resources == null || resources.isNull()) return x.out;
        if (resources.isObject()) { // languageVersion 2.0: keyed by symbolic name
            for (var it = resources.fields(); it.hasNext(); ) {
                var e = it.next();
                x.declaration(e.getKey(), e.getValue(), "resources." + e.getKey(), null, header);
            }
        } else if (resources.isArray()) {
            for (int i = 0; i < resources.size(); i++) x.declaration(null, resources.get(i), "resources[" + i + "]", null, header);
        } else {
            throw TemplateErrors.invalid("The template 'resources' property must be an array or, with languageVersion 2.0, an object.");
        }
        if (x.out.size() > MAX_RESOURCES) throw TemplateErrors.tooMany("resources", MAX_RESOURCES, x.out.size());
        return x.out;
    }

    private void declaration(String symbolic, JsonNode def, String path, PlannedResource parent, EvalContext ctx) {
        try {
            if (!def.isObject()) throw TemplateErrors.invalid("The template resource at '" + path + "' must be an object.");
            for (String required : new String[] {"type", "name"}) {
                if (!def.has(required)) throw TemplateErrors.missingMember(required, "resource at '" + path + "'");
            }
            JsonNode copy = def.get("copy");
            if (copy != null && copy.isObject()) {
                String loop = Evaluator.value(copy.get("name"), ctx).asText();
                if (loop.isEmpty()) throw TemplateErrors.missingMember("name", "'copy' definition at '" + path + "'");
                int count = Evaluator.copyCount(copy.get("count"), ctx);
                for (int i = 0; i < count; i++) instance(symbolic, def, path, parent, ctx.inCopy(loop, i), loop, i);
            } else {
                instance(symbolic, def, path, parent, ctx, null, -1);
            }
        } catch (TemplateException e) {
            throw e.at(path);
        }
    }

    private void instance(String symbolic, JsonNode def, String path, PlannedResource parent, EvalContext ctx,
                          String loop, int index) {
        String type = str(def.get("type"), ctx);
        String name = def.has("name") ? str(def.get("name"), ctx) : "";
        String apiVersion = def.has("apiVersion") ? str(def.get("apiVersion"), ctx) : "";
        if (parent != null) {
            type = parent.type() + "/" + type;
            name = parent.name() + "/" + name;
        }
        boolean condition = true;
        if (def.has("condition")) {
            JsonNode c = Evaluator.value(def.get("condition"), ctx);
            if (!c.isBoolean()) throw TemplateErrors.invalid("The template resource condition must evaluate to a boolean; the value is of type '"
                    + Values.typeName(c) + "'.");
            condition = c.booleanValue();
        }
        boolean existing = def.path("existing").asBoolean(false);
        String id = id(def, type, name, ctx);
        if (out.size() >= EXPANSION_GUARD) throw TemplateErrors.tooMany("resources", MAX_RESOURCES, out.size() + 1);
        PlannedResource r = new PlannedResource(symbolic, path, type, apiVersion, name, id, condition, existing, loop, index,
                List.of(), def, ctx);
        out.add(r);
        JsonNode children = def.get("resources");
        if (children != null && children.isArray()) {
            for (int i = 0; i < children.size(); i++) declaration(null, children.get(i), path + ".resources[" + i + "]", r, ctx);
        }
    }

    private static String str(JsonNode raw, EvalContext ctx) {
        JsonNode v = Evaluator.value(raw, ctx);
        if (!v.isTextual()) throw TemplateErrors.invalid("The template resource property must be a string; the value is of type '"
                + Values.typeName(v) + "'.");
        return v.textValue();
    }

    private String id(JsonNode def, String type, String name, EvalContext ctx) {
        String[] typeSegments = type.split("/");
        String[] nameSegments = name.split("/", -1);
        boolean deployments = PlannedResource.DEPLOYMENTS_TYPE.equalsIgnoreCase(type);
        if (typeSegments.length < 2 || nameSegments.length != typeSegments.length - 1) {
            throw TemplateErrors.segmentLengths(name, type);
        }
        String scope;
        if (def.has("scope")) {
            String s = str(def.get("scope"), ctx);
            scope = s.startsWith("/") ? trim(s) : relativeScope(s);
        } else if ((deployments || def.path("existing").asBoolean(false)) && (def.has("resourceGroup") || def.has("subscriptionId"))) {
            // a nested deployment's target, or where a 2.0 'existing' resource is read from
            String sub = def.has("subscriptionId") ? str(def.get("subscriptionId"), ctx) : dc.subscriptionId();
            String rg = def.has("resourceGroup") ? str(def.get("resourceGroup"), ctx)
                    : dc.level() == DeploymentContext.ScopeLevel.RESOURCE_GROUP && sub.equalsIgnoreCase(dc.subscriptionId())
                    ? dc.resourceGroup().name() : null;
            scope = "/subscriptions/" + sub + (rg == null ? "" : "/resourceGroups/" + rg);
        } else if (type.equalsIgnoreCase("Microsoft.Resources/resourceGroups") && dc.level() == DeploymentContext.ScopeLevel.SUBSCRIPTION) {
            return "/subscriptions/" + dc.subscriptionId() + "/resourceGroups/" + name;
        } else {
            scope = dc.scopeId();
        }
        StringBuilder sb = new StringBuilder(scope).append("/providers/").append(typeSegments[0]);
        for (int i = 1; i < typeSegments.length; i++) sb.append('/').append(typeSegments[i]).append('/').append(nameSegments[i - 1]);
        return sb.toString();
    }

    /** {@code Microsoft.X/type/name} relative to the deployment's scope. */
    private String relativeScope(String s) {
        String[] parts = s.split("/");
        if (parts.length < 3 || parts.length % 2 == 0) {
            throw TemplateErrors.invalid("The scope '" + s + "' is not valid: expected a resource id or 'Namespace/type/name'.");
        }
        return dc.scopeId() + "/providers/" + s;
    }

    private static String trim(String s) { return s.endsWith("/") ? s.substring(0, s.length() - 1) : s; }

    static String key(String s) { return s.toLowerCase(Locale.ROOT); }
}
