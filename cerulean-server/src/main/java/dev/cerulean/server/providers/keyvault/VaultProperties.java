package dev.cerulean.server.providers.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code properties} of a vault (2022-07-01 shape): required tenant, SKU and access policies
 * checked as the RP checks them, Azure's defaults for the switches not sent (soft delete on with
 * 90 days' retention, RBAC off, public network access on), and the derived {@code vaultUri}.
 */
final class VaultProperties {
    private VaultProperties() {}

    static final String[] READ_ONLY = {"vaultUri", "hsmPoolResourceId", "privateEndpointConnections"};
    private static final Pattern GUID = Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
    private static final List<String> BOOLEANS = List.of("enabledForDeployment", "enabledForDiskEncryption",
            "enabledForTemplateDeployment", "enableSoftDelete", "enableRbacAuthorization", "enablePurgeProtection");
    private static final List<String> PERMISSION_KINDS = List.of("keys", "secrets", "certificates", "storage");

    /**
     * @param in       requested properties (read-only ones removed); checked and completed in place
     * @param old      stored properties, or null on create
     * @param vaultUri {@code https://{name}.vault.azure.net/}
     */
    static ObjectNode build(ObjectNode in, ObjectNode old, String vaultUri) {
        ObjectNode p = in.deepCopy();
        String createMode = p.path("createMode").asText("default");
        p.remove("createMode"); // a request-only switch, never answered
        JsonNode tenant = p.get("tenantId");
        if (tenant == null || !tenant.isTextual() || !GUID.matcher(tenant.asText()).matches()) {
            throw KeyVaultErrors.invalidValue("tenantId");
        }
        p.set("sku", sku(p.get("sku")));
        JsonNode policies = p.get("accessPolicies");
        if (policies == null || policies.isNull()) {
            // RBAC vaults need none: Microsoft's quickstart key-vault-managed-identity-role-assignment sends none
            boolean rbac = p.path("enableRbacAuthorization").asBoolean(false);
            if (!createMode.equalsIgnoreCase("recover") && old == null && !rbac) throw KeyVaultErrors.invalidValue("accessPolicies");
            p.set("accessPolicies", old != null && old.get("accessPolicies") != null ? old.get("accessPolicies")
                    : p.arrayNode());
        } else {
            checkPolicies(policies);
        }
        for (String b : BOOLEANS) {
            JsonNode v = p.get(b);
            if (v != null && !v.isNull() && !v.isBoolean()) throw KeyVaultErrors.invalidValue(b);
            if (v != null && v.isNull()) p.remove(b);
        }
        if (old != null && old.path("enablePurgeProtection").asBoolean(false) && p.has("enablePurgeProtection")
                && !p.get("enablePurgeProtection").booleanValue()) {
            throw KeyVaultErrors.purgeProtectionCannotBeDisabled();
        }
        if (old != null && old.path("enablePurgeProtection").asBoolean(false)) p.put("enablePurgeProtection", true);
        putDefault(p, "enabledForDeployment", false);
        putDefault(p, "enabledForDiskEncryption", false);
        putDefault(p, "enabledForTemplateDeployment", false);
        putDefault(p, "enableSoftDelete", true);
        putDefault(p, "enableRbacAuthorization", false);
        JsonNode days = p.get("softDeleteRetentionInDays");
        if (days == null || days.isNull()) {
            p.put("softDeleteRetentionInDays", 90);
        } else if (!Json.isIntBetween(days, 7, 90)) {
            throw KeyVaultErrors.retentionOutOfRange(days.asText(days.toString()));
        }
        if (!p.hasNonNull("publicNetworkAccess")) p.put("publicNetworkAccess", "Enabled");
        p.put("vaultUri", vaultUri);
        return p;
    }

    /** {@code {family: "A", name: "standard"|"premium"}}, names answered in lower case as Azure does. */
    private static ObjectNode sku(JsonNode sku) {
        if (!(sku instanceof ObjectNode s)) throw KeyVaultErrors.invalidValue("sku");
        String name = s.path("name").asText("").toLowerCase(Locale.ROOT);
        if (!name.equals("standard") && !name.equals("premium")) throw KeyVaultErrors.invalidValue("sku.name");
        String family = s.path("family").asText("A");
        if (!family.equalsIgnoreCase("A")) throw KeyVaultErrors.invalidValue("sku.family");
        ObjectNode out = s.objectNode();
        out.put("family", "A");
        out.put("name", name);
        return out;
    }

    /** Each entry: tenant GUID, non-empty object id, permissions whose four lists hold strings. */
    private static void checkPolicies(JsonNode policies) {
        if (!(policies instanceof ArrayNode list) || list.size() > 1024) throw KeyVaultErrors.invalidValue("accessPolicies");
        for (JsonNode entry : list) {
            boolean ok = entry.isObject()
                    && entry.path("tenantId").isTextual() && GUID.matcher(entry.path("tenantId").asText()).matches()
                    && entry.path("objectId").isTextual() && !entry.path("objectId").asText().isBlank()
                    && entry.get("permissions") instanceof ObjectNode perms && permissionsOk(perms);
            if (!ok) throw KeyVaultErrors.invalidValue("accessPolicies");
        }
    }

    private static boolean permissionsOk(ObjectNode perms) {
        for (String kind : PERMISSION_KINDS) {
            JsonNode v = perms.get(kind);
            if (v == null || v.isNull()) continue;
            if (!v.isArray()) return false;
            for (JsonNode item : v) {
                if (!item.isTextual() || item.asText().isBlank()) return false;
            }
        }
        return true;
    }

    private static void putDefault(ObjectNode p, String field, boolean value) {
        if (!p.has(field)) p.put(field, value);
    }
}
