package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmAuthorization;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.templates.DeploymentContext;
import dev.cerulean.templates.DeploymentPlan;
import dev.cerulean.templates.TemplateEngine;
import dev.cerulean.templates.TemplateException;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code Microsoft.Resources/deployments} at resource-group and subscription scope (deployments.md
 * §1-§2): the route table of its endpoints, read top to bottom in {@link #route}, and their handlers.
 * A PUT is checked completely (template, parameters, dependency graph) before it is accepted, then
 * runs in the background as a long-running operation.
 */
public final class Deployments implements ArmRoutes.SubscriptionExtension {
    private final ArmRoutes arm;
    private final ResourceStore store;
    private final DeploymentHistory history;
    private final DeploymentRunner runner;
    private final ExecutorService executor;
    private final Clock clock;
    private final Rollback rollback;
    private final GroupExport groupExport;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    public Deployments(ArmRoutes arm, ResourceStore store, Transactions transactions, Sealer sealer, ExecutorService executor, Clock clock) {
        this.arm = arm;
        this.store = store;
        this.history = new DeploymentHistory(store, transactions, clock);
        this.runner = new DeploymentRunner(history, executor, clock);
        this.rollback = new Rollback(history, sealer, clock);
        this.groupExport = new GroupExport(store);
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public ArmResponse route(ArmRequest req, String sub, List<String> s, List<String> o) {
        try {
            return routed(req, sub, s, o);
        } catch (TemplateException e) {
            // the template's refusal with where it sits (deployments.md §2.6, §2.12): ApiError has no additionalInfo
            return ArmResponse.json(e.status(), DeploymentErrors.invalidTemplateBody(e));
        }
    }

    private ArmResponse routed(ArmRequest req, String sub, List<String> s, List<String> o) {
        // /subscriptions/{sub}/resourcegroups/{rg}/providers/Microsoft.Resources/deployments[/...]
        if (s.size() >= 5 && s.get(0).equals("resourcegroups") && s.get(2).equals("providers")
                && s.get(3).equals("microsoft.resources") && s.get(4).equals("deployments")) {
            return deployment(req, new DeploymentHistory.Scope(sub, groupName(sub, o.get(1))), s.subList(5, s.size()), o.subList(5, o.size()));
        }
        // /subscriptions/{sub}/resourcegroups/{rg}/deployments/{name}/operations[/{id}] (no providers segment)
        if (s.size() >= 5 && s.get(0).equals("resourcegroups") && s.get(2).equals("deployments") && s.get(4).equals("operations")) {
            return operations(req, new DeploymentHistory.Scope(sub, groupName(sub, o.get(1))), o.get(3), s.size() > 5 ? o.get(5) : null);
        }
        // /subscriptions/{sub}/resourcegroups/{rg}/exportTemplate (az group export)
        if (s.size() == 3 && s.get(0).equals("resourcegroups") && s.get(2).equals("exporttemplate")) {
            return only(req.method(), "POST", () -> exportGroup(req, new DeploymentHistory.Scope(sub, groupName(sub, o.get(1)))));
        }
        // /subscriptions/{sub}/providers/Microsoft.Resources/deployments[/...]
        if (s.size() >= 3 && s.get(0).equals("providers") && s.get(1).equals("microsoft.resources") && s.get(2).equals("deployments")) {
            return deployment(req, new DeploymentHistory.Scope(sub, null), s.subList(3, s.size()), o.subList(3, o.size()));
        }
        return null;
    }

    private ArmResponse deployment(ArmRequest req, DeploymentHistory.Scope scope, List<String> s, List<String> o) {
        String m = req.method();
        if (s.isEmpty()) return only(m, "GET", () -> list(req, scope));
        String name = o.get(0);
        authorize(req, scope, name, s);
        if (s.size() == 1) {
            return switch (m) {
                case "GET" -> ArmResponse.json(200, find(scope, name));
                case "HEAD" -> history.get(scope, name).isPresent() ? ArmResponse.empty(204) : ArmResponse.empty(404);
                case "PUT" -> put(req, scope, name);
                case "DELETE" -> delete(scope, name);
                default -> throw ArmErrors.methodNotAllowed(m);
            };
        }
        String action = s.get(1);
        if (s.size() == 2 && action.equals("operations")) return operations(req, scope, name, null);
        if (s.size() == 3 && action.equals("operations")) return operations(req, scope, name, o.get(2));
        if (s.size() == 3 && action.equals("operationstatuses")) {
            return only(m, "GET", () -> ArmResponse.json(200, DeploymentDocuments.status(find(scope, name))));
        }
        if (s.size() == 2) {
            return switch (action) {
                case "validate" -> only(m, "POST", () -> validate(req, scope, name));
                case "whatif" -> only(m, "POST", () -> whatIf(req, scope, name));
                case "cancel" -> only(m, "POST", () -> cancel(scope, name));
                case "exporttemplate" -> only(m, "POST", () -> exportTemplate(scope, name));
                default -> throw ArmErrors.notFound(req.path());
            };
        }
        throw ArmErrors.notFound(req.path());
    }

    /**
     * RBAC and management locks on the deployment resource itself, as for any ARM resource: PUT and
     * DELETE are a write and a delete of {@code Microsoft.Resources/deployments}, validate, whatIf
     * and cancel its POST actions (which a ReadOnly lock refuses like every POST action); reads are
     * filtered by nothing here.
     */
    private void authorize(ArmRequest req, DeploymentHistory.Scope scope, String name, List<String> s) {
        String m = req.method();
        String action;
        if (s.size() == 1 && (m.equals("PUT") || m.equals("DELETE"))) action = ArmAuthorization.verb(m);
        else if (s.size() == 2 && m.equals("POST") && POST_ACTIONS.containsKey(s.get(1))) action = POST_ACTIONS.get(s.get(1)) + "/action";
        else return;
        arm.authorization().require(req.caller(), DeploymentHistory.TYPE + "/" + action, scope.deploymentId(name));
    }

    private static final Map<String, String> POST_ACTIONS = Map.of("validate", "validate", "whatif", "whatIf", "cancel", "cancel");

    // --- handlers ------------------------------------------------------------------------------

    private ArmResponse put(ArmRequest req, DeploymentHistory.Scope scope, String name) {
        history.get(scope, name).ifPresent(existing -> {
            String state = existing.path("properties").path("provisioningState").asText();
            if (state.equals("Accepted") || state.equals("Running")) {
                throw DeploymentErrors.active(name, existing.path("properties").path("timestamp").asText());
            }
        });
        Prepared p = prepare(req, scope, name);
        Rollback.Spec onError = p.request().onErrorDeployment();
        rollback.check(scope, name, onError);
        history.replace(scope, name, p.doc(), p.request().template().root());
        if (scope.resourceGroup() != null) {
            rollback.remember(scope, name, p.plan());
            groom(req, scope);
        }
        AtomicBoolean cancel = new AtomicBoolean();
        String key = scope.deploymentId(name).toLowerCase(Locale.ROOT);
        running.put(key, cancel);
        ArmLoopback loopback = new ArmLoopback(arm, req.header("Authorization"), req.baseUrl());
        ObjectNode doc = p.doc().deepCopy();
        String tenant = tenantOf(req);
        Supplier<ObjectNode> onFailure = onError == null ? null : () -> rollback.run(scope, name, onError,
                (template, parameters, target) -> TemplateEngine.plan(template, parameters, context(tenant, scope, target, null)),
                runner, loopback, cancel, doc.path("properties").path("correlationId").asText());
        executor.submit(() -> {
            try {
                runner.run(new DeploymentRunner.Job(scope, name, p.plan(), loopback, doc, cancel, true, onFailure));
            } catch (RuntimeException e) {
                ObjectNode props = (ObjectNode) doc.get("properties");
                props.put("provisioningState", "Failed");
                props.set("error", Json.object().put("code", "InternalServerError").put("message", "The deployment failed unexpectedly."));
                history.save(scope, name, doc);
            } finally {
                running.remove(key);
            }
        });
        String status = req.baseUrl() + scope.deploymentId(name) + "/operationStatuses/" + UUID.randomUUID().toString().replace("-", "")
                + "?api-version=" + req.apiVersion();
        return ArmResponse.json(201, p.doc()).withHeader("Azure-AsyncOperation", status).withHeader("Retry-After", "1");
    }

    private ArmResponse validate(ArmRequest req, DeploymentHistory.Scope scope, String name) {
        Prepared p = prepare(req, scope, name);
        rollback.check(scope, name, p.request().onErrorDeployment()); // az sends --rollback-on-error on validate too
        if (scope.resourceGroup() != null) groom(req, scope); // validate and what-if groom the history too (§2.10)
        return ArmResponse.json(200, DeploymentDocuments.validated(p.doc(), p.plan()));
    }

    private ArmResponse whatIf(ArmRequest req, DeploymentHistory.Scope scope, String name) {
        Prepared p;
        try {
            p = prepare(req, scope, name);
        } catch (TemplateException e) {
            // what-if reports an invalid template inside its 200 result, not as a 400 (deployments.md §2.7)
            ObjectNode failed = Json.object().put("status", "Failed");
            failed.set("error", DeploymentErrors.invalidTemplateBody(e).get("error"));
            return ArmResponse.json(200, failed);
        }
        if (scope.resourceGroup() != null) groom(req, scope);
        ArmLoopback loopback = new ArmLoopback(arm, req.header("Authorization"), req.baseUrl());
        return ArmResponse.json(200, WhatIf.changes(p.plan(), loopback, scope, p.request().mode()));
    }

    private ArmResponse cancel(DeploymentHistory.Scope scope, String name) {
        ObjectNode doc = find(scope, name);
        AtomicBoolean flag = running.get(scope.deploymentId(name).toLowerCase(Locale.ROOT));
        String state = doc.path("properties").path("provisioningState").asText();
        if (flag == null || !(state.equals("Accepted") || state.equals("Running"))) throw DeploymentErrors.cannotBeCanceled(name, state);
        flag.set(true);
        return ArmResponse.empty(204);
    }

    private ArmResponse exportTemplate(DeploymentHistory.Scope scope, String name) {
        find(scope, name);
        JsonNode template = history.template(scope, name);
        return ArmResponse.json(200, Json.object().set("template", template == null ? Json.object() : template));
    }

    private ArmResponse exportGroup(ArmRequest req, DeploymentHistory.Scope group) {
        ArmLoopback loopback = new ArmLoopback(arm, req.header("Authorization"), req.baseUrl());
        return ArmResponse.json(200, groupExport.export(group, req.json(), loopback));
    }

    private ArmResponse delete(DeploymentHistory.Scope scope, String name) {
        if (running.containsKey(scope.deploymentId(name).toLowerCase(Locale.ROOT))) throw DeploymentErrors.cannotDeleteActive(name);
        history.delete(scope, name);
        return ArmResponse.empty(204);
    }

    private ArmResponse list(ArmRequest req, DeploymentHistory.Scope scope) {
        String filter = req.queryParam("$filter");
        String state = null;
        if (filter != null && !filter.isBlank()) {
            var mt = java.util.regex.Pattern.compile("^\\s*provisioningState\\s+eq\\s+'([^']*)'\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE)
                    .matcher(filter);
            if (!mt.matches()) throw ArmErrors.invalidFilter(filter);
            state = mt.group(1);
        }
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (JsonNode d : history.list(scope)) {
            if (state == null || d.path("properties").path("provisioningState").asText().equalsIgnoreCase(state)) value.add(d);
        }
        return ArmResponse.json(200, Json.object().set("value", value));
    }

    private ArmResponse operations(ArmRequest req, DeploymentHistory.Scope scope, String name, String operationId) {
        if (!req.method().equals("GET")) throw ArmErrors.methodNotAllowed(req.method());
        find(scope, name);
        List<JsonNode> ops = history.operations(scope, name);
        if (operationId == null) {
            ArrayNode value = Json.MAPPER.createArrayNode();
            ops.forEach(value::add);
            return ArmResponse.json(200, Json.object().set("value", value));
        }
        return ops.stream().filter(op -> op.path("operationId").asText().equalsIgnoreCase(operationId)).findFirst()
                .map(op -> ArmResponse.json(200, op)).orElseThrow(() -> ArmErrors.operationNotFound(operationId));
    }

    /**
     * ARM's automatic history deletion (deployments.md §2.10): past 775 entries, the oldest go until
     * 750 remain. It deletes as the deploying identity, so a lock on the group (or a caller without
     * {@code deployments/delete}) leaves the history as it is.
     */
    private void groom(ArmRequest req, DeploymentHistory.Scope scope) {
        List<JsonNode> all = history.list(scope);
        if (all.size() <= GROOM_ABOVE) return;
        try {
            arm.authorization().require(req.caller(), DeploymentHistory.TYPE + "/delete", scope.id() + "/providers/" + DeploymentHistory.TYPE);
        } catch (ApiError refused) {
            return;
        }
        List<JsonNode> oldest = new java.util.ArrayList<>(all);
        oldest.sort(java.util.Comparator.comparing(d -> d.path("properties").path("timestamp").asText()));
        int excess = all.size() - GROOM_TO;
        for (JsonNode d : oldest) {
            if (excess <= 0) break;
            String n = d.path("name").asText();
            if (running.containsKey(scope.deploymentId(n).toLowerCase(Locale.ROOT))) continue;
            history.delete(scope, n);
            excess--;
        }
    }

    static final int GROOM_ABOVE = 775;
    static final int GROOM_TO = 750;

    // --- shared ----------------------------------------------------------------------------------

    private record Prepared(DeploymentRequest request, DeploymentPlan plan, ObjectNode doc) {}

    /** Parses and plans a request: everything that can refuse it happens here, before anything is created. */
    private Prepared prepare(ArmRequest req, DeploymentHistory.Scope scope, String name) {
        DeploymentRequest request = DeploymentRequest.parse(req.body(), scope.resourceGroup() == null);
        DeploymentContext dc = context(tenantOf(req), scope, name, request.location());
        DeploymentPlan plan = TemplateEngine.plan(request.template(), request.parameters(), dc); // TemplateException: see route
        String correlation = req.header("x-ms-correlation-request-id");
        ObjectNode doc = DeploymentDocuments.accepted(scope, name, request.location(), plan, request.mode(), Json.armTime(clock.instant()),
                correlation != null ? correlation : UUID.randomUUID().toString());
        if (request.onErrorDeployment() != null) ((ObjectNode) doc.get("properties")).set("onErrorDeployment", request.onErrorDeployment().echo());
        return new Prepared(request, plan, doc);
    }

    private static String tenantOf(ArmRequest req) {
        return req.caller() == null ? null : req.caller().tenantId();
    }

    private DeploymentContext context(String tenant, DeploymentHistory.Scope scope, String name, String location) {
        if (scope.resourceGroup() == null) return DeploymentContext.subscription(tenant, scope.subscriptionId(), location, name);
        ObjectNode rg = (ObjectNode) Json.parse(store.get(scope.key())
                .orElseThrow(() -> ArmErrors.resourceGroupNotFound(scope.resourceGroup())).body());
        return DeploymentContext.resourceGroup(tenant, scope.subscriptionId(), new DeploymentContext.ResourceGroup(
                rg.path("name").asText(), rg.path("location").asText(), rg.get("tags"), rg.path("managedBy").asText(null)), name);
    }

    /** The group's name as stored (uniqueString hashes {@code resourceGroup().id} case-sensitively). */
    private String groupName(String sub, String requested) {
        String key = ("/subscriptions/" + sub + "/resourcegroups/" + requested).toLowerCase(Locale.ROOT);
        return store.get(key).map(r -> r.name()).orElseThrow(() -> ArmErrors.resourceGroupNotFound(requested));
    }

    private ObjectNode find(DeploymentHistory.Scope scope, String name) {
        return history.get(scope, name).orElseThrow(() -> DeploymentErrors.notFound(name));
    }

    private interface Handler { ArmResponse handle(); }

    private static ArmResponse only(String method, String allowed, Handler h) {
        if (!method.equals(allowed)) throw ArmErrors.methodNotAllowed(method);
        return h.handle();
    }
}
