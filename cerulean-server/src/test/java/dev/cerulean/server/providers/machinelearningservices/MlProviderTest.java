package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.LroSettings;
import dev.cerulean.server.arm.ProviderRegistry;
import dev.cerulean.server.arm.generic.ResourceHandler;
import dev.cerulean.server.arm.lro.Operations;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.providers.DependentProviders;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ML provider in the engine's own ResourceHandler and Operations over SQLite in memory, with the
 * dependents' real providers and one poll per operation: the create styles, provisioning that fails
 * on its operation, and deletes.
 */
class MlProviderTest {

    private static final String SUB = "00000000-0000-0000-0000-000000000000";
    private static final Caller CALLER = new Caller("aaaabbbb-0000-cccc-1111-dddd2222eeee", "0b1f0000-0000-0000-0000-000000000001",
            "dev@cerulean.local", "User");
    private static final String V = "2022-05-01";

    private final Stores stores = JdbcStores.open(new StoreSettings.SqliteInMemory());
    private final ProviderRegistry registry;
    private final ResourceHandler handler;
    private final Operations operations;

    MlProviderTest() throws Exception {
        Clock clock = Clock.systemUTC();
        DependentProviders dependents = DependentProviders.create(ServerConfig.defaults()
                .withDataDir(Files.createTempDirectory("cerulean-ml-")), stores, clock);
        List<ResourceProvider> providers = new ArrayList<>(dependents.all());
        providers.add(new MachineLearningProvider(stores.resources(), clock, new RegionalHosts(), DependentKeys.NONE,
                WorkspacePrincipals.RANDOM));
        registry = new ProviderRegistry(providers);
        operations = new Operations(stores.operations(), stores.transactions(), clock);
        handler = new ResourceHandler(stores.resources(), stores.secrets(), stores.transactions(), operations,
                new LroSettings(List.of(), 1), clock, key -> type(ResourceId.parse(key)));
        var rg = ResourceId.resourceGroup(SUB, "rg");
        stores.resources().put(new ResourceRecord(rg.key(), rg.id(), SUB, "rg", "microsoft.resources/resourcegroups",
                "/subscriptions/" + SUB, "rg", "eastus", false, "{\"location\":\"eastus\",\"properties\":{\"provisioningState\":\"Succeeded\"}}",
                "\"1\"", Instant.now(), Instant.now()), WriteCondition.ALWAYS);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void workspaceCreateAnswers202WithBothUrlsThenSucceeds() {
        String ws = workspace("ws1");
        ArmResponse created = put(ws, workspaceBody());
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.body()).isNull();
        assertThat(created.headers()).containsKeys("Location", "Azure-AsyncOperation", "Retry-After");
        String op = opId(created.headers().get("Azure-AsyncOperation"));
        assertThat(status(op)).isEqualTo("InProgress");
        assertThat(stored(ws).at("/properties/provisioningState").asText()).isEqualTo("Creating");
        assertThat(status(op)).isEqualTo("Succeeded");
        JsonNode doc = stored(ws);
        assertThat(doc.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(doc.at("/properties/discoveryUrl").asText()).isEqualTo("https://eastus.api.azureml.ms/discovery");
    }

    @Test
    void missingDependentsChangeNothing() {
        String ws = workspace("ws2");
        ApiError e = error(() -> put(ws, "{\"location\":\"eastus\",\"properties\":{}}"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("ValidationError");
        assertThat(e.message()).isEqualTo("Missing dependent resources in workspace json");
        assertThat(stored(ws)).isNull();
    }

    @Test
    void unknownVmSizeFailsOnTheOperationAndKeepsTheCompute() {
        String ws = workspace("ws3");
        put(ws, workspaceBody());
        String compute = ws + "/computes/c1";
        ArmResponse created = put(compute, "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":{\"vmSize\":\"Standard_Z9\","
                + "\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":0}}}}");
        assertThat(created.status()).isEqualTo(201);
        String op = opId(created.headers().get("Azure-AsyncOperation"));
        status(op);
        JsonNode failed = Json.parse(new String(operations.status(op, op).body(), StandardCharsets.UTF_8));
        assertThat(failed.get("status").asText()).isEqualTo("Failed");
        assertThat(failed.at("/error/code").asText()).isEqualTo("InvalidPropertyValue");
        assertThat(failed.at("/error/details/0/code").asText()).isEqualTo("SupportedVMSizes");
        JsonNode doc = stored(compute);
        assertThat(doc.at("/properties/provisioningState").asText()).isEqualTo("Failed");
        assertThat(doc.at("/properties/provisioningErrors/0/error/code").asText()).isEqualTo("InvalidPropertyValue");
        assertThat(doc.get("location").asText()).isEqualTo("eastus");
    }

    @Test
    void computeDeleteNeedsUnderlyingResourceAction() {
        String ws = workspace("ws4");
        put(ws, workspaceBody());
        String compute = ws + "/computes/c2";
        assertThatThrownBy(() -> handler.delete(request("DELETE", compute, null, Map.of()), ResourceId.parse(compute), type(ResourceId.parse(compute))))
                .isInstanceOf(ApiError.class).hasMessageContaining("underlyingResourceAction");
        ArmResponse gone = handler.delete(request("DELETE", compute, null, Map.of("underlyingResourceAction", List.of("Delete"))),
                ResourceId.parse(compute), type(ResourceId.parse(compute)));
        assertThat(gone.status()).isEqualTo(204);
    }

    private String workspaceBody() {
        String storage = dependent("Microsoft.Storage/storageAccounts", "mlst1", "2023-05-01",
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}");
        String vault = dependent("Microsoft.KeyVault/vaults", "mlkv1", "2022-07-01", "{\"location\":\"eastus\",\"properties\":{\"tenantId\":\""
                + CALLER.tenantId() + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[]}}");
        String insights = dependent("Microsoft.Insights/components", "mlai1", "2020-02-02",
                "{\"location\":\"eastus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}");
        return "{\"location\":\"eastus\",\"properties\":{\"storageAccount\":\"" + storage + "\",\"keyVault\":\"" + vault
                + "\",\"applicationInsights\":\"" + insights + "\"}}";
    }

    private String dependent(String type, String name, String apiVersion, String body) {
        String id = "/subscriptions/" + SUB + "/resourceGroups/rg/providers/" + type + "/" + name;
        if (stored(id) == null) {
            ResourceId rid = ResourceId.parse(id);
            handler.put(new ArmRequest("PUT", id, List.of(id.substring(1).split("/")), Map.of(), h -> null,
                    body.getBytes(StandardCharsets.UTF_8), "application/json", CALLER, apiVersion, "https://management.azure.com"), rid, type(rid));
        }
        return id;
    }

    private static String workspace(String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/" + name;
    }

    private ArmResponse put(String id, String json) {
        return handler.put(request("PUT", id, json, Map.of()), ResourceId.parse(id), type(ResourceId.parse(id)));
    }

    private JsonNode stored(String id) {
        return stores.resources().get(ResourceId.parse(id).key()).map(r -> Json.parse(r.body())).orElse(null);
    }

    private String status(String op) {
        return Json.parse(new String(operations.status(op, op).body(), StandardCharsets.UTF_8)).get("status").asText();
    }

    private static String opId(String url) {
        String path = url.substring(0, url.indexOf('?'));
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static ApiError error(Runnable call) {
        try {
            call.run();
        } catch (ApiError e) {
            return e;
        }
        throw new AssertionError("no error was raised");
    }

    private ProviderRegistry.ResolvedType type(ResourceId id) {
        return registry.find(id.namespace(), id.typePath());
    }

    private static ArmRequest request(String method, String path, String body, Map<String, List<String>> query) {
        return new ArmRequest(method, path, List.of(path.substring(1).split("/")), query, h -> null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", CALLER, V,
                "https://management.azure.com");
    }
}
