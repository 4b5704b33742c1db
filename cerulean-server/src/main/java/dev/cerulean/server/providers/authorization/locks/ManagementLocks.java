package dev.cerulean.server.providers.authorization.locks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.server.rbac.ScopeKeys;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code Microsoft.Authorization/locks} at subscription, resource-group and resource scope, stored
 * as untracked resources keyed under their scope ({@code {scope}/providers/microsoft.authorization/locks/{name}}),
 * like role assignments. PUT creates (201) or replaces (200), DELETE answers 200, or 204 when there
 * is nothing to delete; a list at a scope holds the locks at and below it, {@code $filter=atScope()}
 * those at and above it (the ones that apply there).
 */
final class ManagementLocks {

    static final String TYPE = "Microsoft.Authorization/locks";
    static final String TYPE_KEY = "microsoft.authorization/locks";
    static final int MAX_NOTES = 512;
    private static final int MAX_NAME = 260;
    private static final Pattern BAD_NAME = Pattern.compile("[<>%&:\\\\?/\\p{Cntrl}]");
    private static final Pattern AT_SCOPE = Pattern.compile("\\s*atScope\\(\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);

    private final ResourceStore store;
    private final Transactions transactions;
    private final LockGuard guard;
    private final Clock clock;

    ManagementLocks(ResourceStore store, Transactions transactions, LockGuard guard, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.guard = guard;
        this.clock = clock;
    }

    ExtensionResponse handle(ExtensionRequest r) {
        if (r.scope() == null) throw ArmErrors.missingSubscription();
        if (r.name() == null) {
            if (!r.method().equals("GET")) throw ArmErrors.methodNotAllowed(r.method());
            return list(r);
        }
        return switch (r.method()) {
            case "GET" -> new ExtensionResponse(200, Json.parse(find(r).orElseThrow(() -> LockErrors.lockNotFound(r.name())).body()));
            case "PUT" -> put(r);
            case "DELETE" -> delete(r);
            default -> throw ArmErrors.methodNotAllowed(r.method());
        };
    }

    private ExtensionResponse list(ExtensionRequest r) {
        String filter = r.query().apply("$filter");
        boolean atScope = false;
        if (filter != null && !filter.isBlank()) {
            if (!AT_SCOPE.matcher(filter).matches()) throw LockErrors.unsupportedFilter(filter);
            atScope = true;
        }
        String scope = r.scope().key();
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (ResourceRecord rec : LockGuard.all(store, r.scope().subscriptionId())) {
            String lockScope = rec.parentKey();
            if (atScope ? ScopeKeys.atOrAbove(lockScope, scope) : ScopeKeys.atOrAbove(scope, lockScope)) {
                value.add(Json.parse(rec.body()));
            }
        }
        return new ExtensionResponse(200, Json.object().set("value", value));
    }

    private ExtensionResponse put(ExtensionRequest r) {
        String name = r.name();
        if (name.length() > MAX_NAME || BAD_NAME.matcher(name).find() || name.isBlank()) throw LockErrors.invalidName(name);
        ObjectNode doc = document(r.scope(), name, properties(r));
        ExtensionResponse answer = transactions.inTransaction(() -> {
            Optional<ResourceRecord> old = store.get(key(r.scope(), name));
            Instant now = clock.instant();
            String id = doc.path("id").asText();
            ResourceId scope = r.scope();
            ResourceRecord rec = new ResourceRecord(id.toLowerCase(Locale.ROOT), id, scope.subscriptionId().toLowerCase(Locale.ROOT),
                    scope.resourceGroup() == null ? null : scope.resourceGroup().toLowerCase(Locale.ROOT), TYPE_KEY, scope.key(),
                    name, null, false, Json.write(doc), "\"" + UUID.randomUUID() + "\"",
                    old.map(ResourceRecord::createdAt).orElse(now), now);
            boolean written = store.put(rec, old.map(o -> WriteCondition.etag(o.etag())).orElse(WriteCondition.ABSENT));
            if (!written) throw ArmErrors.concurrentUpdate(id);
            return new ExtensionResponse(old.isPresent() ? 200 : 201, doc);
        });
        guard.invalidate(r.scope().subscriptionId());
        return answer;
    }

    private ExtensionResponse delete(ExtensionRequest r) {
        ExtensionResponse answer = transactions.inTransaction(() -> {
            Optional<ResourceRecord> rec = find(r);
            if (rec.isEmpty()) return new ExtensionResponse(204, null);
            store.delete(rec.get().key(), WriteCondition.ALWAYS);
            return new ExtensionResponse(200, null);
        });
        guard.invalidate(r.scope().subscriptionId());
        return answer;
    }

    /** {@code level} (CanNotDelete or ReadOnly, any case), {@code notes} (at most 512 characters), {@code owners}. */
    private static ObjectNode properties(ExtensionRequest r) {
        JsonNode body = r.body().get();
        JsonNode props = body.get("properties");
        if (props == null || !props.isObject()) throw LockErrors.missingProperties();
        JsonNode level = props.get("level");
        if (level == null || level.isNull()) throw LockErrors.invalidLevel(null);
        String canonical = switch (level.isTextual() ? level.asText().toLowerCase(Locale.ROOT) : "") {
            case "cannotdelete" -> "CanNotDelete";
            case "readonly" -> "ReadOnly";
            default -> throw LockErrors.invalidLevel(level.isTextual() ? level.asText() : level.toString());
        };
        ObjectNode out = Json.object();
        out.put("level", canonical);
        JsonNode notes = props.get("notes");
        if (notes != null && !notes.isNull()) {
            if (notes.asText().length() > MAX_NOTES) throw LockErrors.notesTooLong(notes.asText().length());
            out.put("notes", notes.asText());
        }
        JsonNode owners = props.get("owners");
        if (owners != null && !owners.isNull()) {
            if (!owners.isArray()) throw LockErrors.invalidOwners();
            ArrayNode list = out.putArray("owners");
            for (JsonNode o : owners) {
                if (!o.isObject()) throw LockErrors.invalidOwners();
                ObjectNode owner = list.addObject();
                if (o.hasNonNull("applicationId")) owner.put("applicationId", o.get("applicationId").asText());
            }
        }
        return out;
    }

    private static ObjectNode document(ResourceId scope, String name, ObjectNode properties) {
        ObjectNode doc = Json.object();
        doc.set("properties", properties);
        doc.put("id", scope.id() + "/providers/" + TYPE + "/" + name);
        doc.put("type", TYPE);
        doc.put("name", name);
        return doc;
    }

    private Optional<ResourceRecord> find(ExtensionRequest r) {
        return store.get(key(r.scope(), r.name()));
    }

    private static String key(ResourceId scope, String name) {
        return (scope.id() + "/providers/" + TYPE + "/" + name).toLowerCase(Locale.ROOT);
    }
}
