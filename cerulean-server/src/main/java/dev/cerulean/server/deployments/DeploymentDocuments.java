package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.templates.DeploymentPlan;
import dev.cerulean.templates.PlannedResource;
import dev.cerulean.templates.TemplateHash;

import java.util.List;

/** The JSON shapes of the deployment resource (deployments.md §2.3, §2.4, §2.6). */
final class DeploymentDocuments {
    private DeploymentDocuments() {}

    /** A {@code DeploymentExtended} in state {@code Accepted}, before anything is deployed. */
    static ObjectNode accepted(DeploymentHistory.Scope scope, String name, String location, DeploymentPlan plan, String mode,
                               String timestamp, String correlationId) {
        ObjectNode doc = Json.object();
        doc.put("id", scope.deploymentId(name));
        doc.put("name", name);
        doc.put("type", DeploymentHistory.TYPE);
        if (location != null) doc.put("location", location);
        ObjectNode p = doc.putObject("properties");
        p.put("templateHash", TemplateHash.of(plan.template().root()));
        p.set("parameters", plan.parameters().echo());
        p.put("mode", mode);
        p.put("provisioningState", "Accepted");
        p.put("timestamp", timestamp);
        p.put("duration", "PT0S");
        p.put("correlationId", correlationId);
        p.set("providers", providers(plan));
        p.set("dependencies", DeploymentRunner.dependencies(plan));
        return doc;
    }

    /** The 200 answer of {@code validate}: the deployment as it would start, with the resources it would write. */
    static ObjectNode validated(ObjectNode accepted, DeploymentPlan plan) {
        ObjectNode doc = accepted.deepCopy();
        ObjectNode p = (ObjectNode) doc.get("properties");
        p.put("provisioningState", "Succeeded");
        ArrayNode resources = p.putArray("validatedResources");
        for (PlannedResource r : plan.deployed()) resources.addObject().put("id", r.id());
        return doc;
    }

    /** The body of the {@code Azure-AsyncOperation} URL for a deployment. */
    static ObjectNode status(JsonNode doc) {
        String state = doc.path("properties").path("provisioningState").asText();
        ObjectNode out = Json.object();
        out.put("status", state.equals("Accepted") ? "Running" : state);
        JsonNode error = doc.path("properties").get("error");
        if (error != null) out.set("error", error);
        return out;
    }

    static ObjectNode failure(List<ApiError.Detail> errors) {
        ObjectNode e = Json.object();
        e.put("code", "DeploymentFailed");
        e.put("message", DeploymentErrors.FAILED_MESSAGE);
        ArrayNode details = e.putArray("details");
        for (ApiError.Detail d : errors) {
            ObjectNode n = details.addObject().put("code", d.code()).put("message", d.message());
            if (d.target() != null) n.put("target", d.target());
        }
        return e;
    }

    static String statusName(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            default -> status >= 500 ? "InternalServerError" : "OK";
        };
    }

    private static ArrayNode providers(DeploymentPlan plan) {
        java.util.Map<String, java.util.Set<String>> byNamespace = new java.util.LinkedHashMap<>();
        for (PlannedResource r : plan.deployed()) {
            int slash = r.type().indexOf('/');
            byNamespace.computeIfAbsent(r.type().substring(0, slash), k -> new java.util.LinkedHashSet<>()).add(r.type().substring(slash + 1));
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        byNamespace.forEach((ns, types) -> {
            ObjectNode n = out.addObject().put("namespace", ns);
            ArrayNode rt = n.putArray("resourceTypes");
            types.forEach(t -> rt.addObject().put("resourceType", t));
        });
        return out;
    }
}
