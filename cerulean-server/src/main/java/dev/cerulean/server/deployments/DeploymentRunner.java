package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.templates.DeploymentContext;
import dev.cerulean.templates.DeploymentPlan;
import dev.cerulean.templates.PlannedResource;
import dev.cerulean.templates.TemplateEngine;
import dev.cerulean.templates.TemplateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Executes a {@link DeploymentPlan}: each resource is PUT through the ARM engine ({@link ArmLoopback})
 * with its body evaluated just before, as soon as what it depends on has succeeded (independent
 * branches concurrently, {@link ResourceScheduler}); one deployment operation recorded per write,
 * committed in batches; a failed resource fails its dependents (they are not attempted) while independent ones
 * still deploy, as on Azure; nested deployments run as deployments of their own at their target
 * scope; outputs are evaluated last (deployments.md §2.4, §2.5, §3.9).
 */
final class DeploymentRunner {
    /**
     * Resource writes of one deployment in flight at once: they overlap evaluation and checks, and the
     * writes queued behind one commit share the next (the store's group commit), so more in flight
     * means fewer syncs to disk.
     */
    static final int PARALLEL_WRITES = 16;
    /** Operation records are committed in batches of this many, not one commit per resource. */
    private static final int OPERATION_BATCH = 100;

    private final DeploymentHistory history;
    private final Executor executor;
    private final Clock clock;

    DeploymentRunner(DeploymentHistory history, Executor executor, Clock clock) {
        this.history = history;
        this.executor = executor;
        this.clock = clock;
    }

    private void flush(Job job, List<ObjectNode> operations) {
        history.addOperations(job.scope(), job.name(), List.copyOf(operations));
        operations.clear();
    }

    /** One deployment being executed. */
    record Job(DeploymentHistory.Scope scope, String name, DeploymentPlan plan, ArmLoopback arm, ObjectNode doc, AtomicBoolean cancel,
               boolean root, Supplier<ObjectNode> onFailure) {
        boolean completeMode() {
            return root && scope.resourceGroup() != null && "Complete".equals(doc.path("properties").path("mode").asText());
        }
    }

    /** Runs the job to its end and stores each state change; answers the final document. */
    ObjectNode run(Job job) {
        Instant start = clock.instant();
        ObjectNode props = (ObjectNode) job.doc().get("properties");
        props.put("provisioningState", "Running");
        history.save(job.scope(), job.name(), job.doc());

        List<ObjectNode> operations = new ArrayList<>();
        ResourceScheduler.Result done = new ResourceScheduler(executor, PARALLEL_WRITES).run(job.plan().deployed(), job.cancel(), r -> {
            Instant t0 = clock.instant();
            ApiError error = deploy(job, r);
            ObjectNode op = operation(job, r, error, t0, "Create");
            synchronized (operations) {
                operations.add(op);
                if (operations.size() >= OPERATION_BATCH) flush(job, operations);
            }
            return error;
        });
        synchronized (operations) { flush(job, operations); }
        // a cancel that reached a nested deployment ends it Canceled, which its parent sees as a failed resource
        boolean canceled = done.canceled() || job.cancel().get();
        List<ApiError.Detail> errors = new ArrayList<>();
        ArrayNode outputResources = Json.MAPPER.createArrayNode();
        for (PlannedResource r : done.succeeded()) outputResources.addObject().put("id", r.id());
        done.failures().forEach((r, error) -> errors.add(DeploymentErrors.resourceFailure(error.code(), error.message(), r.id())));
        if (!canceled && errors.isEmpty() && job.completeMode()) errors.addAll(removeUndeclared(job));
        if (!canceled && errors.isEmpty()) {
            try {
                props.set("outputs", job.plan().outputs(job.arm()));
            } catch (TemplateException e) {
                errors.add(DeploymentErrors.resourceFailure(e.code(), e.toApiError().message(), null));
            } catch (ApiError e) { // a list*() the engine refused while outputs were evaluated
                errors.add(DeploymentErrors.resourceFailure(e.code(), e.message(), null));
            }
        }
        props.set("outputResources", outputResources);
        props.set("dependencies", dependencies(job.plan()));
        props.put("duration", Duration.between(start, clock.instant()).toString());
        props.put("timestamp", Json.armTime(clock.instant()));
        if (canceled) {
            props.put("provisioningState", "Canceled");
        } else if (!errors.isEmpty()) {
            props.put("provisioningState", "Failed");
            props.set("error", DeploymentDocuments.failure(errors));
            // --rollback-on-error runs before the failure is stored, so the failed deployment ends with its rollback done
            if (job.onFailure() != null) props.set("onErrorDeployment", job.onFailure().get());
        } else {
            props.put("provisioningState", "Succeeded");
        }
        history.save(job.scope(), job.name(), job.doc());
        return job.doc();
    }

    /** One resource: evaluate its body, then PUT it (or run the nested deployment); null when it succeeded. */
    private ApiError deploy(Job job, PlannedResource r) {
        ObjectNode body;
        try {
            body = job.plan().body(r, job.arm());
        } catch (TemplateException e) {
            return ApiError.of(400, e.code(), e.innerMessage());
        } catch (ApiError e) {
            return e;
        }
        if (r.isNestedDeployment()) return nested(job, r, body);
        return job.arm().put(r.id(), r.apiVersion(), body);
    }

    private ApiError nested(Job parent, PlannedResource r, ObjectNode body) {
        DeploymentHistory.Scope target = scopeOf(r.id());
        DeploymentContext.ResourceGroup group = null;
        if (target.resourceGroup() != null) {
            JsonNode rg = parent.arm().getOrNull(target.id(), "2021-04-01");
            if (rg == null) return ApiError.of(404, "ResourceGroupNotFound", "Resource group '" + target.resourceGroup() + "' could not be found.");
            group = new DeploymentContext.ResourceGroup(rg.path("name").asText(), rg.path("location").asText(), rg.get("tags"),
                    rg.path("managedBy").asText(null));
        }
        DeploymentPlan plan;
        try {
            plan = TemplateEngine.nested(parent.plan(), body, parent.plan().deployment().nested(r.name(), target.subscriptionId(), group));
        } catch (TemplateException e) {
            return e.toApiError();
        }
        ObjectNode doc = DeploymentDocuments.accepted(target, r.name(), null, plan, body.path("properties").path("mode").asText("Incremental"),
                Json.armTime(clock.instant()), parent.doc().path("properties").path("correlationId").asText());
        history.replace(target, r.name(), doc, body.path("properties").path("template"));
        ObjectNode done = run(new Job(target, r.name(), plan, parent.arm(), doc, parent.cancel(), false, null));
        String state = done.path("properties").path("provisioningState").asText();
        if (state.equals("Succeeded")) return null;
        JsonNode err = done.path("properties").path("error");
        return ApiError.of(400, err.path("code").asText("DeploymentFailed"), err.path("message").asText(DeploymentErrors.FAILED_MESSAGE));
    }

    /**
     * Complete mode (deployments.md §2.11): top-level resources of the group that the evaluated
     * template does not deploy are deleted, false conditions included; children go with their parent.
     */
    private List<ApiError.Detail> removeUndeclared(Job job) {
        Set<String> declared = new HashSet<>();
        for (PlannedResource r : job.plan().deployed()) declared.add(key(r.id()));
        List<ApiError.Detail> errors = new ArrayList<>();
        JsonNode existing = job.arm().getOrNull(job.scope().id() + "/resources", "2021-04-01");
        if (existing == null) return errors;
        for (JsonNode res : existing.path("value")) {
            String id = res.path("id").asText();
            if (declared.contains(key(id))) continue;
            String type = res.path("type").asText();
            String apiVersion = apiVersionOf(job.arm(), job.scope().subscriptionId(), type);
            Instant t0 = clock.instant();
            ApiError failed = job.arm().delete(id, apiVersion);
            PlannedResource target = new PlannedResource(null, "", type, apiVersion, res.path("name").asText(), id, true, false, null, -1,
                    List.of(), Json.object(), null);
            record(job, target, failed, t0, "Delete");
            if (failed != null) errors.add(DeploymentErrors.resourceFailure(failed.code(), failed.message(), id));
        }
        return errors;
    }

    /** An api-version the engine serves for {@code type}, from the provider's own description. */
    static String apiVersionOf(ArmLoopback arm, String sub, String type) {
        int slash = type.indexOf('/');
        JsonNode provider = arm.getOrNull("/subscriptions/" + sub + "/providers/" + type.substring(0, slash), "2021-04-01");
        if (provider != null) {
            for (JsonNode rt : provider.path("resourceTypes")) {
                if (rt.path("resourceType").asText().equalsIgnoreCase(type.substring(slash + 1)) && rt.path("apiVersions").size() > 0) {
                    return rt.path("apiVersions").get(0).asText();
                }
            }
        }
        return "2021-04-01";
    }

    private void record(Job job, PlannedResource r, ApiError error, Instant t0, String operation) {
        ObjectNode op = operation(job, r, error, t0, operation);
        history.addOperation(job.scope(), job.name(), op.path("operationId").asText(), op);
    }

    private ObjectNode operation(Job job, PlannedResource r, ApiError error, Instant t0, String operation) {
        String opId = hex16(ThreadLocalRandom.current().nextLong());
        Instant now = clock.instant();
        ObjectNode op = Json.object();
        op.put("id", job.scope().deploymentId(job.name()) + "/operations/" + opId);
        op.put("operationId", opId);
        ObjectNode p = op.putObject("properties");
        p.put("provisioningOperation", operation);
        p.put("provisioningState", error == null ? "Succeeded" : "Failed");
        p.put("timestamp", Json.armTime(now));
        p.put("duration", Duration.between(t0, now).toString());
        p.put("trackingId", randomUuid().toString());
        p.put("serviceRequestId", randomUuid().toString());
        p.put("statusCode", error == null ? "OK" : DeploymentDocuments.statusName(error.status()));
        if (error != null) {
            ObjectNode msg = p.putObject("statusMessage");
            msg.put("status", "Failed");
            msg.putObject("error").put("code", error.code()).put("message", error.message());
        }
        p.putObject("targetResource").put("id", r.id()).put("resourceType", r.type()).put("resourceName", r.name());
        return op;
    }

    /** Upper-case hex, 16 digits: the shape of ARM's operation ids. */
    static String hex16(long v) {
        String h = Long.toHexString(v).toUpperCase(Locale.ROOT);
        return "0".repeat(16 - h.length()) + h;
    }

    /**
     * A version-4 UUID from the thread's generator: tracking ids identify, they protect nothing, so they
     * need not queue every writer on the one shared SecureRandom.
     */
    private static java.util.UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new java.util.UUID(high, low);
    }

    static ArrayNode dependencies(DeploymentPlan plan) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        java.util.Map<String, PlannedResource> byId = new java.util.HashMap<>();
        for (PlannedResource r : plan.deployed()) byId.putIfAbsent(key(r.id()), r);
        for (PlannedResource r : plan.deployed()) {
            if (r.dependsOn().isEmpty()) continue;
            ObjectNode d = out.addObject().put("id", r.id()).put("resourceType", r.type()).put("resourceName", r.name());
            ArrayNode on = d.putArray("dependsOn");
            for (String id : r.dependsOn()) {
                PlannedResource target = byId.get(key(id));
                ObjectNode e = on.addObject().put("id", id);
                if (target != null) e.put("resourceType", target.type()).put("resourceName", target.name());
            }
        }
        return out;
    }

    /** The scope a nested deployment's id names. */
    static DeploymentHistory.Scope scopeOf(String deploymentId) {
        String[] s = deploymentId.split("/");
        // "", subscriptions, {sub}, [resourceGroups, {rg},] providers, Microsoft.Resources, deployments, {name}
        String rg = s.length > 4 && s[3].equalsIgnoreCase("resourceGroups") ? s[4] : null;
        return new DeploymentHistory.Scope(s[2], rg);
    }

    private static String key(String id) { return id.toLowerCase(Locale.ROOT); }
}
