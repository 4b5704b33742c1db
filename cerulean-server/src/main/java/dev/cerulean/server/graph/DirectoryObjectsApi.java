package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.Application;
import dev.cerulean.store.IdentityStore;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /directoryObjects/{id}} and {@code POST /directoryObjects/getByIds}: objects of any type by
 * object id, each carrying {@code @odata.type} (az indexes it, graph-rbac.md §2.6). Ids that match
 * nothing are left out, as Graph does.
 */
final class DirectoryObjectsApi {

    static final int MAX_IDS = 1000;
    private static final Set<String> BODY = Set.of("ids", "types");
    /** Graph's directory object types; only users, service principals and applications exist here. */
    private static final Set<String> KNOWN_TYPES = Set.of("user", "group", "serviceprincipal", "application",
            "device", "directoryobjectpartnerreference", "orgcontact", "directoryrole", "administrativeunit");

    private final IdentityStore identities;

    DirectoryObjectsApi(IdentityStore identities) {
        this.identities = identities;
    }

    GraphResponse handle(GraphRequest r) {
        String id = r.segment(1);
        if (id == null || r.segments().size() > 2) {
            throw id == null ? GraphErrors.methodNotAllowed() : GraphErrors.unknownSegment(r.segment(2));
        }
        if (id.equalsIgnoreCase("getByIds")) {
            if (!r.method().equals("POST")) throw GraphErrors.methodNotAllowed();
            return getByIds(r);
        }
        if (!r.method().equals("GET")) throw GraphErrors.methodNotAllowed();
        ObjectNode found = find(r, GraphBodies.objectId(id), KNOWN_TYPES).orElseThrow(() -> GraphErrors.notFound(id));
        ObjectNode out = Json.object().put("@odata.context", r.base() + "/$metadata#directoryObjects/$entity");
        out.setAll(found);
        return GraphResponse.ok(out);
    }

    private GraphResponse getByIds(GraphRequest r) {
        ObjectNode body = GraphBodies.object(r.body(), true);
        GraphBodies.checkProperties(body, "microsoft.graph.getByIds", BODY, Set.of());
        JsonNode ids = body.get("ids");
        if (ids == null || !ids.isArray()) throw GraphErrors.missingProperty("ids");
        if (ids.size() > MAX_IDS) throw GraphErrors.tooManyIds(MAX_IDS);
        Set<String> types = types(body.get("types"));
        Set<String> objectIds = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) throw GraphErrors.invalidValue("ids", "an array of object ids");
            objectIds.add(GraphBodies.objectId(id.asText()));
        }
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (String objectId : objectIds) {
            find(r, objectId, types).ifPresent(value::add);
        }
        ObjectNode out = Json.object().put("@odata.context", r.base() + "/$metadata#directoryObjects");
        out.set("value", value);
        return GraphResponse.ok(out);
    }

    private static Set<String> types(JsonNode node) {
        if (node == null || node.isNull()) return KNOWN_TYPES;
        if (!node.isArray()) throw GraphErrors.invalidValue("types", "an array of type names");
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode type : node) {
            String name = type.asText().toLowerCase(Locale.ROOT).replaceFirst("^#?microsoft\\.graph\\.", "");
            if (!type.isTextual() || !KNOWN_TYPES.contains(name)) {
                throw GraphErrors.invalidValue("types", "directory object type names such as user or servicePrincipal");
            }
            types.add(name);
        }
        return types;
    }

    private Optional<ObjectNode> find(GraphRequest r, String objectId, Set<String> types) {
        String tenantId = r.tenantId();
        if (types.contains("user")) {
            var user = identities.user(tenantId, objectId);
            if (user.isPresent()) return Optional.of(GraphObjects.typed(GraphObjects.USER_TYPE,
                    GraphObjects.user(user.get())));
        }
        if (types.contains("serviceprincipal")) {
            var sp = identities.servicePrincipalByObjectId(tenantId, objectId);
            if (sp.isPresent()) {
                Application app = identities.applicationByAppId(tenantId, sp.get().appId()).orElse(null);
                return Optional.of(GraphObjects.typed(GraphObjects.SERVICE_PRINCIPAL_TYPE, GraphObjects.servicePrincipal(
                        sp.get(), app, tenantId, identities.passwordCredentials(objectId))));
            }
        }
        if (types.contains("application")) {
            var app = identities.application(tenantId, objectId);
            if (app.isPresent()) {
                String domain = identities.tenant(tenantId).map(t -> t.defaultDomain()).orElse(null);
                return Optional.of(GraphObjects.typed(GraphObjects.APPLICATION_TYPE, GraphObjects.application(
                        app.get(), domain, identities.passwordCredentials(objectId))));
            }
        }
        return Optional.empty();
    }

}
