package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.templates.DeploymentContext;
import dev.cerulean.templates.DeploymentPlan;
import dev.cerulean.templates.TemplateEngine;
import dev.cerulean.templates.TemplateException;
import dev.cerulean.templates.TemplateText;

import java.time.Clock;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code onErrorDeployment} ({@code az deployment group create --rollback-on-error [name]},
 * deployments.md §1.4, §2.4): when a root resource-group deployment fails, an earlier successful
 * root deployment of the same group (the newest one, or the one named) runs again under its own
 * name, with the parameters it ran with, in Complete mode (Microsoft's rollback-on-error page), and
 * the failed deployment reports it as {@code onErrorDeployment: {type, deploymentName,
 * provisioningState}}. Root deployments keep the parameters they were bound with for this (secure
 * ones sealed); nested deployments keep none, so they are never rollback targets.
 */
final class Rollback {
    static final String LAST_SUCCESSFUL = "LastSuccessful";
    static final String SPECIFIC = "SpecificDeployment";

    /** What the request asked for. */
    record Spec(String type, String deploymentName) {
        ObjectNode echo() {
            ObjectNode out = Json.object().put("type", type);
            if (deploymentName != null) out.put("deploymentName", deploymentName);
            return out;
        }
    }

    /** Plans a stored deployment again: its template and parameters, the scope's context under {@code name}. */
    interface Planner {
        DeploymentPlan plan(TemplateText template, JsonNode parameters, String name);
    }

    private final DeploymentHistory history;
    private final Sealer sealer;
    private final Clock clock;

    Rollback(DeploymentHistory history, Sealer sealer, Clock clock) {
        this.history = history;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The request's {@code onErrorDeployment}, checked; null when absent. */
    static Spec parse(JsonNode node, boolean resourceGroupScope) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) throw ArmErrors.invalidRequestContent("The 'onErrorDeployment' property must be an object.");
        String type = node.path("type").asText(LAST_SUCCESSFUL);
        String name = node.path("deploymentName").asText(null);
        if (!resourceGroupScope) throw DeploymentErrors.onErrorNotSupported();
        if (type.equalsIgnoreCase(LAST_SUCCESSFUL)) return new Spec(LAST_SUCCESSFUL, null);
        if (!type.equalsIgnoreCase(SPECIFIC)) {
            throw ArmErrors.invalidRequestContent("The value '" + type + "' of 'onErrorDeployment.type' is not valid. Allowed values are '"
                    + LAST_SUCCESSFUL + ", " + SPECIFIC + "'.");
        }
        if (name == null || name.isBlank()) throw DeploymentErrors.onErrorDeploymentNameMissing();
        return new Spec(SPECIFIC, name);
    }

    /** Preflight for a named target: it must be a successful root deployment of the group (refused before anything runs). */
    void check(DeploymentHistory.Scope scope, String deploying, Spec spec) {
        if (spec == null || !spec.type().equals(SPECIFIC)) return;
        if (spec.deploymentName().equalsIgnoreCase(deploying)) {
            throw DeploymentErrors.onErrorDeploymentInvalid(spec.deploymentName(), "it is the deployment being created");
        }
        ObjectNode target = history.get(scope, spec.deploymentName()).orElseThrow(
                () -> DeploymentErrors.onErrorDeploymentInvalid(spec.deploymentName(), "it is not in the deployment history"));
        String state = target.path("properties").path("provisioningState").asText();
        if (!state.equals("Succeeded")) {
            throw DeploymentErrors.onErrorDeploymentInvalid(spec.deploymentName(), "its provisioning state is '" + state + "'");
        }
        if (history.parameters(scope, spec.deploymentName()) == null) {
            throw DeploymentErrors.onErrorDeploymentInvalid(spec.deploymentName(), "it is a nested deployment, which keeps no parameters to run again");
        }
    }

    /** Keeps what a root deployment was bound with, so that it can be run again; secure values sealed. */
    void remember(DeploymentHistory.Scope scope, String name, DeploymentPlan plan) {
        ObjectNode stored = Json.object();
        JsonNode echo = plan.parameters().echo();
        for (Map.Entry<String, JsonNode> e : plan.parameters().values().entrySet()) {
            boolean secure = echo.path(e.getKey()).path("type").asText().startsWith("Secure");
            ObjectNode entry = stored.putObject(e.getKey());
            if (secure) entry.put("sealedValue", sealer.seal(Json.write(e.getValue()), context(scope, name, e.getKey())));
            else entry.set("value", e.getValue());
        }
        history.saveParameters(scope, name, stored);
    }

    /**
     * Runs the rollback for {@code failed}; answers what the failed deployment reports as its
     * {@code onErrorDeployment}. Without a successful root deployment to go back to, nothing runs.
     */
    ObjectNode run(DeploymentHistory.Scope scope, String failed, Spec spec, Planner planner, DeploymentRunner runner,
                   ArmLoopback arm, AtomicBoolean cancel, String correlationId) {
        ObjectNode report = spec.echo();
        Optional<String> target = spec.type().equals(SPECIFIC) ? Optional.of(spec.deploymentName()) : lastSuccessful(scope, failed);
        if (target.isEmpty()) {
            report.put("provisioningState", "Failed");
            return report;
        }
        String name = target.get();
        report.put("deploymentName", name);
        JsonNode template = history.template(scope, name);
        DeploymentPlan plan;
        try {
            ObjectNode parameters = opened(scope, name, history.parameters(scope, name));
            if (template == null || parameters == null) throw new IllegalStateException("nothing kept to redeploy");
            plan = planner.plan(TemplateText.of(template), parameters, name);
        } catch (TemplateException | ApiError | IllegalStateException e) { // the group changed so that it no longer plans
            report.put("provisioningState", "Failed");
            return report;
        }
        ObjectNode doc = DeploymentDocuments.accepted(scope, name, null, plan, "Complete", Json.armTime(clock.instant()), correlationId);
        history.replace(scope, name, doc, template);
        remember(scope, name, plan);
        ObjectNode done = runner.run(new DeploymentRunner.Job(scope, name, plan, arm, doc, cancel, true, null));
        report.put("provisioningState", done.path("properties").path("provisioningState").asText());
        return report;
    }

    /**
     * The newest successful root deployment of the scope other than {@code failed}; newest first, so
     * the kept parameters are read only until one is found, not once per entry of the history.
     */
    private Optional<String> lastSuccessful(DeploymentHistory.Scope scope, String failed) {
        return history.list(scope).stream()
                .filter(d -> d.path("properties").path("provisioningState").asText().equals("Succeeded"))
                .filter(d -> !d.path("name").asText().equalsIgnoreCase(failed))
                .sorted(Comparator.comparing((JsonNode d) -> d.path("properties").path("timestamp").asText()).reversed())
                .map(d -> d.path("name").asText())
                .filter(name -> history.parameters(scope, name) != null)
                .findFirst();
    }

    private ObjectNode opened(DeploymentHistory.Scope scope, String name, JsonNode stored) {
        if (stored == null || !stored.isObject()) return null;
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode sealed = e.getValue().get("sealedValue");
            JsonNode value = sealed == null ? e.getValue().get("value") : Json.parse(sealer.open(sealed.asText(), context(scope, name, e.getKey())));
            out.putObject(e.getKey()).set("value", value);
        }
        return out;
    }

    private static String context(DeploymentHistory.Scope scope, String name, String parameter) {
        return (scope.deploymentId(name) + "/parameters/" + parameter).toLowerCase(Locale.ROOT);
    }
}
