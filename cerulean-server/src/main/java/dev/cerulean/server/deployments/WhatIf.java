package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.templates.DeploymentPlan;
import dev.cerulean.templates.PlannedResource;
import dev.cerulean.templates.TemplateException;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/**
 * {@code whatIf} (deployments.md §2.7): each resource the template would write compared with what
 * exists now — {@code Create} when absent, {@code NoChange} or {@code Modify} (with the changed
 * property paths) when present, {@code Deploy} when its body needs runtime values not known yet;
 * then what the group holds that the template omits: {@code Delete} in Complete mode, else {@code Ignore}.
 */
final class WhatIf {
    private WhatIf() {}

    static ObjectNode changes(DeploymentPlan plan, ArmLoopback arm, DeploymentHistory.Scope scope, String mode) {
        ArrayNode changes = Json.MAPPER.createArrayNode();
        Set<String> declared = new HashSet<>();
        for (PlannedResource r : plan.deployed()) {
            declared.add(r.id().toLowerCase(Locale.ROOT));
            ObjectNode change = changes.addObject();
            change.put("resourceId", r.id());
            JsonNode before = r.isNestedDeployment() ? null : arm.getOrNull(r.id(), r.apiVersion());
            ObjectNode after;
            try {
                after = plan.body(r, arm);
            } catch (TemplateException | dev.cerulean.core.error.ApiError e) {
                change.put("changeType", before == null ? "Create" : "Deploy");
                if (before != null) change.set("before", withHeader(before.deepCopy(), r));
                continue;
            }
            after.put("id", r.id()).put("name", r.name()).put("type", r.type()).put("apiVersion", r.apiVersion());
            if (before == null) {
                change.put("changeType", "Create");
                change.set("after", after);
                continue;
            }
            ObjectNode b = withHeader(before.deepCopy(), r);
            ArrayNode delta = Json.MAPPER.createArrayNode();
            diff("", b, after, delta);
            change.put("changeType", delta.isEmpty() ? "NoChange" : "Modify");
            change.set("before", b);
            change.set("after", after);
            if (!delta.isEmpty()) change.set("delta", delta);
        }
        if (scope.resourceGroup() != null) undeclared(arm, scope, declared, "Complete".equals(mode) ? "Delete" : "Ignore", changes);
        ObjectNode out = Json.object();
        out.put("status", "Succeeded");
        out.putObject("properties").set("changes", changes);
        return out;
    }

    /**
     * What exists in the group but the template does not declare: Complete mode deletes it
     * ({@code Delete}), Incremental leaves it alone ({@code Ignore}); either shows it as it is now.
     */
    private static void undeclared(ArmLoopback arm, DeploymentHistory.Scope scope, Set<String> declared, String changeType, ArrayNode changes) {
        JsonNode existing = arm.getOrNull(scope.id() + "/resources", "2021-04-01");
        if (existing == null) return;
        for (JsonNode res : existing.path("value")) {
            String id = res.path("id").asText();
            if (declared.contains(id.toLowerCase(Locale.ROOT))) continue;
            String apiVersion = DeploymentRunner.apiVersionOf(arm, scope.subscriptionId(), res.path("type").asText());
            JsonNode current = arm.getOrNull(id, apiVersion);
            ObjectNode before = (current != null && current.isObject() ? (ObjectNode) current : (ObjectNode) res).deepCopy();
            before.put("apiVersion", apiVersion);
            ObjectNode change = changes.addObject().put("resourceId", id).put("changeType", changeType);
            change.set("before", before);
        }
    }

    private static ObjectNode withHeader(ObjectNode doc, PlannedResource r) {
        doc.put("apiVersion", r.apiVersion());
        return doc;
    }

    /** Leaf differences of what the template sets; properties the template leaves out are not changes. */
    private static void diff(String path, JsonNode before, JsonNode after, ArrayNode out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode old = before == null ? null : before.get(e.getKey());
            if (e.getValue().isObject() && old != null && old.isObject()) {
                diff(p, old, e.getValue(), out);
            } else if (old == null) {
                out.addObject().put("path", p).put("propertyChangeType", "Create").set("after", e.getValue());
            } else if (!old.equals(e.getValue()) && !(old.isTextual() && e.getValue().isTextual()
                    && old.textValue().equalsIgnoreCase(e.getValue().textValue()))) {
                ObjectNode d = out.addObject().put("path", p).put("propertyChangeType", "Modify");
                d.set("before", old);
                d.set("after", e.getValue());
            }
        }
    }
}
