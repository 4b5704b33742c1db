package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.SystemData;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An account's blob service, {@code storageAccounts/{a}/blobServices/default}: the only name is
 * {@code default}, and it exists as soon as its account does (Azure never asks for it to be created),
 * so the account's create stores it in the same transaction. A PUT sets its properties (CORS,
 * retention policies, versioning, change feed); it carries the account's SKU; it cannot be deleted.
 */
final class BlobServiceBehavior implements ResourceBehavior {

    static final String TYPE = StorageProvider.NAMESPACE + "/storageAccounts/blobServices";
    static final String NAME = "default";
    private static final List<String> BOOLEANS = List.of("isVersioningEnabled", "automaticSnapshotPolicyEnabled");
    private static final List<String> RETENTION_POLICIES = List.of("deleteRetentionPolicy", "containerDeleteRetentionPolicy");

    private final ResourceStore store;

    BlobServiceBehavior(ResourceStore store) {
        this.store = store;
    }

    @Override
    public void validateName(WriteContext ctx) {
        if (!NAME.equalsIgnoreCase(ctx.id().name())) throw ArmErrors.invalidResourceName(ctx.id().name(), TYPE);
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        JsonNode inNode = ctx.requested().get("properties");
        ObjectNode in = inNode instanceof ObjectNode p ? p.deepCopy() : Json.object();
        for (String b : BOOLEANS) {
            JsonNode v = in.get(b);
            if (v != null && !v.isNull() && !v.isBoolean()) throw StorageErrors.valueNotAllowed(v.asText(), b);
        }
        for (String policy : RETENTION_POLICIES) checkRetention(in.get(policy), policy, 365);
        JsonNode changeFeed = in.get("changeFeed");
        if (changeFeed != null && !changeFeed.isNull()) {
            if (!changeFeed.isObject()) throw StorageErrors.invalidParameters("changeFeed");
            JsonNode days = changeFeed.get("retentionInDays");
            if (days != null && !days.isNull() && !Json.isIntBetween(days, 1, 146000)) {
                throw StorageErrors.invalidParameters("changeFeed.retentionInDays");
            }
        }
        JsonNode cors = in.get("cors");
        if (cors != null && !cors.isNull() && !(cors.isObject() && (cors.path("corsRules").isMissingNode()
                || cors.get("corsRules").isArray() && cors.get("corsRules").size() <= 5))) {
            throw StorageErrors.invalidParameters("cors");
        }
        ObjectNode doc = Json.object();
        ResourceId account = ctx.id().parent();
        store.get(account.key()).map(r -> Json.parse(r.body()).get("sku")).ifPresent(sku -> doc.set("sku", sku));
        doc.set("properties", in);
        return doc;
    }

    @Override
    public void validateDelete(ResourceId id, java.util.function.Function<String, String> queryParam) {
        throw ArmErrors.methodNotAllowed("DELETE");
    }

    /** {@code {enabled, days}} with days 1..max when enabled. */
    private static void checkRetention(JsonNode policy, String name, int max) {
        if (policy == null || policy.isNull()) return;
        if (!policy.isObject()) throw StorageErrors.invalidParameters(name);
        JsonNode enabled = policy.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) throw StorageErrors.valueNotAllowed(enabled.asText(), name + ".enabled");
        JsonNode days = policy.get("days");
        if (days != null && !days.isNull() && !Json.isIntBetween(days, 1, max)) {
            throw StorageErrors.invalidParameters(name + ".days");
        }
    }

    /**
     * Stores (or, when its account's SKU changed, rewrites) the default blob service of the account
     * being written, inside the account's write transaction.
     */
    static void ensureDefault(ResourceStore store, ResourceId account, JsonNode sku, Instant now, Caller caller) {
        ResourceId id = account.child("blobServices", NAME);
        ResourceRecord existing = store.get(id.key()).orElse(null);
        ObjectNode doc;
        if (existing != null) {
            doc = (ObjectNode) Json.parse(existing.body());
            if (sku.equals(doc.get("sku"))) return;
        } else {
            doc = Json.object();
            doc.put("id", id.id());
            doc.put("name", NAME);
            doc.put("type", TYPE);
            doc.putObject("properties").put("provisioningState", "Succeeded");
            if (caller != null) doc.set("systemData", SystemData.of(caller, null, now));
        }
        doc.set("sku", sku.deepCopy());
        String etag = "\"" + UUID.randomUUID() + "\"";
        store.put(new ResourceRecord(id.key(), id.id(), account.subscriptionId().toLowerCase(Locale.ROOT),
                account.resourceGroup().toLowerCase(Locale.ROOT), TYPE.toLowerCase(Locale.ROOT), account.key(), NAME, null,
                false, Json.write(doc), etag, existing == null ? now : existing.createdAt(), now), WriteCondition.ALWAYS);
    }
}
