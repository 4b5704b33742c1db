package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.GlobalNames;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceStore;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What storage accounts do beyond generic ARM (ml.md §6.1): the name (3-24 lower-case letters and
 * digits, a DNS name, so unique across every subscription), SKU and kind with their combinations,
 * the derived endpoints and, at creation, the two account keys and the default blob service, all in
 * the write's transaction.
 */
final class StorageAccountBehavior implements ResourceBehavior {

    static final Pattern NAME = Pattern.compile("^[a-z0-9]{3,24}$");

    private final GlobalNames names;
    private final AccountKeys keys;
    private final ResourceStore store;
    private final Clock clock;

    StorageAccountBehavior(GlobalNames names, AccountKeys keys, ResourceStore store, Clock clock) {
        this.names = names;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    @Override
    public void validateName(WriteContext ctx) {
        String name = ctx.id().name();
        if (!isValidName(name)) throw StorageErrors.accountNameInvalid(name);
        names.takenElsewhere(StorageProvider.ACCOUNT_TYPE, name, ctx.id().key()).ifPresent(other -> {
            boolean sameSubscription = other.subscriptionId().equalsIgnoreCase(ctx.id().subscriptionId());
            throw sameSubscription ? StorageErrors.inAnotherResourceGroup(name) : StorageErrors.alreadyTaken(name);
        });
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        StorageSku sku = StorageSku.of(req);
        String raw = req.path("location").asText("");
        String location = Locations.normalize(raw).orElse(raw);
        ObjectNode in = req.get("properties") instanceof ObjectNode p ? p : Json.object();
        ObjectNode old = ctx.existing() != null && ctx.existing().get("properties") instanceof ObjectNode p ? p : null;

        ObjectNode doc = Json.object();
        doc.set("sku", sku.toJson());
        doc.put("kind", sku.kind());
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        if (req.get("extendedLocation") instanceof ObjectNode ext) doc.set("extendedLocation", ext);
        ObjectNode identity = identity(req.get("identity"), ctx.existing() == null ? null : ctx.existing().get("identity"),
                ctx.caller() == null ? null : ctx.caller().tenantId());
        if (identity != null) doc.set("identity", identity);
        ObjectNode keyTimes = keys.ensure(ctx.id().key());
        doc.set("properties", AccountProperties.build(in, old, sku, ctx.id().name().toLowerCase(), location,
                clock.instant(), keyTimes));
        BlobServiceBehavior.ensureDefault(store, ctx.id(), doc.get("sku"), clock.instant(), ctx.caller());
        return doc;
    }

    /** A system-assigned identity gets a principal id (kept across writes); user-assigned ones are echoed. */
    private static ObjectNode identity(JsonNode requested, JsonNode existing, String tenantId) {
        if (!(requested instanceof ObjectNode in)) return null;
        String type = in.path("type").asText("None");
        if (type.equalsIgnoreCase("None")) return null;
        ObjectNode out = in.deepCopy();
        if (type.contains("SystemAssigned")) {
            JsonNode oldId = existing == null ? null : existing.get("principalId");
            out.put("principalId", oldId != null && oldId.isTextual() ? oldId.asText() : UUID.randomUUID().toString());
            out.put("tenantId", tenantId);
        }
        return out;
    }
}
