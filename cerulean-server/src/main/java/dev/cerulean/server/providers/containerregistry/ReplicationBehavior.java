package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;

import java.time.Clock;
import java.util.List;

/**
 * What geo-replications do beyond generic ARM: a Premium registry only, a required location (a child
 * resource that carries one, normalised like a tracked resource's and fixed at creation), the name
 * rules of registries, {@code regionEndpointEnabled} (default true), {@code zoneRedundancy} set at
 * creation only, and a {@code status} object. Metadata only: no content is copied anywhere.
 */
final class ReplicationBehavior implements ResourceBehavior {

    private static final List<String> ENABLED_DISABLED = List.of("Enabled", "Disabled");

    private final RegistryDirectory directory;
    private final Clock clock;

    ReplicationBehavior(RegistryDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void validateName(WriteContext ctx) {
        if (!NameRules.isRegistryName(ctx.id().name())) throw AcrErrors.replicationNameInvalid(ctx.id().name());
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        String location = location(req.get("location"));
        ObjectNode old = ctx.existing() == null ? null : (ObjectNode) ctx.existing().path("properties");
        if (ctx.existing() != null) {
            String was = ctx.existing().path("location").asText();
            if (!was.equalsIgnoreCase(location)) {
                throw ArmErrors.locationChanged(ctx.id().name(), was, ctx.id().resourceGroup(), location);
            }
        }
        if (ctx.isCreate()) {
            Sku sku = directory.get(ctx.id().parent().key()).map(r -> Sku.of(RegistryDocuments.parse(r))).orElse(Sku.BASIC);
            if (sku != Sku.PREMIUM) throw AcrErrors.featureNotSupportedForSku("replications", sku.azureName);
        }
        JsonNode in = req.path("properties");
        boolean regionEndpoint = LooseValues.bool(in.get("regionEndpointEnabled"),
                old == null || old.path("regionEndpointEnabled").asBoolean(true), "properties.regionEndpointEnabled");
        String zoneRedundancy = zoneRedundancy(in.get("zoneRedundancy"), old, ctx.patch());

        ObjectNode props = Json.object();
        props.put("provisioningState", "Succeeded"); // placeholder keeping the key order; the engine sets it
        ObjectNode status = Json.object();
        status.put("displayStatus", "Ready");
        status.put("message", "The replication is ready.");
        JsonNode since = old == null ? null : old.path("status").get("timestamp");
        status.put("timestamp", since != null && since.isTextual() ? since.asText() : AcrTimes.offset(clock.instant()));
        props.set("status", status);
        props.put("regionEndpointEnabled", regionEndpoint);
        props.put("zoneRedundancy", zoneRedundancy);
        ObjectNode doc = Json.object();
        doc.put("location", location); // the engine keeps a child's own location from the hook's document
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        else doc.set("tags", Json.object());
        doc.set("properties", props);
        return doc;
    }

    /** The request's location, normalised (West US, westus → westus). */
    private static String location(JsonNode node) {
        if (node == null || node.isNull() || !node.isTextual() || node.asText().isBlank()) throw ArmErrors.locationRequired();
        return Locations.normalize(node.asText()).orElseThrow(() -> ArmErrors.invalidLocationForResource(node.asText()));
    }

    /** Set at creation only, as the registry's own: a PUT that changes it fails, a PATCH cannot carry it. */
    private static String zoneRedundancy(JsonNode requested, ObjectNode old, boolean patch) {
        String value = LooseValues.choice(requested, ENABLED_DISABLED, "Disabled", "ZoneRedundancy",
                "properties.zoneRedundancy");
        if (old != null) {
            String was = old.path("zoneRedundancy").asText("Disabled");
            if (!was.equals(value)) {
                if (!patch) throw AcrErrors.zoneRedundancyImmutable();
                value = was;
            }
        }
        return value;
    }
}
