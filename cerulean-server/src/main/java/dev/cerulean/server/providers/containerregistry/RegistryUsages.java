package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;

import java.util.function.ToLongFunction;

/**
 * A registry's quota usage, the body of {@code listUsages} (acr.md §1.10): {@code Size} and
 * {@code Webhooks} as in the spec example, plus {@code ScopeMaps} and {@code Tokens} (names not
 * verified against the service), with the SKU's limits. Storage use comes from the data plane.
 */
final class RegistryUsages {

    private final RegistryDirectory directory;
    private final ToLongFunction<String> storedBytes;

    /** @param storedBytes bytes stored for a registry key (0 until the data plane provides it) */
    RegistryUsages(RegistryDirectory directory, ToLongFunction<String> storedBytes) {
        this.directory = directory;
        this.storedBytes = storedBytes;
    }

    /** {@code {"value":[...]}} for a stored registry document. */
    JsonNode usages(ObjectNode registry) {
        Sku sku = Sku.of(registry);
        ResourceId id = ResourceId.parse(registry.path("id").asText());
        String key = id == null ? null : id.key();
        ObjectNode out = Json.object();
        ArrayNode value = out.putArray("value");
        add(value, "Size", sku.storageBytes, key == null ? 0 : storedBytes.applyAsLong(key), "Bytes");
        add(value, "Webhooks", sku.webhooks, 0, "Count"); // webhooks are not emulated
        add(value, "ScopeMaps", sku.scopeMapsOrTokens, key == null ? 0 : directory.userScopeMapCount(key), "Count");
        add(value, "Tokens", sku.scopeMapsOrTokens, key == null ? 0 : directory.tokenCount(key), "Count");
        return out;
    }

    private static void add(ArrayNode value, String name, long limit, long current, String unit) {
        ObjectNode u = value.addObject();
        u.put("name", name);
        u.put("limit", limit);
        u.put("currentValue", current);
        u.put("unit", unit);
    }
}
