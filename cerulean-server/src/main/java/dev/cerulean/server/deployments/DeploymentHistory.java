package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A scope's deployment history in the resource store: each deployment is an untracked record under
 * its resource group (or subscription), so deleting the group removes its history; the submitted
 * template and the deployment operations are child records of the deployment.
 */
final class DeploymentHistory {
    static final String TYPE = "Microsoft.Resources/deployments";
    private static final String TYPE_KEY = "microsoft.resources/deployments";
    private static final String TEMPLATE_TYPE_KEY = TYPE_KEY + "/template";
    private static final String OPERATION_TYPE_KEY = TYPE_KEY + "/operations";
    private static final String PARAMETERS_TYPE_KEY = TYPE_KEY + "/parameters";

    private final ResourceStore store;
    private final Transactions transactions;
    private final Clock clock;

    DeploymentHistory(ResourceStore store, Transactions transactions, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Where a deployment lives: a resource group, or the subscription when {@code resourceGroup} is null. */
    record Scope(String subscriptionId, String resourceGroup) {
        String id() {
            return "/subscriptions/" + subscriptionId + (resourceGroup == null ? "" : "/resourceGroups/" + resourceGroup);
        }

        String deploymentId(String name) { return id() + "/providers/" + TYPE + "/" + name; }

        String key() { return id().toLowerCase(Locale.ROOT); }
    }

    Optional<ObjectNode> get(Scope scope, String name) {
        return store.get(scope.deploymentId(name).toLowerCase(Locale.ROOT)).map(r -> (ObjectNode) Json.parse(r.body()));
    }

    void save(Scope scope, String name, ObjectNode doc) {
        String id = scope.deploymentId(name);
        Instant now = clock.instant();
        Optional<ResourceRecord> old = store.get(id.toLowerCase(Locale.ROOT));
        store.put(new ResourceRecord(id.toLowerCase(Locale.ROOT), id, scope.subscriptionId().toLowerCase(Locale.ROOT),
                scope.resourceGroup() == null ? null : scope.resourceGroup().toLowerCase(Locale.ROOT), TYPE_KEY, scope.key(), name,
                doc.path("location").asText(null), false, Json.write(doc), "\"" + UUID.randomUUID() + "\"",
                old.map(ResourceRecord::createdAt).orElse(now), now), WriteCondition.ALWAYS);
    }

    /** Replaces a deployment: its old operations and template go with it. */
    void replace(Scope scope, String name, ObjectNode doc, JsonNode template) {
        String key = scope.deploymentId(name).toLowerCase(Locale.ROOT);
        store.deleteTree(key);
        save(scope, name, doc);
        child(scope, name, "template", TEMPLATE_TYPE_KEY, template);
    }

    JsonNode template(Scope scope, String name) {
        return store.get(scope.deploymentId(name).toLowerCase(Locale.ROOT) + "/template").map(r -> Json.parse(r.body())).orElse(null);
    }

    /** The parameters a root deployment was bound with ({@link Rollback}); null for nested deployments. */
    JsonNode parameters(Scope scope, String name) {
        return store.get(scope.deploymentId(name).toLowerCase(Locale.ROOT) + "/parameters").map(r -> Json.parse(r.body())).orElse(null);
    }

    void saveParameters(Scope scope, String name, ObjectNode parameters) {
        child(scope, name, "parameters", PARAMETERS_TYPE_KEY, parameters);
    }

    void addOperation(Scope scope, String name, String operationId, ObjectNode operation) {
        child(scope, name, "operations/" + operationId, OPERATION_TYPE_KEY, operation);
    }

    /** Several operation records in one commit: a large deployment writes its operations in batches, not one commit each. */
    void addOperations(Scope scope, String name, List<ObjectNode> operations) {
        if (operations.isEmpty()) return;
        transactions.run(() -> {
            for (ObjectNode op : operations) addOperation(scope, name, op.path("operationId").asText(), op);
        });
    }

    List<JsonNode> operations(Scope scope, String name) {
        String parent = scope.deploymentId(name).toLowerCase(Locale.ROOT);
        return all(ResourceQuery.in(scope.subscriptionId().toLowerCase(Locale.ROOT)).parent(parent).type(OPERATION_TYPE_KEY));
    }

    List<JsonNode> list(Scope scope) {
        return all(ResourceQuery.in(scope.subscriptionId().toLowerCase(Locale.ROOT)).parent(scope.key()).type(TYPE_KEY));
    }

    boolean delete(Scope scope, String name) {
        return store.deleteTree(scope.deploymentId(name).toLowerCase(Locale.ROOT)) > 0;
    }

    private void child(Scope scope, String name, String suffix, String typeKey, JsonNode body) {
        String parentId = scope.deploymentId(name);
        String id = parentId + "/" + suffix;
        Instant now = clock.instant();
        store.put(new ResourceRecord(id.toLowerCase(Locale.ROOT), id, scope.subscriptionId().toLowerCase(Locale.ROOT),
                scope.resourceGroup() == null ? null : scope.resourceGroup().toLowerCase(Locale.ROOT), typeKey,
                parentId.toLowerCase(Locale.ROOT), suffix, null, false, Json.write(body), "\"" + UUID.randomUUID() + "\"", now, now),
                WriteCondition.ALWAYS);
    }

    private List<JsonNode> all(ResourceQuery query) {
        List<JsonNode> out = new ArrayList<>();
        store.listAll(query).forEach(r -> out.add(Json.parse(r.body())));
        return out;
    }
}
