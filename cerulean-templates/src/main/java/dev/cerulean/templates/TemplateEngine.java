package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of the template language: checks a template with its parameters and produces the
 * {@link DeploymentPlan} a deployment executes (deployments.md §3.9: parse → parameters → variables →
 * copies, conditions and names → dependency graph → the checks of resource bodies and outputs in
 * {@link PlanCheck}). Everything here happens before any resource is touched, so a template that fails
 * here creates nothing.
 */
public final class TemplateEngine {
    private TemplateEngine() {}

    /** Plans {@code template} with {@code parameterValues} ({@code {"p": {"value": ...}}}, may be null). */
    public static DeploymentPlan plan(TemplateText template, JsonNode parameterValues, DeploymentContext dc) {
        try {
            return planUnlocated(template, parameterValues, dc);
        } catch (TemplateException e) {
            throw located(e, template);
        }
    }

    /**
     * The error with the line and column of its path in the submitted text when it does not know them yet
     * (the nearest enclosing member that has a position); ARM reports both in {@code additionalInfo} and,
     * for some errors, in the message.
     */
    static TemplateException located(TemplateException e, TemplateText template) {
        if (e.line() != 0 || e.path().isEmpty()) return e;
        String path = e.path();
        TemplateText.Position at = template.position(path);
        while (at.line() == 0) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            if (cut <= 0) return e;
            path = path.substring(0, cut);
            at = template.position(path);
        }
        return e.withPosition(at.line(), at.column());
    }

    private static DeploymentPlan planUnlocated(TemplateText template, JsonNode parameterValues, DeploymentContext dc) {
        JsonNode root = template.root();
        checkShape(root);
        EvalContext base = EvalContext.of(dc).withFunctions(UserFunctions.parse(root.get("functions")));
        Parameters[] bound = new Parameters[1];
        JsonNode[] memo = new JsonNode[1];
        base = base.withDeploymentObject(() -> {
            if (memo[0] != null) return memo[0];
            JsonNode d = deploymentObject(dc, root, bound[0]); // while parameters bind, without their echo
            if (bound[0] != null) memo[0] = d;
            return d;
        });
        bound[0] = Parameters.bind(template, root.get("parameters"), parameterValues, base, "");
        EvalContext withParams = base.withParameters(bound[0]::get);
        Variables variables = Variables.declare(root.get("variables"), withParams, "").evaluateAll();
        EvalContext ctx = withParams.withVariables(variables::get);
        return resources(template, dc, bound[0], ctx);
    }

    /**
     * Plans a nested deployment from its evaluated body ({@code properties.template},
     * {@code properties.parameters}, {@code expressionEvaluationOptions.scope}). With the default
     * {@code outer} scope the nested template sees the parent's parameters, variables and functions;
     * with {@code inner} it is a deployment of its own fed with the parameters the parent evaluated.
     */
    public static DeploymentPlan nested(DeploymentPlan parent, ObjectNode body, DeploymentContext target) {
        JsonNode props = body.path("properties");
        if (props.has("templateLink")) throw TemplateErrors.linkedTemplateUnsupported(props.get("templateLink"));
        if (!props.has("template")) throw TemplateErrors.missingMember("template", "nested deployment");
        TemplateText inner = TemplateText.of(props.get("template"));
        boolean innerScope = "inner".equalsIgnoreCase(props.path("expressionEvaluationOptions").path("scope").asText());
        if (innerScope) return plan(inner, props.get("parameters"), target);
        try {
            checkShape(inner.root());
            return resources(inner, target, parent.parameters(), parent.context());
        } catch (TemplateException e) {
            throw located(e, inner);
        }
    }

    private static DeploymentPlan resources(TemplateText template, DeploymentContext dc, Parameters parameters, EvalContext ctx) {
        JsonNode root = template.root();
        List<PlannedResource> instances = ResourceExpander.expand(root.get("resources"),
                ctx.at(EvalContext.Placement.RESOURCE_HEADER), dc);
        refuseDuplicates(instances);
        JsonNode outputs = root.get("outputs");
        if (outputs != null && outputs.size() > DeploymentPlan.MAX_OUTPUTS) {
            throw TemplateErrors.tooMany("outputs", DeploymentPlan.MAX_OUTPUTS, outputs.size());
        }
        DeploymentPlan plan = new DeploymentPlan(template, dc, parameters, DependencyGraph.order(instances), ctx);
        PlanCheck.run(plan);
        return plan;
    }

    /** The deploymentTemplate schemas ARM knows (deployments.md §3.1); compared without case, {@code http(s)://} or {@code #}. */
    static final List<String> SCHEMAS = List.of(
            "https://schema.management.azure.com/schemas/2014-04-01-preview/deploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#");

    /** A template without {@code $schema} is accepted (SDK bodies often omit it); an unknown one is refused. */
    private static void checkSchema(JsonNode schema) {
        if (schema == null) return;
        String s = schemaKey(schema.asText(""));
        for (String known : SCHEMAS) if (schema.isTextual() && schemaKey(known).equals(s)) return;
        throw TemplateErrors.unsupportedSchema(schema.isTextual() ? schema.textValue() : schema.toString(), SCHEMAS).at("$schema");
    }

    private static String schemaKey(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        return k.endsWith("#") ? k.substring(0, k.length() - 1) : k;
    }

    private static void checkShape(JsonNode root) {
        checkSchema(root.get("$schema"));
        String version = root.path("languageVersion").asText("1.0");
        if (!version.matches("[12]\\.\\d+(-experimental)?")) throw TemplateErrors.unsupportedLanguageVersion(version);
        boolean symbolic = version.startsWith("2");
        JsonNode resources = root.get("resources");
        if (resources == null) throw TemplateErrors.missingMember("resources", "");
        if (symbolic && !resources.isObject()) {
            throw TemplateErrors.invalid("The template with languageVersion '" + version + "' must declare 'resources' as an object keyed by symbolic names.");
        }
        if (!symbolic && !resources.isArray()) {
            throw TemplateErrors.invalid("The template 'resources' property must be an array; symbolic names need languageVersion '2.0'.");
        }
    }

    private static void refuseDuplicates(List<PlannedResource> instances) {
        Map<String, PlannedResource> seen = new HashMap<>();
        for (PlannedResource r : instances) {
            if (!r.deployed()) continue;
            if (seen.put(r.id().toLowerCase(Locale.ROOT), r) != null) throw TemplateErrors.duplicateResource(r.id()).at(r.path());
        }
    }

    /** What {@code deployment()} returns (deployments.md §3.7). */
    private static JsonNode deploymentObject(DeploymentContext dc, JsonNode template, Parameters parameters) {
        ObjectNode out = Values.object();
        out.put("name", dc.deploymentName());
        if (dc.level() != DeploymentContext.ScopeLevel.RESOURCE_GROUP && dc.deploymentLocation() != null) {
            out.put("location", dc.deploymentLocation());
        }
        ObjectNode props = out.putObject("properties");
        props.set("template", template);
        props.put("templateHash", TemplateHash.of(template));
        if (parameters != null) props.set("parameters", parameters.echo());
        props.put("mode", "Incremental");
        props.put("provisioningState", "Accepted");
        return out;
    }
}
