package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.LroSettings;
import dev.cerulean.server.arm.ProviderRegistry;
import dev.cerulean.server.arm.ProviderRegistry.ResolvedType;
import dev.cerulean.server.arm.generic.ResourceHandler;
import dev.cerulean.server.arm.lro.Operations;
import dev.cerulean.store.OperationRecord;
import dev.cerulean.store.OperationStore;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.CALLER;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider plugged into the engine's own ResourceHandler and Operations (over in-memory
 * stores): the declared long-running styles and the hooks work together as a server would run them.
 */
class EngineIntegrationTest {

    private static final String REG = registryId("rg", "enginereg");
    private final AcrTestbed bed = new AcrTestbed();
    private final ProviderRegistry registry = new ProviderRegistry(List.of(bed.provider));
    private Operations operations;

    private ResourceHandler handler(List<String> lroOverrides) {
        Map<String, OperationRecord> ops = new HashMap<>();
        OperationStore opStore = new OperationStore() {
            @Override public void create(OperationRecord op) { ops.put(op.id(), op); }
            @Override public Optional<OperationRecord> get(String id) { return Optional.ofNullable(ops.get(id)); }
            @Override public boolean update(OperationRecord op, String status, int polls) {
                OperationRecord cur = ops.get(op.id());
                if (cur == null || !cur.status().equals(status) || cur.pollsLeft() != polls) return false;
                ops.put(op.id(), op);
                return true;
            }
        };
        Transactions tx = new Transactions() {
            @Override public <T> T inTransaction(Supplier<T> work) {
                var rows = bed.store.snapshot();
                var secretRows = bed.secrets.snapshot();
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    bed.store.restore(rows);
                    bed.secrets.restore(secretRows);
                    throw e;
                }
            }
        };
        operations = new Operations(opStore, tx, bed.clock);
        return new ResourceHandler(bed.store, bed.secrets, tx, operations, new LroSettings(lroOverrides, 0), bed.clock,
                key -> type(ResourceId.parse(key)));
    }

    private ResolvedType type(ResourceId id) {
        return registry.find(id.namespace(), id.typePath());
    }

    private ArmRequest request(String method, String path, String body) {
        return new ArmRequest(method, path, List.of(path.substring(1).split("/")), Map.of(), h -> null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", CALLER,
                AcrTestbed.API, "https://localhost:8443");
    }

    private void resourceGroup() {
        ResourceId rg = ResourceId.resourceGroup(AcrTestbed.SUB, "rg");
        Instant now = bed.clock.instant();
        bed.store.put(new ResourceRecord(rg.key(), rg.id(), AcrTestbed.SUB, "rg", "microsoft.resources/resourcegroups",
                "/subscriptions/" + AcrTestbed.SUB, "rg", "westus", false,
                "{\"id\":\"" + rg.id() + "\",\"name\":\"rg\",\"location\":\"westus\",\"properties\":{\"provisioningState\":\"Succeeded\"}}",
                "\"1\"", now, now), WriteCondition.ALWAYS);
    }

    private static JsonNode body(ArmResponse r) {
        return Json.parse(new String(r.body(), StandardCharsets.UTF_8));
    }

    private static String operationId(String url) {
        String path = url.substring(0, url.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void registryCreateWithZeroPollsAnswers201InTheAsyncFormAlreadySucceeded() {
        ResourceHandler h = handler(List.of());
        resourceGroup();
        ResourceId id = ResourceId.parse(REG);
        ArmResponse created = h.put(request("PUT", REG, "{'location':'westus','sku':{'name':'Basic'}}"), id, type(id));
        assertThat(created.status()).isEqualTo(201);
        assertThat(body(created).get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
        String aao = created.headers().get("Azure-AsyncOperation");
        assertThat(aao).isNotNull();
        assertThat(body(operations.status(operationId(aao), aao)).get("status").asText()).isEqualTo("Succeeded");
        assertThat(body(h.get(id, type(id))).get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(bed.children(REG, "scopeMaps")).hasSize(5);
    }

    @Test
    void generateCredentialsAnswers200AtOnceByDefault() {
        ResourceHandler h = handler(List.of("Microsoft.ContainerRegistry/registries:create=sync",
                "Microsoft.ContainerRegistry/registries/tokens:create=sync"));
        resourceGroup();
        ResourceId id = ResourceId.parse(REG);
        h.put(request("PUT", REG, "{'location':'westus','sku':{'name':'Basic'}}"), id, type(id));
        ResourceId token = ResourceId.parse(REG + "/tokens/mytoken");
        ArmResponse t = h.put(request("PUT", token.id(), "{'properties':{'scopeMapId':'" + REG + "/scopeMaps/_repositories_pull'}}"),
                token, type(token));
        assertThat(t.status()).isEqualTo(201);
        assertThat(body(t).get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");

        ArmResponse r = h.action(request("POST", REG + "/generateCredentials", "{'tokenId':'" + token.id() + "'}"), id, type(id),
                "generateCredentials");
        assertThat(r.status()).isEqualTo(200);
        assertThat(body(r).get("passwords")).hasSize(2);
        assertThat(body(h.get(token, type(token))).get("properties").get("credentials").get("passwords")).hasSize(2);
    }

    @Test
    void generateCredentialsCanAnswer202WithLocationAsSeed002Allows() {
        ResourceHandler h = handler(List.of("Microsoft.ContainerRegistry/registries:generateCredentials=location",
                "Microsoft.ContainerRegistry/registries/tokens:create=sync"));
        resourceGroup();
        ResourceId id = ResourceId.parse(REG);
        h.put(request("PUT", REG, "{'location':'westus','sku':{'name':'Basic'}}"), id, type(id));
        ResourceId token = ResourceId.parse(REG + "/tokens/mytoken");
        h.put(request("PUT", token.id(), "{'properties':{'scopeMapId':'" + REG + "/scopeMaps/_repositories_pull'}}"), token, type(token));

        ArmResponse accepted = h.action(request("POST", REG + "/generateCredentials",
                "{'tokenId':'" + token.id() + "','name':'password2'}"), id, type(id), "generateCredentials");
        assertThat(accepted.status()).isEqualTo(202);
        String location = accepted.headers().get("Location");
        ArmResponse done = operations.result(operationId(location), location);
        assertThat(done.status()).isEqualTo(200);
        assertThat(body(done).get("username").asText()).isEqualTo("mytoken");
        assertThat(body(done).get("passwords").findValuesAsText("name")).containsExactly("password2");
    }

    @Test
    void aRefusedHookLeavesNothingBehind() {
        ResourceHandler h = handler(List.of());
        resourceGroup();
        ResourceId id = ResourceId.parse(REG);
        h.put(request("PUT", REG, "{'location':'westus','sku':{'name':'Basic'}}"), id, type(id));
        ResourceId map = ResourceId.parse(REG + "/scopeMaps/_repositories_pull");
        ApiErrors.expect(() -> h.delete(request("DELETE", map.id(), null), map, type(map)), 400,
                "SystemDefinedScopeMapCannotBeDeleted");
        assertThat(bed.children(REG, "scopeMaps")).hasSize(5);
    }

    @Test
    void replicationCreateAnswers201WithAzureAsyncOperationAndKeepsItsOwnLocation() {
        ResourceHandler h = handler(List.of());
        resourceGroup();
        ResourceId id = ResourceId.parse(REG);
        h.put(request("PUT", REG, "{'location':'westus','sku':{'name':'Premium'}}"), id, type(id));
        ResourceId repl = ResourceId.parse(REG + "/replications/eastus");
        ArmResponse created = h.put(request("PUT", repl.id(), "{'location':'East US'}"), repl, type(repl));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().get("Azure-AsyncOperation")).isNotNull();
        JsonNode shown = body(h.get(repl, type(repl)));
        assertThat(shown.get("location").asText()).isEqualTo("eastus");
        assertThat(shown.get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
    }

    @Test
    void aReplicationOfABasicRegistryLeavesNothingBehind() {
        ResourceHandler h = handler(List.of());
        resourceGroup();
        ResourceId id = ResourceId.parse(REG);
        h.put(request("PUT", REG, "{'location':'westus','sku':{'name':'Basic'}}"), id, type(id));
        ResourceId repl = ResourceId.parse(REG + "/replications/eastus");
        ApiErrors.expect(() -> h.put(request("PUT", repl.id(), "{'location':'eastus'}"), repl, type(repl)), 400,
                "FeatureNotSupportedForSku");
        assertThat(bed.children(REG, "replications")).isEmpty();
    }
}
