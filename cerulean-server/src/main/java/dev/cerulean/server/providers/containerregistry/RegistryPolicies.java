package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.time.Instant;
import java.util.List;

/**
 * {@code properties.policies} of a registry (acr.md §1.3): six policies with their defaults, in the
 * service's order and spellings. Quarantine, content trust and retention are Premium features. The
 * {@code lastUpdatedTime} of retention and soft delete is the server's: set when the policy is first
 * written or its settings change, kept otherwise.
 */
final class RegistryPolicies {
    private RegistryPolicies() {}

    private static final List<String> STATUS = List.of("enabled", "disabled");
    private static final String BASE = "properties.policies.";

    static ObjectNode build(JsonNode requested, JsonNode old, Sku sku, Instant now) {
        if (requested != null && !requested.isNull() && !requested.isObject()) {
            throw AcrErrors.invalidValue(requested.toString(), "Policies", "properties.policies");
        }
        JsonNode in = requested == null || requested.isNull() ? Json.object() : requested;
        JsonNode was = old == null ? Json.object() : old;
        ObjectNode out = Json.object();

        ObjectNode quarantine = out.putObject("quarantinePolicy");
        quarantine.put("status", premiumStatus(in, "quarantinePolicy", "disabled", sku));

        ObjectNode trust = out.putObject("trustPolicy");
        trust.put("type", LooseValues.choice(in.path("trustPolicy").get("type"), List.of("Notary"), "Notary",
                "TrustPolicyType", BASE + "trustPolicy.type"));
        trust.put("status", premiumStatus(in, "trustPolicy", "disabled", sku));

        ObjectNode retention = out.putObject("retentionPolicy");
        retention.put("days", LooseValues.integer(in.path("retentionPolicy").get("days"), 7, 0, 365,
                BASE + "retentionPolicy.days"));
        retention.put("lastUpdatedTime", "");
        retention.put("status", premiumStatus(in, "retentionPolicy", "disabled", sku));
        stamp(retention, was.get("retentionPolicy"), now);

        out.putObject("exportPolicy").put("status", status(in, "exportPolicy", "enabled"));
        out.putObject("azureADAuthenticationAsArmPolicy").put("status", status(in, "azureADAuthenticationAsArmPolicy", "enabled"));

        ObjectNode softDelete = out.putObject("softDeletePolicy");
        softDelete.put("retentionDays", LooseValues.integer(in.path("softDeletePolicy").get("retentionDays"), 7, 1, 90,
                BASE + "softDeletePolicy.retentionDays"));
        softDelete.put("lastUpdatedTime", "");
        softDelete.put("status", status(in, "softDeletePolicy", "disabled"));
        stamp(softDelete, was.get("softDeletePolicy"), now);
        return out;
    }

    private static String status(JsonNode in, String policy, String fallback) {
        JsonNode p = in.get(policy);
        if (p != null && !p.isNull() && !p.isObject()) throw AcrErrors.invalidValue(p.toString(), "Policy", BASE + policy);
        return LooseValues.choice(in.path(policy).get("status"), STATUS, fallback, "PolicyStatus", BASE + policy + ".status");
    }

    private static String premiumStatus(JsonNode in, String policy, String fallback, Sku sku) {
        String s = status(in, policy, fallback);
        if (s.equals("enabled") && sku != Sku.PREMIUM) throw AcrErrors.featureNotSupportedForSku(policy, sku.azureName);
        return s;
    }

    /** Keeps the old lastUpdatedTime when nothing else in the policy changed; stamps now otherwise. */
    private static void stamp(ObjectNode policy, JsonNode old, Instant now) {
        boolean same = old instanceof ObjectNode o && o.hasNonNull("lastUpdatedTime");
        if (same) {
            ObjectNode a = policy.deepCopy();
            ObjectNode b = ((ObjectNode) old).deepCopy();
            a.remove("lastUpdatedTime");
            b.remove("lastUpdatedTime");
            same = a.equals(b);
        }
        policy.put("lastUpdatedTime", same ? old.get("lastUpdatedTime").asText() : AcrTimes.offsetTrimmed(now));
    }
}
