package dev.cerulean.server.arm.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.LroSettings;
import dev.cerulean.server.arm.ProviderRegistry.ResolvedType;
import dev.cerulean.server.arm.lro.Operations;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;
import dev.cerulean.server.arm.spi.ResourceAction;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Generic GET, HEAD, PUT, PATCH, DELETE and POST-action handling for every provider resource
 * type: the envelope, tags, systemData, ETags and conditional requests, long-running answers,
 * and the provider's behaviour hooks, each write in one transaction (arm.md §8, §11).
 */
public final class ResourceHandler {

    private static final String FORBIDDEN_NAME_CHARS = "<>%&:\\?/";

    private final ResourceStore store;
    private final SecretStore secrets;
    private final Transactions transactions;
    private final Operations operations;
    private final Scopes scopes;
    private final LroSettings lro;
    private final Clock clock;
    private final java.util.function.Function<String, ResolvedType> typeOfKey;

    /**
     * @param typeOfKey resolves a stored resource key to its declared type (to run the type's hooks when
     *                  an operation completes later)
     */
    public ResourceHandler(ResourceStore store, SecretStore secrets, Transactions transactions, Operations operations,
                           LroSettings lro, Clock clock, java.util.function.Function<String, ResolvedType> typeOfKey) {
        this.store = store;
        this.secrets = secrets;
        this.transactions = transactions;
        this.operations = operations;
        this.scopes = new Scopes(store);
        this.lro = lro;
        this.clock = clock;
        this.typeOfKey = typeOfKey;
        operations.register("create", this::completeCreate, op -> current(op.resourceKey()));
        operations.register("delete", this::completeDelete, op -> ArmResponse.empty(200));
        operations.register("action:", this::completeAction, op -> ArmResponse.empty(200));
    }

    public Scopes scopes() { return scopes; }

    // --- reads ----------------------------------------------------------------------------

    public ArmResponse get(ResourceId id, ResolvedType t) {
        ResourceRecord rec = store.get(id.key()).orElseThrow(() -> scopes.missing(id));
        ArmResponse r = ArmResponse.stored(200, rec);
        return t.spec().etag() ? r.withHeader("ETag", rec.etag()) : r;
    }

    public ArmResponse head(ResourceId id) {
        return store.get(id.key()).isPresent() ? ArmResponse.empty(204) : ArmResponse.empty(404);
    }

    // --- writes ---------------------------------------------------------------------------

    public ArmResponse put(ArmRequest req, ResourceId id, ResolvedType t) {
        ObjectNode body = req.jsonObject();
        validateGenericName(id, t);
        scopes.writableResourceGroup(id);
        scopes.parent(id);
        ResourceRecord existingRec = store.get(id.key()).orElse(null);
        checkPreconditions(req, existingRec, false);
        ObjectNode existing = existingRec == null ? null : Documents.parse(existingRec.body());
        ObjectNode requested = Documents.sanitize(body, t.spec().readOnlyProperties());
        Documents.validateTags(requested.get("tags"));
        Documents.keepReadOnly(requested, existing, t.spec().readOnlyProperties());
        return write(req, id, t, new WriteContext(id, requested, existing, false, req.apiVersion(), req.caller()), existingRec);
    }

    public ArmResponse patch(ArmRequest req, ResourceId id, ResolvedType t) {
        ObjectNode body = req.jsonObject();
        ResourceRecord existingRec = store.get(id.key()).orElseThrow(() -> scopes.missing(id));
        scopes.writableResourceGroup(id);
        checkPreconditions(req, existingRec, true);
        ObjectNode existing = Documents.parse(existingRec.body());
        ObjectNode patch = Documents.sanitize(body, t.spec().readOnlyProperties());
        patch.remove("location"); // a resource cannot move; RPs ignore location on PATCH (acr.md §1.5)
        Documents.validateTags(patch.get("tags"));
        ObjectNode merged = existing.deepCopy();
        JsonNode tags = patch.remove("tags");
        Documents.mergePatch(merged, patch);
        if (tags != null) merged.set("tags", tags.isNull() ? Json.object() : tags); // tags replace wholesale (arm.md §11)
        return write(req, id, t, new WriteContext(id, merged, existing, true, req.apiVersion(), req.caller()), existingRec);
    }

    private ArmResponse write(ArmRequest req, ResourceId id, ResolvedType t, WriteContext ctx, ResourceRecord existingRec) {
        String location = null;
        if (t.spec().tracked()) {
            location = Documents.requireLocation(ctx.requested());
            if (ctx.existing() != null) {
                String old = ctx.existing().path("location").asText();
                if (!old.equalsIgnoreCase(location)) throw ArmErrors.locationChanged(id.name(), old, id.resourceGroup(), location);
            }
        }
        boolean create = ctx.isCreate();
        LroPolicy policy = create ? lro.resolve(t.qualifiedType(), "create", t.spec().createLro()) : LroPolicy.SYNC;
        String finalLocation = location;
        return transactions.inTransaction(() -> {
            t.spec().behavior().validateName(ctx);
            ObjectNode doc = t.spec().behavior().onWrite(ctx);
            if (!doc.has("tags") && t.spec().tracked()) doc.set("tags", Json.object());
            // a child type that carries a location (ML computes) keeps the one its hook chose
            String docLocation = finalLocation != null ? finalLocation : textOrNull(doc.get("location"));
            doc.remove("location");
            boolean pending = policy.isAsync() && policy.polls() > 0;
            Documents.properties(doc).put("provisioningState", pending ? "Creating" : "Succeeded");
            ApiError failure = create && !pending ? t.spec().behavior().finishProvisioning(id, doc) : null;
            if (failure != null) Documents.properties(doc).put("provisioningState", Operations.FAILED);
            Instant now = clock.instant();
            doc.set("systemData", dev.cerulean.server.arm.spi.SystemData.of(ctx.caller(), ctx.existing(), now));
            String etag = "\"" + UUID.randomUUID() + "\"";
            if (t.spec().etag()) doc.put("etag", etag);
            ObjectNode out = Documents.envelope(id.id(), id.name(), t.qualifiedType(), docLocation, doc);
            ResourceRecord rec = record(id, t, docLocation, out, etag,
                    existingRec == null ? now : existingRec.createdAt(), now);
            WriteCondition cond = existingRec == null ? WriteCondition.ABSENT : WriteCondition.etag(existingRec.etag());
            if (!store.put(rec, cond)) throw ArmErrors.concurrentUpdate(id.id());
            boolean accepted = policy.isAsync() && policy.style() == LroStyle.ACCEPTED_WITH_BOTH;
            ArmResponse r = accepted ? ArmResponse.empty(202) : ArmResponse.stored(create ? 201 : 200, rec);
            if (t.spec().etag()) r = r.withHeader("ETag", etag);
            if (create) r = createdAnswer(r, policy, t.spec().behavior());
            if (policy.isAsync()) {
                // With zero polls the work is already done; the answer still has the async form clients expect.
                var op = pending ? operations.start("create", id.key(), policy.polls(), null)
                        : failure != null ? operations.startFailed("create", id.key(), failure)
                        : operations.startCompleted("create", id.key());
                r = asyncHeaders(r, req, id, t, docLocation, op.id(), policy.style(), true);
            }
            return r;
        });
    }

    // --- delete ---------------------------------------------------------------------------

    public ArmResponse delete(ArmRequest req, ResourceId id, ResolvedType t) {
        t.spec().behavior().validateDelete(id, req::queryParam);
        ResourceRecord rec = store.get(id.key()).orElse(null);
        if (rec == null) {
            if (id.resourceGroup() != null) scopes.resourceGroup(id);
            if (req.header("If-Match") != null) throw ArmErrors.preconditionFailed();
            return ArmResponse.empty(204);
        }
        checkPreconditions(req, rec, true);
        ObjectNode existing = Documents.parse(rec.body());
        DeleteContext ctx = new DeleteContext(id, existing, false, req.caller());
        LroPolicy policy = lro.resolve(t.qualifiedType(), "delete", t.spec().deleteLro());
        return transactions.inTransaction(() -> {
            t.spec().behavior().beforeDelete(ctx);
            if (!policy.isAsync()) {
                deleteTree(id, t, ctx);
                return ArmResponse.empty(200);
            }
            if (policy.polls() == 0) {
                deleteTree(id, t, ctx);
                var done = operations.startCompleted("delete", id.key());
                return asyncHeaders(ArmResponse.empty(202), req, id, t, locationOf(existing), done.id(), policy.style(), false);
            }
            Documents.properties(existing).put("provisioningState", Scopes.DELETING);
            store.put(new ResourceRecord(rec.key(), rec.id(), rec.subscriptionId(), rec.resourceGroup(), rec.typeKey(),
                    rec.parentKey(), rec.name(), rec.location(), rec.tracked(), Json.write(existing), rec.etag(),
                    rec.createdAt(), clock.instant()), WriteCondition.etag(rec.etag()));
            var op = operations.start("delete", id.key(), policy.polls(), null);
            return asyncHeaders(ArmResponse.empty(202), req, id, t, locationOf(existing), op.id(), policy.style(), false);
        });
    }

    /** Removes the resource, its children and their secrets; runs the type's after-delete hook. */
    public void deleteTree(ResourceId id, ResolvedType t, DeleteContext ctx) {
        store.deleteTree(id.key());
        secrets.deleteTree(id.key());
        t.spec().behavior().afterDelete(ctx);
    }

    // --- actions --------------------------------------------------------------------------

    public ArmResponse action(ArmRequest req, ResourceId id, ResolvedType t, String actionName) {
        ResourceAction action = t.spec().action(actionName);
        ResourceRecord rec = store.get(id.key()).orElseThrow(() -> scopes.missing(id));
        JsonNode body = req.json();
        LroPolicy policy = lro.resolve(t.qualifiedType(), actionName, t.spec().actionLroFor(actionName));
        if (policy.isAsync()) {
            return transactions.inTransaction(() -> {
                action.validate(new ResourceAction.ActionContext(id, Documents.parse(rec.body()), body, req.apiVersion(),
                        req.caller()));
                String input = Json.write(Json.object().put("action", actionName).put("apiVersion", req.apiVersion())
                        .put("callerName", req.caller().name()).put("callerType", req.caller().type())
                        .put("callerTenant", req.caller().tenantId()).put("callerObject", req.caller().objectId())
                        .set("body", body));
                var op = operations.start("action:" + actionName.toLowerCase(Locale.ROOT), id.key(), policy.polls(), input);
                return asyncHeaders(ArmResponse.empty(202), req, id, t, locationOf(Documents.parse(rec.body())),
                        op.id(), policy.style(), false);
            });
        }
        JsonNode result = transactions.inTransaction(() -> action.invoke(
                new ResourceAction.ActionContext(id, Documents.parse(rec.body()), body, req.apiVersion(), req.caller())));
        return result == null ? ArmResponse.empty(200) : ArmResponse.json(200, result);
    }

    // --- operation completions -----------------------------------------------------------

    private ArmResponse completeCreate(dev.cerulean.store.OperationRecord op) {
        ResourceRecord rec = store.get(op.resourceKey()).orElse(null);
        if (rec == null) throw ArmErrors.operationNotFound(op.id());
        ObjectNode doc = Documents.parse(rec.body());
        ResolvedType t = typeOfKey.apply(rec.key());
        ApiError failure = t == null ? null : t.spec().behavior().finishProvisioning(ResourceId.parse(rec.id()), doc);
        Documents.properties(doc).put("provisioningState", failure == null ? "Succeeded" : Operations.FAILED);
        ResourceRecord done = new ResourceRecord(rec.key(), rec.id(), rec.subscriptionId(), rec.resourceGroup(),
                rec.typeKey(), rec.parentKey(), rec.name(), rec.location(), rec.tracked(), Json.write(doc), rec.etag(),
                rec.createdAt(), rec.changedAt());
        store.put(done, WriteCondition.ALWAYS);
        return failure == null ? ArmResponse.stored(200, done) : Operations.failure(failure);
    }

    private ArmResponse completeDelete(dev.cerulean.store.OperationRecord op) {
        ResourceRecord rec = store.get(op.resourceKey()).orElse(null);
        if (rec == null) return ArmResponse.empty(200);
        ResourceId id = ResourceId.parse(rec.id());
        ResolvedType t = typeOfKey.apply(rec.key());
        deleteTree(id, t, new DeleteContext(id, Documents.parse(rec.body()), false, null));
        return ArmResponse.empty(200);
    }

    private ArmResponse completeAction(dev.cerulean.store.OperationRecord op) {
        ResourceRecord rec = store.get(op.resourceKey()).orElseThrow(() -> ArmErrors.operationNotFound(op.id()));
        ObjectNode input = Documents.parse(op.result());
        ResourceId id = ResourceId.parse(rec.id());
        ResolvedType t = typeOfKey.apply(rec.key());
        var caller = new dev.cerulean.server.arm.spi.Caller(input.path("callerTenant").asText(),
                input.path("callerObject").asText(), input.path("callerName").asText(), input.path("callerType").asText());
        JsonNode body = input.get("body");
        JsonNode result = t.spec().action(input.path("action").asText()).invoke(new ResourceAction.ActionContext(
                id, Documents.parse(rec.body()), body == null || body.isNull() ? null : body,
                input.path("apiVersion").asText(), caller));
        return result == null ? ArmResponse.empty(200) : ArmResponse.json(200, result);
    }

    private ArmResponse current(String key) {
        return store.get(key).map(r -> ArmResponse.stored(200, r)).orElse(ArmResponse.empty(204));
    }

    // --- shared pieces --------------------------------------------------------------------

    private ArmResponse asyncHeaders(ArmResponse r, ArmRequest req, ResourceId id, ResolvedType t, String location,
                                     String opId, LroStyle style, boolean put) {
        String loc = location == null ? "global" : location;
        String ns = t.provider().namespace();
        String statusUrl = Operations.statusUrl(req.baseUrl(), id.subscriptionId(), ns, loc, opId, req.apiVersion());
        String resultUrl = Operations.resultUrl(req.baseUrl(), id.subscriptionId(), ns, loc, opId, req.apiVersion());
        r = r.withHeader("Retry-After", "1");
        boolean both = style == LroStyle.ACCEPTED_WITH_BOTH;
        if (style == LroStyle.AZURE_ASYNC_OPERATION || both) r = r.withHeader("Azure-AsyncOperation", statusUrl);
        if (style == LroStyle.LOCATION || both || !put) r = r.withHeader("Location", resultUrl);
        return r;
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private String locationOf(ObjectNode doc) {
        JsonNode l = doc.get("location");
        return l == null || l.isNull() ? null : l.asText();
    }

    /** arm.md §11: If-Match / If-None-Match on PUT, PATCH and DELETE. */
    private void checkPreconditions(ArmRequest req, ResourceRecord existing, boolean mustExist) {
        String ifMatch = req.header("If-Match");
        String ifNoneMatch = req.header("If-None-Match");
        if (ifMatch != null) {
            if (existing == null) throw ArmErrors.preconditionFailed();
            if (!ifMatch.trim().equals("*") && !ifMatch.trim().equals(existing.etag())) throw ArmErrors.preconditionFailed();
        }
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*") && existing != null && !mustExist) {
            throw ArmErrors.preconditionFailed();
        }
    }

    /**
     * A Location-style create answers 202 with no body (the result comes from the Location URL, as
     * storage accounts do: their SDKs accept 200 or 202, never 201); a synchronous one answers the
     * status the type's service uses.
     */
    private static ArmResponse createdAnswer(ArmResponse r, LroPolicy policy, ResourceBehavior behavior) {
        if (policy.style() == LroStyle.LOCATION) return new ArmResponse(202, r.headers(), null);
        if (r.status() == 201 && behavior.createdStatus() != 201) return new ArmResponse(behavior.createdStatus(), r.headers(), r.body());
        return r;
    }

    private static void validateGenericName(ResourceId id, ResolvedType t) {
        String name = id.name();
        if (name.length() > 260 || name.chars().anyMatch(c -> c < 32 || FORBIDDEN_NAME_CHARS.indexOf(c) >= 0)
                || name.endsWith(".") || name.isBlank()) {
            throw ArmErrors.invalidResourceName(name, t.qualifiedType());
        }
    }

    private static ResourceRecord record(ResourceId id, ResolvedType t, String location, ObjectNode doc, String etag,
                                         Instant created, Instant changed) {
        ResourceId parent = id.parent();
        return new ResourceRecord(id.key(), id.id(), id.subscriptionId().toLowerCase(Locale.ROOT),
                id.resourceGroup() == null ? null : id.resourceGroup().toLowerCase(Locale.ROOT),
                t.qualifiedType().toLowerCase(Locale.ROOT), parent == null ? null : parent.key(), id.name(), location,
                t.spec().tracked(), Json.write(doc), etag, created, changed);
    }
}
