package dev.cerulean.server.providers;

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
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependent providers as the server wires them ({@link DependentProviders}), over a SQLite
 * database in memory, driven through the engine's own {@link ResourceHandler}: what a unit test sees
 * is what an ARM request would get, minus HTTP and authentication.
 */
final class DependentsTestbed implements AutoCloseable {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String TENANT = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    static final Caller CALLER = new Caller(TENANT, "0b1f0000-0000-0000-0000-000000000001", "dev@cerulean.local", "User");

    final Stores stores = JdbcStores.open(new StoreSettings.SqliteInMemory());
    final DependentProviders dependents;
    final ProviderRegistry registry;
    final ResourceHandler handler;

    DependentsTestbed() {
        try {
            Path dir = Files.createTempDirectory("cerulean-deps-");
            ServerConfig config = ServerConfig.defaults().withDataDir(dir);
            Clock clock = Clock.systemUTC();
            dependents = DependentProviders.create(config, stores, clock);
            registry = new ProviderRegistry(dependents.all());
            Operations operations = new Operations(stores.operations(), stores.transactions(), clock);
            handler = new ResourceHandler(stores.resources(), stores.secrets(), stores.transactions(), operations,
                    new LroSettings(List.of(), 0), clock, key -> type(ResourceId.parse(key)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates a resource group record, as the engine's resource-group PUT would. */
    String group(String name) {
        ResourceId rg = ResourceId.resourceGroup(SUB, name);
        var body = Json.object().put("id", rg.id()).put("name", name).put("type", "Microsoft.Resources/resourceGroups")
                .put("location", "westus");
        body.putObject("properties").put("provisioningState", "Succeeded");
        stores.resources().put(new ResourceRecord(rg.key(), rg.id(), SUB, name.toLowerCase(), "microsoft.resources/resourcegroups",
                "/subscriptions/" + SUB, name, "westus", false, Json.write(body), "\"1\"", java.time.Instant.now(),
                java.time.Instant.now()), WriteCondition.ALWAYS);
        return name;
    }

    static String id(String rg, String typePath, String name) {
        return "/subscriptions/" + SUB + "/resourceGroups/" + rg + "/providers/" + typePath + "/" + name;
    }

    ArmResponse put(String id, String json) {
        return handler.put(request("PUT", id, json), ResourceId.parse(id), type(ResourceId.parse(id)));
    }

    ArmResponse patch(String id, String json) {
        return handler.patch(request("PATCH", id, json), ResourceId.parse(id), type(ResourceId.parse(id)));
    }

    ArmResponse delete(String id) {
        return handler.delete(request("DELETE", id, null), ResourceId.parse(id), type(ResourceId.parse(id)));
    }

    ArmResponse action(String id, String action, String json) {
        return handler.action(request("POST", id + "/" + action, json), ResourceId.parse(id), type(ResourceId.parse(id)), action);
    }

    /** The stored document, or null. */
    JsonNode get(String id) {
        return stores.resources().get(ResourceId.parse(id).key()).map(r -> Json.parse(r.body())).orElse(null);
    }

    JsonNode providerAction(String namespace, String action, String json) throws java.io.IOException {
        return registry.provider(namespace).providerActions().get(action).invoke(SUB, Json.LENIENT.readTree(json), CALLER, "2022-09-01");
    }

    static JsonNode body(ArmResponse r) {
        return r.body() == null ? null : Json.parse(new String(r.body(), StandardCharsets.UTF_8));
    }

    /** A PUT of {@code json} at {@code id} fails with {@code status} and {@code code}, and stores nothing. */
    void assertPutRefused(String id, String json, int status, String code) {
        ApiError e = error(() -> put(id, json));
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.code()).isEqualTo(code);
        assertThat(get(id)).isNull();
    }

    /** Runs {@code call} and returns the ApiError it throws. */
    static ApiError error(Runnable call) {
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

    private static ArmRequest request(String method, String path, String body) {
        return new ArmRequest(method, path, List.of(path.substring(1).split("/")), Map.of(), h -> null,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), "application/json", CALLER, "2022-09-01",
                "https://management.azure.com");
    }

    @Override
    public void close() {
        stores.close();
    }
}
