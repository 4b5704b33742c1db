package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A validated template: bound parameters, evaluated variables and every resource instance in an
 * order that respects its dependencies. Bodies and outputs are evaluated on demand against the
 * running deployment, because they may read the state of resources deployed before them.
 */
public final class DeploymentPlan {
    /** Members of a resource declaration that ARM consumes itself; the rest is the PUT body. */
    static final Set<String> HEADER = Set.of("type", "name", "apiVersion", "condition", "copy", "dependsOn", "resources",
            "comments", "scope", "existing", "resourceGroup", "subscriptionId", "metadata", "import", "asserts");
    public static final int MAX_OUTPUTS = 64;

    private final TemplateText template;
    private final DeploymentContext deployment;
    private final Parameters parameters;
    private final List<PlannedResource> resources;
    private final EvalContext base;
    private final EvalContext.ResourceResolver resolver;

    DeploymentPlan(TemplateText template, DeploymentContext deployment, Parameters parameters, List<PlannedResource> resources,
                   EvalContext base) {
        this.template = template;
        this.deployment = deployment;
        this.parameters = parameters;
        this.resources = List.copyOf(resources);
        this.base = base;
        this.resolver = DependencyGraph.resolver(this.resources);
    }

    public TemplateText template() { return template; }
    public DeploymentContext deployment() { return deployment; }
    public Parameters parameters() { return parameters; }

    /** Every instance in deployment order, false conditions and {@code existing} ones included. */
    public List<PlannedResource> resources() { return resources; }

    /** The instances the deployment PUTs, in deployment order. */
    public List<PlannedResource> deployed() {
        List<PlannedResource> out = new ArrayList<>();
        for (PlannedResource r : resources) if (r.deployed()) out.add(r);
        return out;
    }

    /**
     * The PUT body of {@code r} ({@code location}, {@code tags}, {@code sku}, {@code properties}, ...;
     * members evaluating to null dropped). A nested deployment's {@code properties.template} is left
     * as written: its expressions belong to the nested deployment ({@link TemplateEngine#nested}).
     */
    public ObjectNode body(PlannedResource r, RuntimeResources runtime) {
        EvalContext ctx = r.context().at(EvalContext.Placement.RESOURCE_BODY).withRuntime(runtime, resolver());
        ObjectNode out = Values.object();
        try {
            for (var it = r.definition().fields(); it.hasNext(); ) {
                var e = it.next();
                if (HEADER.contains(e.getKey())) continue;
                JsonNode v;
                if (r.isNestedDeployment() && e.getKey().equals("properties") && e.getValue().isObject()) {
                    v = nestedProperties((ObjectNode) e.getValue(), ctx);
                } else {
                    v = Evaluator.value(e.getValue(), ctx);
                }
                if (!Values.isNull(v)) out.set(e.getKey(), v);
            }
        } catch (TemplateException e) {
            throw TemplateErrors.resourceExpression(r.id(), TemplateEngine.located(e.at(r.path()), template));
        }
        return out;
    }

    private static JsonNode nestedProperties(ObjectNode props, EvalContext ctx) {
        ObjectNode out = Values.object();
        for (var it = props.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getKey().equals("template") ? e.getValue() : Evaluator.value(e.getValue(), ctx);
            if (!Values.isNull(v)) out.set(e.getKey(), v);
        }
        return out;
    }

    /** The template's outputs ({@code {"o": {"type": "String", "value": ...}}}), evaluated now. */
    public ObjectNode outputs(RuntimeResources runtime) {
        JsonNode defs = template.root().get("outputs");
        ObjectNode out = Values.object();
        if (defs == null || !defs.isObject()) return out;
        EvalContext ctx = base.at(EvalContext.Placement.OUTPUT).withRuntime(runtime, resolver());
        for (var it = defs.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode def = Parameters.resolveRef(e.getValue(), template.root(), "outputs." + e.getKey());
            try {
                if (def.has("condition")) {
                    JsonNode c = Evaluator.value(def.get("condition"), ctx);
                    if (c.isBoolean() && !c.booleanValue()) continue;
                }
                String type = def.path("type").asText("string");
                JsonNode value;
                if (def.has("copy") && def.get("copy").isObject()) {
                    JsonNode copy = def.get("copy");
                    int count = Evaluator.copyCount(copy.get("count"), ctx);
                    var arr = Values.array();
                    for (int i = 0; i < count; i++) arr.add(Evaluator.value(copy.get("input"), ctx.inCopy(e.getKey(), i)));
                    value = arr;
                } else {
                    value = Evaluator.value(def.get("value"), ctx);
                }
                if (!Values.isNull(value)) {
                    try {
                        Parameters.checkType(type, value);
                    } catch (TemplateException wrong) {
                        throw TemplateErrors.outputType(e.getKey(), Parameters.pascalType(type), Values.typeName(value));
                    }
                }
                ObjectNode entry = out.putObject(e.getKey());
                entry.put("type", Parameters.pascalType(type));
                if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("secure")) entry.set("value", value);
            } catch (TemplateException ex) {
                throw TemplateEngine.located(ex.at("outputs." + e.getKey()), template);
            }
        }
        return out;
    }

    /** Finds template resources for {@code reference()}/{@code list*()}. */
    public EvalContext.ResourceResolver resolver() { return resolver; }

    /** The context the template's own expressions see (parameters, variables, functions). */
    public EvalContext context() { return base; }
}
