package dev.cerulean.server.providers.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What components do beyond generic ARM (ml.md §6.3): {@code kind} and
 * {@code properties.Application_Type} are required; the instrumentation key and app id are made
 * once and kept; the connection string names the region's ingestion and live endpoints.
 */
final class ComponentBehavior implements ResourceBehavior {

    static final String[] READ_ONLY = {"AppId", "ApplicationId", "InstrumentationKey", "ConnectionString", "CreationDate",
            "TenantId", "Name", "HockeyAppToken", "HockeyAppId", "LaMigrationDate", "PrivateLinkScopedResources",
            "Ver"};
    private static final List<String> APPLICATION_TYPES = List.of("web", "other");

    private final Clock clock;

    ComponentBehavior(Clock clock) {
        this.clock = clock;
    }

    /** The service answers 200 to a create, and its SDK accepts nothing else. */
    @Override
    public int createdStatus() {
        return 200;
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        JsonNode kind = req.get("kind");
        if (kind == null || !kind.isTextual() || kind.asText().isBlank()) throw badRequest("The 'kind' property is required.");
        ObjectNode p = req.get("properties") instanceof ObjectNode in ? in.deepCopy() : Json.object();
        String type = p.path("Application_Type").asText("");
        String canonicalType = APPLICATION_TYPES.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst()
                .orElseThrow(() -> badRequest("The 'Application_Type' property is required and must be one of: web, other; got '"
                        + type + "'."));
        ObjectNode old = ctx.existing() != null && ctx.existing().get("properties") instanceof ObjectNode o ? o : Json.object();
        String raw = req.path("location").asText("");
        String location = Locations.normalize(raw).orElse(raw);

        String key = old.path("InstrumentationKey").asText(UUID.randomUUID().toString());
        String appId = old.path("AppId").asText(UUID.randomUUID().toString());
        ObjectNode props = Json.object();
        props.put("Ver", "v2");
        props.put("ApplicationId", ctx.id().name());
        props.put("AppId", appId);
        props.put("Application_Type", canonicalType);
        props.put("Flow_Type", p.path("Flow_Type").asText("Bluefield"));
        props.put("Request_Source", p.path("Request_Source").asText("rest"));
        props.put("InstrumentationKey", key);
        props.put("ConnectionString", "InstrumentationKey=" + key + ";IngestionEndpoint=https://" + location
                + "-0.in.applicationinsights.azure.com/;LiveEndpoint=https://" + location
                + ".livediagnostics.monitor.azure.com/;ApplicationId=" + appId);
        props.put("Name", ctx.id().name());
        props.put("CreationDate", old.path("CreationDate").asText(Json.armTime(clock.instant())));
        props.put("TenantId", ctx.id().subscriptionId()); // the service answers the subscription id here
        props.put("RetentionInDays", retentionInDays(p.get("RetentionInDays")));
        props.put("IngestionMode", p.hasNonNull("WorkspaceResourceId") ? "LogAnalytics" : "ApplicationInsights");
        props.put("publicNetworkAccessForIngestion", p.path("publicNetworkAccessForIngestion").asText("Enabled"));
        props.put("publicNetworkAccessForQuery", p.path("publicNetworkAccessForQuery").asText("Enabled"));
        p.fields().forEachRemaining(e -> {
            if (!props.has(e.getKey())) props.set(e.getKey(), e.getValue());
        });

        ObjectNode doc = Json.object();
        doc.put("kind", kind.asText());
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        doc.set("properties", props);
        return doc;
    }

    /**
     * 90 when absent. A whole number, also written as a string of digits (ARM's deserializer converts
     * those); anything else (text, a fraction, a boolean) is a 400, not silently 90, and a number beyond
     * int is refused rather than read wrapped by {@code asInt}.
     */
    private static int retentionInDays(JsonNode days) {
        if (days == null || days.isNull()) return 90;
        if (days.isTextual() && DIGITS.matcher(days.asText()).matches()) {
            days = new BigIntegerNode(new BigInteger(days.asText()));
        }
        if (!days.isIntegralNumber()) {
            throw badRequest("The 'RetentionInDays' property must be a whole number of days, not " + days + ".");
        }
        if (!days.canConvertToInt()) {
            throw badRequest("The 'RetentionInDays' property is out of range: " + days.asText() + ".");
        }
        return days.intValue();
    }

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");

    private static ApiError badRequest(String message) {
        return ApiError.of(400, "BadRequest", message);
    }
}
