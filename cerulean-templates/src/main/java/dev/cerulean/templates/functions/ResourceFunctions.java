package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.DeploymentContext;
import dev.cerulean.templates.EvalContext;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;

import java.util.List;
import java.util.Locale;

import static dev.cerulean.templates.Functions.MANY;
import static dev.cerulean.templates.Functions.add;

/** Resource, scope and deployment functions (deployments.md §3.7). */
public final class ResourceFunctions {
    private ResourceFunctions() {}

    public static void register() {
        add("resourceId", 2, MANY, ResourceFunctions::resourceId);
        add("subscriptionResourceId", 2, MANY, ResourceFunctions::subscriptionResourceId);
        add("tenantResourceId", 2, MANY, a -> Values.of(providerPath("", a, 0)));
        add("extensionResourceId", 3, MANY, a -> Values.of(providerPath(trimSlash(a.str(0)), a, 1)));
        add("managementGroupResourceId", 2, MANY, ResourceFunctions::managementGroupResourceId);
        add("reference", 1, 3, ResourceFunctions::reference);
        add("references", 1, 2, ResourceFunctions::references);
        add("pickZones", 3, 5, a -> Values.array());
        add("providers", 1, 2, ResourceFunctions::providers);
        add("resourceGroup", 0, 0, ResourceFunctions::resourceGroup);
        add("subscription", 0, 0, ResourceFunctions::subscription);
        add("tenant", 0, 0, ResourceFunctions::tenant);
        add("managementGroup", 0, 0, ResourceFunctions::managementGroup);
        add("deployment", 0, 0, a -> a.ctx().deploymentObject());
        add("environment", 0, 0, a -> a.ctx().deployment().environment());
        add("parameters", 1, 1, a -> a.ctx().parameter(a.str(0)));
        add("variables", 1, 1, ResourceFunctions::variables);
    }

    private static String trimSlash(String s) { return s.endsWith("/") ? s.substring(0, s.length() - 1) : s; }

    private static int typeIndex(Args a, int maxLeading) {
        for (int i = 0; i < a.size() && i <= maxLeading; i++) {
            if (a.get(i).isTextual() && a.str(i).indexOf('/') > 0) return i;
        }
        throw TemplateErrors.functionFailed(a.function(), "the resource type argument (a string containing '/') was not found.");
    }

    /** {@code {scope}/providers/{ns}/{t1}/{n1}/{t2}/{n2}…} from the type at {@code typeAt} and the names after it. */
    static String providerPath(String scope, Args a, int typeAt) {
        String type = a.str(typeAt);
        String[] segments = type.split("/");
        int names = a.size() - typeAt - 1;
        if (segments.length < 2 || names != segments.length - 1) {
            throw TemplateErrors.functionFailed(a.function(), "the type '" + type + "' requires '" + (segments.length - 1)
                    + "' resource name argument(s).");
        }
        StringBuilder sb = new StringBuilder(scope).append("/providers/").append(segments[0]);
        for (int i = 1; i < segments.length; i++) sb.append('/').append(segments[i]).append('/').append(a.text(typeAt + i));
        return sb.toString();
    }

    private static JsonNode resourceId(Args a) {
        DeploymentContext d = a.ctx().deployment();
        int k = typeIndex(a, 2);
        String scope;
        if (k == 2) scope = "/subscriptions/" + a.str(0) + "/resourceGroups/" + a.str(1);
        else if (k == 1) scope = "/subscriptions/" + d.subscriptionId() + "/resourceGroups/" + a.str(0);
        else scope = switch (d.level()) {
            case RESOURCE_GROUP -> d.resourceGroupId();
            case SUBSCRIPTION -> "/subscriptions/" + d.subscriptionId();
            case MANAGEMENT_GROUP -> "/providers/Microsoft.Management/managementGroups/" + d.managementGroup();
            case TENANT -> "";
        };
        return Values.of(providerPath(scope, a, k));
    }

    private static JsonNode subscriptionResourceId(Args a) {
        int k = typeIndex(a, 1);
        String sub = k == 1 ? a.str(0) : a.ctx().deployment().subscriptionId();
        return Values.of(providerPath("/subscriptions/" + sub, a, k));
    }

    private static JsonNode managementGroupResourceId(Args a) {
        int k = typeIndex(a, 1);
        String mg = k == 1 ? a.str(0) : a.ctx().deployment().managementGroup();
        return Values.of(providerPath("/providers/Microsoft.Management/managementGroups/" + mg, a, k));
    }

    private static JsonNode reference(Args a) {
        if (!a.ctx().placement().allowsRuntime()) throw TemplateErrors.functionNotExpected("reference");
        String target = a.str(0);
        String apiVersion = a.size() > 1 && !Values.isNull(a.get(1)) ? a.str(1) : null;
        boolean full = a.size() > 2 && a.str(2).equalsIgnoreCase("Full");
        EvalContext.ResourceResolver.Resolved r = a.ctx().resources().resolve(target);
        if (r == null) {
            if (!target.startsWith("/") || apiVersion == null) throw TemplateErrors.badReference(target);
            return a.ctx().runtime().reference(target, apiVersion, full);
        }
        return a.ctx().runtime().reference(r.id(), apiVersion != null ? apiVersion : r.apiVersion(), full);
    }

    /**
     * {@code references('loop', ['Full'|'Properties'])} (languageVersion 2.0): the {@code reference()} result of
     * every instance of a resource collection, in copy order; {@code 'Properties'} (the default) gives each
     * instance's {@code properties}, {@code 'Full'} the whole resource.
     */
    private static JsonNode references(Args a) {
        if (!a.ctx().placement().allowsRuntime()) throw TemplateErrors.functionNotExpected("references");
        String target = a.str(0);
        boolean full = false;
        if (a.size() > 1) {
            String form = a.str(1);
            if (form.equalsIgnoreCase("Full")) full = true;
            else if (!form.equalsIgnoreCase("Properties")) {
                throw TemplateErrors.functionFailed("references", "the second parameter must be 'Full' or 'Properties'; the value is '" + form + "'.");
            }
        }
        List<EvalContext.ResourceResolver.Resolved> all = a.ctx().resources().resolveAll(target);
        if (all.isEmpty() && a.ctx().resources().resolve(target) == null) throw TemplateErrors.badReference(target);
        var out = Values.array();
        for (EvalContext.ResourceResolver.Resolved r : all) out.add(a.ctx().runtime().reference(r.id(), r.apiVersion(), full));
        return out;
    }

    /** {@code listKeys}, {@code listCredentials}, ...: any function named {@code list*} (deployments.md §3.7). */
    public static JsonNode list(String name, List<JsonNode> values, EvalContext ctx) {
        if (values.size() < 2 || values.size() > 3) throw TemplateErrors.arity(name, 2, 3);
        Args a = new Args(name, values, ctx);
        if (!ctx.placement().allowsRuntime()) throw TemplateErrors.functionNotExpected(name);
        String target = a.str(0), apiVersion = a.str(1);
        JsonNode body = values.size() > 2 ? values.get(2) : null;
        EvalContext.ResourceResolver.Resolved r = ctx.resources().resolve(target);
        String id = r != null ? r.id() : target;
        if (r == null && !target.startsWith("/")) throw TemplateErrors.badReference(target);
        return ctx.runtime().list(id, name, apiVersion, body);
    }

    private static JsonNode providers(Args a) {
        ObjectNode out = Values.object();
        out.put("namespace", a.str(0));
        if (a.size() > 1) {
            out.put("resourceType", a.str(1));
            out.putArray("locations");
            out.putArray("apiVersions");
        }
        return out;
    }

    private static JsonNode resourceGroup(Args a) {
        DeploymentContext d = a.ctx().deployment();
        if (d.level() != DeploymentContext.ScopeLevel.RESOURCE_GROUP) throw TemplateErrors.functionNotExpected("resourceGroup");
        DeploymentContext.ResourceGroup g = d.resourceGroup();
        ObjectNode out = Values.object();
        out.put("id", d.resourceGroupId());
        out.put("name", g.name());
        out.put("type", "Microsoft.Resources/resourceGroups");
        out.put("location", g.location());
        if (g.managedBy() != null) out.put("managedBy", g.managedBy());
        out.set("tags", g.tags() == null ? Values.object() : g.tags());
        out.putObject("properties").put("provisioningState", "Succeeded");
        return out;
    }

    private static JsonNode subscription(Args a) {
        DeploymentContext d = a.ctx().deployment();
        if (d.level() != DeploymentContext.ScopeLevel.RESOURCE_GROUP && d.level() != DeploymentContext.ScopeLevel.SUBSCRIPTION) {
            throw TemplateErrors.functionNotExpected("subscription");
        }
        ObjectNode out = Values.object();
        out.put("id", "/subscriptions/" + d.subscriptionId());
        out.put("subscriptionId", d.subscriptionId());
        out.put("tenantId", d.tenantId());
        out.put("displayName", d.subscriptionDisplayName());
        return out;
    }

    private static JsonNode tenant(Args a) {
        DeploymentContext d = a.ctx().deployment();
        ObjectNode out = Values.object();
        out.put("countryCode", "US");
        out.put("displayName", "Cerulean");
        out.put("id", "/tenants/" + d.tenantId());
        out.put("tenantId", d.tenantId());
        return out;
    }

    private static JsonNode managementGroup(Args a) {
        DeploymentContext d = a.ctx().deployment();
        if (d.level() != DeploymentContext.ScopeLevel.MANAGEMENT_GROUP) throw TemplateErrors.functionNotExpected("managementGroup");
        ObjectNode out = Values.object();
        out.put("id", "/providers/Microsoft.Management/managementGroups/" + d.managementGroup());
        out.put("name", d.managementGroup());
        out.put("type", "/providers/Microsoft.Management/managementGroups");
        return out;
    }

    private static JsonNode variables(Args a) {
        EvalContext.Placement p = a.ctx().placement();
        if (p == EvalContext.Placement.PARAMETER_DEFAULT || p == EvalContext.Placement.USER_FUNCTION) {
            throw TemplateErrors.functionNotExpected("variables");
        }
        return a.ctx().variable(a.str(0));
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
