package dev.cerulean.server.providers.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.core.id.ResourceId;

import java.util.List;

/**
 * The {@code properties} of a diagnostic setting (2021-05-01-preview): destinations (at least one; each
 * a resource id of its service's type), {@code logs} and {@code metrics} entries (a category or, for
 * logs, a category group, and {@code enabled}), retention policies of 0-365 days. Categories are not
 * checked against the target's type: Cerulean does not know every service's categories.
 */
final class DiagnosticSettingProperties {
    private DiagnosticSettingProperties() {}

    /** Destination property, the type its id must name (null: any resource id). */
    private record Destination(String property, String type) {}

    private static final List<Destination> DESTINATIONS = List.of(
            new Destination("storageAccountId", "Microsoft.Storage/storageAccounts"),
            new Destination("workspaceId", "Microsoft.OperationalInsights/workspaces"),
            new Destination("eventHubAuthorizationRuleId", "Microsoft.EventHub/namespaces/authorizationRules"),
            new Destination("serviceBusRuleId", null),
            new Destination("marketplacePartnerId", null));
    private static final List<String> DESTINATION_TYPES = List.of("Dedicated", "AzureDiagnostics");

    /** The checked properties to store (nulls dropped), or the error a client gets. */
    static ObjectNode check(JsonNode properties) {
        if (!(properties instanceof ObjectNode in)) throw InsightsErrors.badRequest("The request body must contain 'properties'.");
        ObjectNode p = in.deepCopy();
        List<String> nulls = new java.util.ArrayList<>();
        p.fields().forEachRemaining(e -> { if (e.getValue().isNull()) nulls.add(e.getKey()); });
        p.remove(nulls);
        boolean anyDestination = false;
        for (Destination d : DESTINATIONS) {
            JsonNode v = p.get(d.property());
            if (v == null) continue;
            if (!v.isTextual() || !isResourceId(v.asText(), d.type())) {
                throw InsightsErrors.invalidPropertyId(v.asText(v.toString()), "properties." + d.property());
            }
            anyDestination = true;
        }
        if (!anyDestination) throw InsightsErrors.noDestination();
        JsonNode hubName = p.get("eventHubName");
        if (hubName != null && !hubName.isTextual()) throw InsightsErrors.badRequest("'eventHubName' must be a string.");
        JsonNode destinationType = p.get("logAnalyticsDestinationType");
        if (destinationType != null && !DESTINATION_TYPES.contains(destinationType.asText())) {
            throw InsightsErrors.badRequest("'logAnalyticsDestinationType' must be 'Dedicated' or 'AzureDiagnostics'.");
        }
        if (!p.has("logs")) p.putArray("logs");
        if (!p.has("metrics")) p.putArray("metrics");
        checkEntries(p.get("logs"), "logs", true);
        checkEntries(p.get("metrics"), "metrics", false);
        return p;
    }

    private static void checkEntries(JsonNode entries, String property, boolean logs) {
        if (!entries.isArray()) throw InsightsErrors.badRequest("'" + property + "' must be an array.");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String at = property + "[" + i + "]";
            if (!e.isObject()) throw InsightsErrors.badRequest("'" + at + "' must be an object.");
            boolean category = e.path("category").isTextual() && !e.get("category").asText().isBlank();
            boolean group = logs && e.path("categoryGroup").isTextual() && !e.get("categoryGroup").asText().isBlank();
            if (category == group) {
                throw InsightsErrors.badRequest("'" + at + "' must name " + (logs ? "either a category or a categoryGroup." : "a category."));
            }
            if (!e.path("enabled").isBoolean()) throw InsightsErrors.badRequest("'" + at + ".enabled' is required and must be a boolean.");
            JsonNode retention = e.get("retentionPolicy");
            if (retention != null && !retention.isNull()) {
                JsonNode days = retention.get("days");
                if (!retention.path("enabled").isBoolean() || !Json.isIntBetween(days, 0, 365)) {
                    throw InsightsErrors.badRequest("'" + at + ".retentionPolicy' needs 'enabled' and 'days' between 0 and 365.");
                }
            }
            if (!logs && e.has("timeGrain") && !e.get("timeGrain").isNull() && !e.get("timeGrain").isTextual()) {
                throw InsightsErrors.badRequest("'" + at + ".timeGrain' must be an ISO 8601 duration.");
            }
        }
    }

    private static boolean isResourceId(String value, String type) {
        ResourceId id = ResourceId.parse(value);
        if (id == null || !id.isProviderResource()) return false;
        return type == null || type.equalsIgnoreCase(id.type());
    }
}
