package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code properties} of a registry as stored and answered (acr.md §1.3-§1.5): request values
 * read loosely and spelled canonically, defaults filled, read-only values computed, Premium-only
 * features refused on lower SKUs, in the key order the service answers with. For a PUT the input
 * is the request (absent writable properties fall back to their defaults: a replace); for a PATCH
 * it is the request merged onto the stored document.
 */
final class RegistryProperties {
    private RegistryProperties() {}

    private static final List<String> ENABLED_DISABLED = List.of("Enabled", "Disabled");
    private static final Pattern IP_OR_CIDR =
            Pattern.compile("^((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)(/([12]?\\d|3[0-2]))?$");

    /**
     * @param in          requested (PUT) or merged (PATCH) properties
     * @param old         stored properties, or null on create
     * @param loginServer the registry's host, computed by the provider
     */
    static ObjectNode build(ObjectNode in, ObjectNode old, Sku sku, boolean patch, Instant now, String loginServer,
                            String location) {
        ObjectNode out = Json.object();
        out.put("loginServer", loginServer);
        out.put("creationDate", old != null && old.hasNonNull("creationDate") ? old.get("creationDate").asText()
                : Json.armTime(now));
        out.put("provisioningState", "Succeeded"); // placeholder that keeps the service's key order; the engine sets it
        out.put("adminUserEnabled", LooseValues.bool(in.get("adminUserEnabled"), false, "properties.adminUserEnabled"));
        ObjectNode rules = networkRuleSet(in.get("networkRuleSet"), sku);
        if (rules != null) out.set("networkRuleSet", rules); // Basic and Standard have no key at all (§1.3)
        out.set("policies", RegistryPolicies.build(in.get("policies"), old == null ? null : old.get("policies"), sku, now));
        out.set("encryption", encryption(in.get("encryption"), sku));

        boolean dataEndpoint = LooseValues.bool(in.get("dataEndpointEnabled"), false, "properties.dataEndpointEnabled");
        if (dataEndpoint && sku != Sku.PREMIUM) throw AcrErrors.featureNotSupportedForSku("dataEndpointEnabled", sku.azureName);
        out.put("dataEndpointEnabled", dataEndpoint);
        ArrayNode hosts = out.putArray("dataEndpointHostNames");
        if (dataEndpoint) hosts.add(dataEndpointHost(loginServer, location));

        JsonNode connections = old == null ? null : old.get("privateEndpointConnections");
        out.set("privateEndpointConnections", connections instanceof ArrayNode a ? a.deepCopy() : Json.MAPPER.createArrayNode());
        out.put("publicNetworkAccess", LooseValues.choice(in.get("publicNetworkAccess"), ENABLED_DISABLED, "Enabled",
                "PublicNetworkAccess", "properties.publicNetworkAccess"));
        out.put("networkRuleBypassOptions", LooseValues.choice(in.get("networkRuleBypassOptions"),
                List.of("AzureServices", "None"), "AzureServices", "NetworkRuleBypassOptions", "properties.networkRuleBypassOptions"));
        out.put("zoneRedundancy", zoneRedundancy(in.get("zoneRedundancy"), old, sku, patch));

        boolean anonymousPull = LooseValues.bool(in.get("anonymousPullEnabled"), false, "properties.anonymousPullEnabled");
        if (anonymousPull && sku == Sku.BASIC) throw AcrErrors.featureNotSupportedForSku("anonymousPullEnabled", sku.azureName);
        out.put("anonymousPullEnabled", anonymousPull);
        return out;
    }

    /** Premium's rule set with defaults; on lower SKUs only an all-default rule set is accepted, and dropped. */
    private static ObjectNode networkRuleSet(JsonNode requested, Sku sku) {
        if (requested != null && !requested.isNull() && !requested.isObject()) {
            throw AcrErrors.invalidValue(requested.toString(), "NetworkRuleSet", "properties.networkRuleSet");
        }
        JsonNode in = requested == null ? Json.object() : requested;
        String action = LooseValues.choice(in.get("defaultAction"), List.of("Allow", "Deny"), "Allow", "DefaultAction",
                "properties.networkRuleSet.defaultAction");
        ArrayNode ipRules = Json.MAPPER.createArrayNode();
        JsonNode rules = in.get("ipRules");
        if (rules != null && !rules.isNull()) {
            if (!rules.isArray()) throw AcrErrors.invalidValue(rules.toString(), "IPRule[]", "properties.networkRuleSet.ipRules");
            for (JsonNode r : rules) {
                String value = LooseValues.text(r.get("value"), "properties.networkRuleSet.ipRules.value");
                if (value == null || !IP_OR_CIDR.matcher(value.trim()).matches()) {
                    throw AcrErrors.invalidParameter("The IP rule value '" + value + "' must be an IPv4 address or CIDR range.");
                }
                ObjectNode rule = ipRules.addObject();
                rule.put("action", LooseValues.choice(r.get("action"), List.of("Allow"), "Allow", "Action",
                        "properties.networkRuleSet.ipRules.action"));
                rule.put("value", value.trim());
            }
        }
        if (sku != Sku.PREMIUM) {
            if (action.equals("Allow") && ipRules.isEmpty()) return null;
            throw AcrErrors.featureNotSupportedForSku("networkRuleSet", sku.azureName);
        }
        ObjectNode out = Json.object();
        out.put("defaultAction", action);
        out.set("ipRules", ipRules);
        return out;
    }

    /** {@code {"status":"disabled"}} unless customer-managed keys are configured (Premium only). */
    private static ObjectNode encryption(JsonNode requested, Sku sku) {
        if (requested != null && !requested.isNull() && !requested.isObject()) {
            throw AcrErrors.invalidValue(requested.toString(), "EncryptionProperty", "properties.encryption");
        }
        JsonNode in = requested == null ? Json.object() : requested;
        String status = LooseValues.choice(in.get("status"), List.of("enabled", "disabled"), "disabled",
                "EncryptionStatus", "properties.encryption.status");
        ObjectNode out = Json.object();
        out.put("status", status);
        if (status.equals("enabled")) {
            if (sku != Sku.PREMIUM) throw AcrErrors.featureNotSupportedForSku("encryption", sku.azureName);
            JsonNode kv = in.get("keyVaultProperties");
            if (!(kv instanceof ObjectNode vault) || LooseValues.text(vault.get("keyIdentifier"),
                    "properties.encryption.keyVaultProperties.keyIdentifier") == null) {
                throw AcrErrors.invalidParameter("Encryption requires 'properties.encryption.keyVaultProperties.keyIdentifier'.");
            }
            out.set("keyVaultProperties", vault.deepCopy());
        }
        return out;
    }

    /** Set at creation only (acr.md §1.4 step 7): a PUT that changes it fails, a PATCH cannot carry it. */
    private static String zoneRedundancy(JsonNode requested, ObjectNode old, Sku sku, boolean patch) {
        String value = LooseValues.choice(requested, ENABLED_DISABLED, "Disabled", "ZoneRedundancy", "properties.zoneRedundancy");
        if (old != null) {
            String was = old.path("zoneRedundancy").asText("Disabled");
            if (!was.equals(value)) {
                if (!patch) throw AcrErrors.zoneRedundancyImmutable();
                value = was; // not part of RegistryUpdateParameters: ignored on PATCH
            }
        }
        if (value.equals("Enabled") && sku != Sku.PREMIUM) throw AcrErrors.featureNotSupportedForSku("zoneRedundancy", sku.azureName);
        return value;
    }

    /** {@code myregistry.westus.data.azurecr.io} for {@code myregistry.azurecr.io}. */
    static String dataEndpointHost(String loginServer, String location) {
        int dot = loginServer.indexOf('.');
        if (dot < 0) return location + ".data." + loginServer;
        return loginServer.substring(0, dot) + "." + location + ".data" + loginServer.substring(dot);
    }
}
