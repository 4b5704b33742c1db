package dev.cerulean.server.arm.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.LroSettings;
import dev.cerulean.server.arm.ProviderRegistry.ResolvedType;
import dev.cerulean.server.arm.generic.Documents;
import dev.cerulean.server.arm.generic.Listing;
import dev.cerulean.server.arm.generic.ODataFilter;
import dev.cerulean.server.arm.generic.ResourceHandler;
import dev.cerulean.server.arm.generic.Scopes;
import dev.cerulean.server.arm.lro.Operations;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;
import dev.cerulean.store.OperationRecord;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resource groups, api-version 2021-04-01 shapes (arm.md §9): HEAD, PUT, GET, PATCH, list and
 * DELETE as 202 + Location that cascades to everything inside the group in one transaction.
 * While a delete is in progress the group reads as {@code Deleting} and refuses writes with 409.
 */
public final class ResourceGroups {

    private static final String TYPE = ResourceId.RESOURCE_GROUP_TYPE;
    private static final String TYPE_KEY = TYPE.toLowerCase(Locale.ROOT);
    /** The spec's pattern {@code ^[-\w\._\(\)]+$}, with Unicode word characters. */
    private static final Pattern VALID = Pattern.compile("^[-\\w._()]+$", Pattern.UNICODE_CHARACTER_CLASS);

    private final ResourceStore store;
    private final SecretStore secrets;
    private final Transactions transactions;
    private final Operations operations;
    private final LroSettings lro;
    private final Listing listing;
    private final Clock clock;
    private final Function<String, ResolvedType> typeOfKey;

    public ResourceGroups(ResourceStore store, SecretStore secrets, Transactions transactions, Operations operations,
                          LroSettings lro, Clock clock, Function<String, ResolvedType> typeOfKey) {
        this.store = store;
        this.secrets = secrets;
        this.transactions = transactions;
        this.operations = operations;
        this.lro = lro;
        this.listing = new Listing(store);
        this.clock = clock;
        this.typeOfKey = typeOfKey;
        operations.register("rgdelete", this::completeDelete, op -> ArmResponse.empty(200));
    }

    public ArmResponse head(ResourceId id) {
        return store.get(id.key()).isPresent() ? ArmResponse.empty(204) : ArmResponse.empty(404);
    }

    public ArmResponse get(ResourceId id) {
        return store.get(id.key()).map(r -> ArmResponse.stored(200, r))
                .orElseThrow(() -> ArmErrors.resourceGroupNotFound(id.resourceGroup()));
    }

    /** @param visible the groups the caller may read, null for all */
    public ArmResponse list(ArmRequest req, String sub, java.util.function.Predicate<ResourceRecord> visible) {
        ResourceQuery q = ResourceQuery.in(sub.toLowerCase(Locale.ROOT)).type(TYPE_KEY);
        return listing.documents(req, q, ODataFilter.parse(req.queryParam("$filter")), visible);
    }

    public ArmResponse put(ArmRequest req, ResourceId id) {
        validateName(id.resourceGroup());
        ObjectNode body = req.jsonObject();
        JsonNode locNode = body.get("location");
        if (locNode == null || locNode.isNull() || locNode.asText().isBlank()) throw ArmErrors.locationRequired();
        String location = Locations.normalize(locNode.asText()).orElseThrow(() -> ArmErrors.invalidLocation(locNode.asText()));
        Documents.validateTags(body.get("tags"));
        return transactions.inTransaction(() -> {
            ResourceRecord existing = store.get(id.key()).orElse(null);
            if (existing != null) {
                ObjectNode old = Documents.parse(existing.body());
                if (Scopes.DELETING.equals(Documents.provisioningState(old))) throw ArmErrors.resourceGroupBeingDeleted(existing.name());
                if (!location.equals(existing.location())) throw ArmErrors.invalidResourceGroupLocation(location, existing.location());
            }
            ObjectNode doc = document(id, location, body.get("tags"), body.get("managedBy"), "Succeeded");
            write(id, doc, location, existing);
            return ArmResponse.json(existing == null ? 201 : 200, doc);
        });
    }

    public ArmResponse patch(ArmRequest req, ResourceId id) {
        ObjectNode body = req.jsonObject();
        Documents.validateTags(body.get("tags"));
        return transactions.inTransaction(() -> {
            ResourceRecord existing = store.get(id.key()).orElseThrow(() -> ArmErrors.resourceGroupNotFound(id.resourceGroup()));
            ObjectNode old = Documents.parse(existing.body());
            if (Scopes.DELETING.equals(Documents.provisioningState(old))) throw ArmErrors.resourceGroupBeingDeleted(existing.name());
            JsonNode loc = body.get("location");
            if (loc != null && !loc.isNull() && !Locations.normalize(loc.asText()).orElse("").equals(existing.location())) {
                throw ArmErrors.invalidResourceGroupLocation(loc.asText(), existing.location());
            }
            JsonNode tags = body.has("tags") ? body.get("tags") : old.get("tags");
            JsonNode managedBy = body.has("managedBy") ? body.get("managedBy") : old.get("managedBy");
            ResourceId stored = ResourceId.parse(existing.id());
            ObjectNode doc = document(stored, existing.location(), tags, managedBy, "Succeeded");
            write(stored, doc, existing.location(), existing);
            return ArmResponse.json(200, doc);
        });
    }

    /** 202 + Location; with zero polls configured the cascade happens before the answer. */
    public ArmResponse delete(ArmRequest req, ResourceId id) {
        LroPolicy policy = lro.resolve(TYPE, "delete", new LroPolicy(LroStyle.LOCATION, 0));
        return transactions.inTransaction(() -> {
            ResourceRecord existing = store.get(id.key()).orElseThrow(() -> ArmErrors.resourceGroupNotFound(id.resourceGroup()));
            OperationRecord op;
            if (policy.polls() == 0 || policy.style() == LroStyle.SYNC) {
                cascade(existing);
                if (policy.style() == LroStyle.SYNC) return ArmResponse.empty(200);
                op = operations.startCompleted("rgdelete", existing.key());
            } else {
                ObjectNode doc = Documents.parse(existing.body());
                Documents.properties(doc).put("provisioningState", Scopes.DELETING);
                write(ResourceId.parse(existing.id()), doc, existing.location(), existing);
                op = operations.start("rgdelete", existing.key(), policy.polls(), null);
            }
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(Json.object()
                    .put("jobId", "RESOURCEGROUPDELETIONJOB-" + existing.name().toUpperCase(Locale.ROOT) + "-"
                            + existing.location().toUpperCase(Locale.ROOT))
                    .put("jobLocation", existing.location()).put("operationId", op.id())).getBytes(StandardCharsets.UTF_8));
            String url = req.baseUrl() + "/subscriptions/" + id.subscriptionId() + "/operationresults/" + token
                    + "?api-version=" + req.apiVersion();
            return ArmResponse.empty(202).withHeader("Location", url).withHeader("Retry-After", "1");
        });
    }

    /** The Location URL of a group delete. */
    public ArmResponse deleteResult(String token, String selfUrl) {
        String opId;
        try {
            opId = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).path("operationId").asText();
        } catch (RuntimeException e) {
            throw ArmErrors.operationNotFound(token);
        }
        return operations.result(opId, selfUrl);
    }

    private ArmResponse completeDelete(OperationRecord op) {
        store.get(op.resourceKey()).ifPresent(this::cascade);
        return ArmResponse.empty(200);
    }

    /** Deletes the group and everything under it, telling each top-level resource's type. */
    private void cascade(ResourceRecord group) {
        ResourceQuery q = ResourceQuery.in(group.subscriptionId()).resourceGroup(group.resourceGroup()).tracked();
        store.listAll(q.limit(500)).forEach(r -> {
            ResolvedType t = typeOfKey.apply(r.key());
            if (t != null) {
                ResourceId rid = ResourceId.parse(r.id());
                t.spec().behavior().afterDelete(new DeleteContext(rid, Documents.parse(r.body()), true, null));
            }
        });
        store.deleteTree(group.key());
        secrets.deleteTree(group.key());
    }

    private void write(ResourceId id, ObjectNode doc, String location, ResourceRecord existing) {
        Instant now = clock.instant();
        ResourceRecord rec = new ResourceRecord(id.key(), id.id(), id.subscriptionId().toLowerCase(Locale.ROOT),
                id.resourceGroup().toLowerCase(Locale.ROOT), TYPE_KEY, ResourceId.subscription(id.subscriptionId()).key(),
                id.resourceGroup(), location, false, Json.write(doc), "\"" + UUID.randomUUID() + "\"",
                existing == null ? now : existing.createdAt(), now);
        WriteCondition cond = existing == null ? WriteCondition.ABSENT : WriteCondition.etag(existing.etag());
        if (!store.put(rec, cond)) throw ArmErrors.concurrentUpdate(id.id());
    }

    private static ObjectNode document(ResourceId id, String location, JsonNode tags, JsonNode managedBy, String state) {
        ObjectNode doc = Json.object();
        doc.put("id", id.id());
        doc.put("name", id.resourceGroup());
        doc.put("type", TYPE);
        doc.put("location", location);
        if (managedBy != null && !managedBy.isNull()) doc.set("managedBy", managedBy);
        if (tags != null && !tags.isNull() && tags.size() > 0) doc.set("tags", tags);
        doc.putObject("properties").put("provisioningState", state);
        return doc;
    }

    /** arm.md §2: 1-90 characters of letters, digits, '-', '_', '.', '(' and ')', not ending in '.'. */
    public static void validateName(String name) {
        if (name.isEmpty() || name.length() > 90 || name.endsWith(".")) throw ArmErrors.invalidResourceGroupLength(name);
        if (!VALID.matcher(name).matches()) {
            StringBuilder bad = new StringBuilder();
            name.codePoints().filter(c -> !VALID.matcher(new String(Character.toChars(c))).matches())
                    .distinct().forEach(bad::appendCodePoint);
            throw ArmErrors.invalidResourceGroup(name, bad.toString());
        }
    }

    public static String typeKey() { return TYPE_KEY; }
}
