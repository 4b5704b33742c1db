package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One resource instance a template declares, after copy expansion: what ARM knows before deploying
 * it (type, api-version, full name, id, condition, dependencies). Its PUT body is evaluated only
 * when it is deployed ({@link DeploymentPlan#body}), because it may read other resources' state.
 *
 * @param symbolicName the languageVersion 2.0 key, else null
 * @param path         where it is declared, e.g. {@code resources[2]} or {@code resources[0].resources[1]}
 * @param copyName     the copy loop it belongs to, else null; {@code copyIndex} is then its iteration
 * @param existing     a 2.0 {@code existing} declaration: read, never written
 * @param dependsOn    ids of the deployed resources it waits for (explicit and implicit), in template order
 */
public record PlannedResource(
        String symbolicName,
        String path,
        String type,
        String apiVersion,
        String name,
        String id,
        boolean condition,
        boolean existing,
        String copyName,
        int copyIndex,
        List<String> dependsOn,
        JsonNode definition,
        EvalContext context) {

    public static final String DEPLOYMENTS_TYPE = "Microsoft.Resources/deployments";

    /** True when this instance is PUT by the deployment (condition true, not {@code existing}). */
    public boolean deployed() { return condition && !existing; }

    public boolean isNestedDeployment() { return DEPLOYMENTS_TYPE.equalsIgnoreCase(type); }

    PlannedResource withDependsOn(List<String> ids) {
        return new PlannedResource(symbolicName, path, type, apiVersion, name, id, condition, existing, copyName, copyIndex,
                List.copyOf(ids), definition, context);
    }

    @Override
    public String toString() {
        return type + " " + name + " @" + apiVersion + (condition ? "" : " (condition false)") + " after " + dependsOn;
    }
}
