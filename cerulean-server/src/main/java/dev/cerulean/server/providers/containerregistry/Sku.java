package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

/**
 * The managed registry SKUs and their limits (acr.md §1.3, "service tiers"): included storage,
 * webhooks, and the number of scope maps and of tokens. {@code Classic} is refused (acr.md §1.11).
 */
enum Sku {
    BASIC("Basic", 10L << 30, 2, 100),
    STANDARD("Standard", 100L << 30, 10, 500),
    PREMIUM("Premium", 500L << 30, 500, 50_000);

    /** Name and tier as Azure spells them; az compares them case-sensitively (clients.md §4.2). */
    final String azureName;
    final long storageBytes;
    final int webhooks;
    /** Limit on user-defined scope maps, and separately on tokens. */
    final int scopeMapsOrTokens;

    Sku(String azureName, long storageBytes, int webhooks, int scopeMapsOrTokens) {
        this.azureName = azureName;
        this.storageBytes = storageBytes;
        this.webhooks = webhooks;
        this.scopeMapsOrTokens = scopeMapsOrTokens;
    }

    /** The SKU a request's {@code sku} object names, matched case-insensitively. */
    static Sku parse(JsonNode sku) {
        JsonNode name = sku == null ? null : sku.get("name");
        if (name == null || name.isNull()) throw AcrErrors.classicSkuDeprecated();
        String value = name.isTextual() ? name.asText().trim() : name.toString();
        if (value.equalsIgnoreCase("Classic")) throw AcrErrors.classicSkuDeprecated();
        for (Sku s : values()) {
            if (s.azureName.equalsIgnoreCase(value)) return s;
        }
        throw AcrErrors.invalidSku(value);
    }

    /** The SKU of a stored registry document (Basic if unreadable, which a stored document never is). */
    static Sku of(JsonNode registry) {
        String name = registry.path("sku").path("name").asText("");
        for (Sku s : values()) {
            if (s.azureName.equalsIgnoreCase(name)) return s;
        }
        return BASIC;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("name", azureName);
        n.put("tier", azureName);
        return n;
    }
}
