package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceAction;
import dev.cerulean.server.arm.spi.ResourceAction.ActionContext;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;

/** A compute's POST actions (ml.md §3.1): listNodes, listKeys and a compute instance's start, stop and restart. */
final class ComputeActions {

    private final ResourceStore store;
    private final Clock clock;

    ComputeActions(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** AmlComputeNodesInformation: one idle node per allocated node of a cluster; none for other types. */
    JsonNode listNodes(ActionContext ctx) {
        JsonNode props = ctx.resource().path("properties");
        ObjectNode out = Json.object();
        var nodes = out.putArray("nodes");
        if (props.path("computeType").asText().equals(ComputeBehavior.AML_COMPUTE)) {
            int count = props.path("properties").path("currentNodeCount").asInt(0);
            for (int i = 0; i < count; i++) {
                nodes.addObject().put("nodeId", "tvm-" + ctx.id().name().toLowerCase(java.util.Locale.ROOT) + "_" + (i + 1))
                        .put("privateIpAddress", "10.0.0." + (4 + i)).put("publicIpAddress", "127.0.0.1")
                        .put("port", 50000 + i).put("nodeState", "idle");
            }
        }
        return out;
    }

    /** ComputeSecrets: AmlCompute and ComputeInstance have none beyond their type. */
    JsonNode listKeys(ActionContext ctx) {
        return Json.object().put("computeType", ctx.resource().path("properties").path("computeType").asText());
    }

    /** start, stop or restart of a compute instance; the state changes when the operation completes. */
    ResourceAction power(String operation, String finalState) {
        return new ResourceAction() {
            @Override
            public void validate(ActionContext ctx) {
                String type = ctx.resource().path("properties").path("computeType").asText();
                if (!type.equals(ComputeBehavior.COMPUTE_INSTANCE)) throw MlErrors.notSupported(type, operation);
                String state = ctx.resource().path("properties").path("properties").path("state").asText();
                if (state.equals("Creating") || state.equals("CreateFailed")) {
                    throw MlErrors.computeNotRunning(ctx.id().name(), state, operation);
                }
            }

            @Override
            public JsonNode invoke(ActionContext ctx) {
                validate(ctx);
                ResourceRecord rec = store.get(ctx.id().key()).orElseThrow();
                ObjectNode doc = (ObjectNode) Json.parse(rec.body());
                ObjectNode inner = (ObjectNode) doc.path("properties").path("properties");
                String now = Json.armTime(clock.instant());
                inner.put("state", finalState);
                ObjectNode last = inner.putObject("lastOperation");
                last.put("operationName", Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
                last.put("operationTime", now);
                last.put("operationStatus", "Succeeded");
                ((ObjectNode) doc.get("properties")).put("modifiedOn", now);
                store.put(new ResourceRecord(rec.key(), rec.id(), rec.subscriptionId(), rec.resourceGroup(), rec.typeKey(),
                        rec.parentKey(), rec.name(), rec.location(), rec.tracked(), Json.write(doc), rec.etag(),
                        rec.createdAt(), clock.instant()), WriteCondition.etag(rec.etag()));
                return null;
            }
        };
    }
}
