package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one expression can see: the deployment's facts, parameters and variables, the copy
 * loops it sits in, lambda variables, and where in the template it is ({@link Placement}), which
 * decides the functions ARM allows there. Immutable; the {@code with*} methods derive new contexts.
 */
public final class EvalContext {

    /** Where an expression sits; ARM allows different functions in each place. */
    public enum Placement {
        PARAMETER_DEFAULT, VARIABLE, RESOURCE_HEADER, RESOURCE_BODY, OUTPUT, USER_FUNCTION;

        public boolean allowsRuntime() { return this == RESOURCE_BODY || this == OUTPUT; }
    }

    /** Finds a template resource by symbolic name, name or id, for {@code reference} and {@code list*}. */
    public interface ResourceResolver {
        /** The resource's id and declared api-version, or null when the template does not declare it. */
        Resolved resolve(String nameOrId);

        /**
         * Every instance {@code nameOrId} names, in copy order ({@code references('loop')} of a 2.0 collection);
         * empty when the template does not declare it.
         */
        default java.util.List<Resolved> resolveAll(String nameOrId) {
            Resolved one = resolve(nameOrId);
            return one == null ? java.util.List.of() : java.util.List.of(one);
        }

        record Resolved(String id, String apiVersion) {}

        ResourceResolver NONE = nameOrId -> null;
    }

    final DeploymentContext deployment;
    final RuntimeResources runtime;
    final Placement placement;
    final Function<String, JsonNode> parameters;
    final Function<String, JsonNode> variables;
    final UserFunctions functions;
    final Supplier<JsonNode> deploymentObject;
    final ResourceResolver resources;
    private final Map<String, Integer> copyIndexes;
    private final String innermostLoop;
    private final Map<String, JsonNode> lambdaVariables;

    private EvalContext(DeploymentContext deployment, RuntimeResources runtime, Placement placement,
                        Function<String, JsonNode> parameters, Function<String, JsonNode> variables,
                        UserFunctions functions, Supplier<JsonNode> deploymentObject, ResourceResolver resources,
                        Map<String, Integer> copyIndexes, String innermostLoop, Map<String, JsonNode> lambdaVariables) {
        this.deployment = deployment;
        this.runtime = runtime;
        this.placement = placement;
        this.parameters = parameters;
        this.variables = variables;
        this.functions = functions;
        this.deploymentObject = deploymentObject;
        this.resources = resources;
        this.copyIndexes = copyIndexes;
        this.innermostLoop = innermostLoop;
        this.lambdaVariables = lambdaVariables;
    }

    /** A context with no parameters, variables or user functions: for tests and the speed check. */
    public static EvalContext of(DeploymentContext deployment) {
        return new EvalContext(deployment, RuntimeResources.NONE, Placement.RESOURCE_BODY,
                n -> { throw TemplateErrors.parameterNotFound(n); }, n -> { throw TemplateErrors.variableNotFound(n); },
                UserFunctions.NONE, () -> minimalDeployment(deployment), ResourceResolver.NONE, Map.of(), null, Map.of());
    }

    private static JsonNode minimalDeployment(DeploymentContext d) {
        var out = Values.object().put("name", d.deploymentName());
        if (d.level() != DeploymentContext.ScopeLevel.RESOURCE_GROUP && d.deploymentLocation() != null) {
            out.put("location", d.deploymentLocation());
        }
        out.putObject("properties");
        return out;
    }

    public EvalContext withParameters(Function<String, JsonNode> lookup) {
        return new EvalContext(deployment, runtime, placement, lookup, variables, functions, deploymentObject, resources,
                copyIndexes, innermostLoop, lambdaVariables);
    }

    public EvalContext withVariables(Function<String, JsonNode> lookup) {
        return new EvalContext(deployment, runtime, placement, parameters, lookup, functions, deploymentObject, resources,
                copyIndexes, innermostLoop, lambdaVariables);
    }

    public EvalContext withFunctions(UserFunctions userFunctions) {
        return new EvalContext(deployment, runtime, placement, parameters, variables, userFunctions, deploymentObject, resources,
                copyIndexes, innermostLoop, lambdaVariables);
    }

    public EvalContext withDeploymentObject(Supplier<JsonNode> object) {
        return new EvalContext(deployment, runtime, placement, parameters, variables, functions, object, resources,
                copyIndexes, innermostLoop, lambdaVariables);
    }

    public EvalContext withRuntime(RuntimeResources rt, ResourceResolver resolver) {
        return new EvalContext(deployment, rt, placement, parameters, variables, functions, deploymentObject, resolver,
                copyIndexes, innermostLoop, lambdaVariables);
    }

    public EvalContext at(Placement where) {
        if (where == placement) return this;
        return new EvalContext(deployment, runtime, where, parameters, variables, functions, deploymentObject, resources,
                copyIndexes, innermostLoop, lambdaVariables);
    }

    /** Inside iteration {@code index} of the copy loop {@code loop}. */
    public EvalContext inCopy(String loop, int index) {
        Map<String, Integer> copies = new HashMap<>(copyIndexes);
        copies.put(loop.toLowerCase(Locale.ROOT), index);
        return new EvalContext(deployment, runtime, placement, parameters, variables, functions, deploymentObject, resources,
                copies, loop, lambdaVariables);
    }

    public EvalContext withLambdaVariable(String name, JsonNode value) {
        Map<String, JsonNode> vars = new HashMap<>(lambdaVariables);
        vars.put(name.toLowerCase(Locale.ROOT), value);
        return new EvalContext(deployment, runtime, placement, parameters, variables, functions, deploymentObject, resources,
                copyIndexes, innermostLoop, vars);
    }

    public DeploymentContext deployment() { return deployment; }
    public Placement placement() { return placement; }
    public RuntimeResources runtime() { return runtime; }
    public ResourceResolver resources() { return resources; }
    public JsonNode deploymentObject() { return deploymentObject.get(); }
    public JsonNode parameter(String name) { return parameters.apply(name); }
    public JsonNode variable(String name) { return variables.apply(name); }

    public JsonNode lambdaVariable(String name) {
        JsonNode v = lambdaVariables.get(name.toLowerCase(Locale.ROOT));
        if (v == null) throw TemplateErrors.functionFailed("lambdaVariables", "the lambda variable '" + name + "' is not defined.");
        return v;
    }

    public int copyIndex(String loop) {
        if (loop == null) {
            if (innermostLoop == null) throw TemplateErrors.copyNotExpected(null);
            return copyIndexes.get(innermostLoop.toLowerCase(Locale.ROOT));
        }
        Integer i = copyIndexes.get(loop.toLowerCase(Locale.ROOT));
        if (i == null) throw TemplateErrors.copyNotExpected(loop);
        return i;
    }
}
