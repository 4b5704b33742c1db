package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.generic.Documents;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.ResourceAction;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.WriteCondition;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The provider over in-memory stores, driven the way the engine's ResourceHandler drives a type's
 * hooks (sanitize and keep read-only properties, merge-patch, validateName, onWrite, envelope,
 * provisioningState, systemData, store), each write rolled back when it throws, as a transaction would.
 */
final class AcrTestbed {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String OTHER_SUB = "11111111-1111-1111-1111-111111111111";
    static final String API = "2023-01-01-preview";
    static final Caller CALLER = new Caller("aaaabbbb-0000-cccc-1111-dddd2222eeee", "0b1f", "dev@cerulean.local", "User");
    static final Instant START = Instant.parse("2024-01-03T18:38:36.708958312Z");

    final InMemoryResourceStore store = new InMemoryResourceStore();
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final MutableClock clock = new MutableClock(START);
    final byte[] key = new byte[32];
    final SecretSealer sealer;
    final ContainerRegistryProvider provider;

    AcrTestbed() {
        this(".azurecr.io");
    }

    AcrTestbed(String suffix) {
        new SecureRandom().nextBytes(key);
        sealer = SecretSealer.fromKey(key);
        provider = new ContainerRegistryProvider(store, secrets, clock, suffix, sealer, () -> List.of(SUB, OTHER_SUB));
    }

    static String registryId(String rg, String name) {
        return registryId(SUB, rg, name);
    }

    static String registryId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.ContainerRegistry/registries/" + name;
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    // --- writes, as ResourceHandler.put / patch / delete / action -----------------------

    ObjectNode put(String id, String json) {
        return transaction(() -> {
            ResourceId rid = ResourceId.parse(id);
            ResourceTypeSpec spec = spec(rid);
            ResourceRecord existingRec = store.get(rid.key()).orElse(null);
            ObjectNode existing = existingRec == null ? null : Documents.parse(existingRec.body());
            ObjectNode requested = Documents.sanitize((ObjectNode) Json.parse(lenient(json)), spec.readOnlyProperties());
            Documents.keepReadOnly(requested, existing, spec.readOnlyProperties());
            return write(rid, spec, new WriteContext(rid, requested, existing, false, API, CALLER), existingRec);
        });
    }

    ObjectNode patch(String id, String json) {
        return transaction(() -> {
            ResourceId rid = ResourceId.parse(id);
            ResourceTypeSpec spec = spec(rid);
            ResourceRecord existingRec = store.get(rid.key()).orElseThrow();
            ObjectNode existing = Documents.parse(existingRec.body());
            ObjectNode patch = Documents.sanitize((ObjectNode) Json.parse(lenient(json)), spec.readOnlyProperties());
            ObjectNode merged = existing.deepCopy();
            JsonNode tags = patch.remove("tags");
            Documents.mergePatch(merged, patch);
            if (tags != null) merged.set("tags", tags.isNull() ? Json.object() : tags);
            return write(rid, spec, new WriteContext(rid, merged, existing, true, API, CALLER), existingRec);
        });
    }

    private ObjectNode write(ResourceId id, ResourceTypeSpec spec, WriteContext ctx, ResourceRecord existingRec) {
        String location = spec.tracked() ? Documents.requireLocation(ctx.requested()) : null;
        spec.behavior().validateName(ctx);
        ObjectNode doc = spec.behavior().onWrite(ctx);
        if (location == null && doc.hasNonNull("location")) location = doc.get("location").asText(); // a child's own
        doc.remove("location");
        if (!doc.has("tags") && spec.tracked()) doc.set("tags", Json.object());
        Documents.properties(doc).put("provisioningState", "Succeeded");
        Instant now = clock.instant();
        doc.set("systemData", dev.cerulean.server.arm.spi.SystemData.of(ctx.caller(), ctx.existing(), now));
        String qualified = provider.namespace() + "/" + spec.type();
        ObjectNode out = Documents.envelope(id.id(), id.name(), qualified, location, doc);
        ResourceId parent = id.parent();
        ResourceRecord rec = new ResourceRecord(id.key(), id.id(), id.subscriptionId().toLowerCase(Locale.ROOT),
                id.resourceGroup().toLowerCase(Locale.ROOT), qualified.toLowerCase(Locale.ROOT),
                parent == null ? null : parent.key(), id.name(), location, spec.tracked(), Json.write(out),
                "\"" + java.util.UUID.randomUUID() + "\"", existingRec == null ? now : existingRec.createdAt(), now);
        store.put(rec, existingRec == null ? WriteCondition.ABSENT : WriteCondition.etag(existingRec.etag()));
        return out;
    }

    void delete(String id) {
        transaction(() -> {
            ResourceId rid = ResourceId.parse(id);
            ResourceTypeSpec spec = spec(rid);
            ResourceRecord rec = store.get(rid.key()).orElseThrow();
            DeleteContext ctx = new DeleteContext(rid, Documents.parse(rec.body()), false, CALLER);
            spec.behavior().beforeDelete(ctx);
            store.deleteTree(rid.key());
            secrets.deleteTree(rid.key());
            spec.behavior().afterDelete(ctx);
            return null;
        });
    }

    /** As ResourceGroups.cascade: after-delete hooks of the tracked resources, then everything by prefix. */
    void deleteGroup(String rg) {
        String groupKey = key("/subscriptions/" + SUB + "/resourceGroups/" + rg);
        for (ResourceRecord r : store.all()) {
            if (r.tracked() && r.key().startsWith(groupKey + "/")) {
                ResourceId rid = ResourceId.parse(r.id());
                spec(rid).behavior().afterDelete(new DeleteContext(rid, Documents.parse(r.body()), true, null));
            }
        }
        store.deleteTree(groupKey);
        secrets.deleteTree(groupKey);
    }

    JsonNode action(String id, String name, String json) {
        return transaction(() -> {
            ResourceId rid = ResourceId.parse(id);
            ResourceRecord rec = store.get(rid.key()).orElseThrow();
            ResourceAction action = spec(rid).action(name);
            JsonNode body = json == null ? null : Json.parse(lenient(json));
            return action.invoke(new ResourceAction.ActionContext(rid, Documents.parse(rec.body()), body, API, CALLER));
        });
    }

    /** Runs an action's up-front check, as the engine does before answering an asynchronous action with 202. */
    void validateAction(String id, String name, String json) {
        transaction(() -> {
            ResourceId rid = ResourceId.parse(id);
            ResourceRecord rec = store.get(rid.key()).orElseThrow();
            JsonNode body = json == null ? null : Json.parse(lenient(json));
            spec(rid).action(name).validate(new ResourceAction.ActionContext(rid, Documents.parse(rec.body()), body, API, CALLER));
            return null;
        });
    }

    JsonNode checkName(String json) {
        return provider.providerActions().get("checkNameAvailability").invoke(SUB, Json.parse(lenient(json)), CALLER, API);
    }

    ObjectNode get(String id) {
        return Documents.parse(store.get(key(id)).orElseThrow().body());
    }

    List<ObjectNode> children(String registryId, String type) {
        String parent = key(registryId);
        String typeKey = key("Microsoft.ContainerRegistry/registries/" + type);
        return store.all().stream().filter(r -> parent.equals(r.parentKey()) && typeKey.equals(r.typeKey()))
                .map(r -> Documents.parse(r.body())).toList();
    }

    // --- shortcuts --------------------------------------------------------------------------

    ObjectNode createRegistry(String rg, String name, String sku) {
        return put(registryId(rg, name), "{'location':'westus','sku':{'name':'" + sku + "'}}");
    }

    ObjectNode createScopeMap(String registryId, String name, String... actions) {
        return put(registryId + "/scopeMaps/" + name, "{\"properties\":{\"actions\":" + Json.write(List.of(actions)) + "}}");
    }

    ObjectNode createToken(String registryId, String name, String scopeMap) {
        return put(registryId + "/tokens/" + name, "{'properties':{'scopeMapId':'" + registryId + "/scopeMaps/" + scopeMap
                + "','status':'enabled'}}");
    }

    private ResourceTypeSpec spec(ResourceId id) {
        return provider.resourceTypes().stream().filter(t -> t.type().equalsIgnoreCase(id.typePath())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no type " + id.typePath()));
    }

    private <T> T transaction(Supplier<T> work) {
        var rows = store.snapshot();
        var secretRows = secrets.snapshot();
        try {
            return work.get();
        } catch (RuntimeException e) {
            store.restore(rows);
            secrets.restore(secretRows);
            throw e;
        }
    }

    /** Test bodies are written with single quotes for readability, as az rest allows (seed 000). */
    private static String lenient(String json) {
        try {
            return Json.write(Json.LENIENT.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
