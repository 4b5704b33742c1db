package dev.cerulean.server.providers.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.server.arm.spi.ExtensionTypes;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code Microsoft.Insights/diagnosticSettings}, an extension resource stored under the resource (or
 * subscription) it configures: {@code {scope}/providers/Microsoft.Insights/diagnosticSettings/{name}}.
 * The document is checked (a destination, resource ids of the right types, log and metric entries)
 * and kept; nothing is ever sent anywhere. Stored as a resource row whose parent is the scope, so
 * deleting the resource or its group deletes its settings.
 */
final class DiagnosticSettings implements ExtensionTypes {

    static final String TYPE = "Microsoft.Insights/diagnosticSettings";
    private static final String TYPE_KEY = TYPE.toLowerCase(Locale.ROOT);
    private static final List<String> API_VERSIONS = List.of("2021-05-01-preview", "2020-01-01-preview", "2017-05-01-preview",
            "2016-09-01", "2015-07-01");

    private final ResourceStore store;
    private final Clock clock;

    DiagnosticSettings(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<String> types() {
        return List.of("diagnosticSettings");
    }

    @Override
    public List<String> apiVersions() {
        return API_VERSIONS;
    }

    @Override
    public ExtensionResponse handle(ExtensionRequest r) {
        if (r.scope() == null || r.scope().isResourceGroup()) throw InsightsErrors.scopeNotSupported(r.scopeText());
        if (r.name() == null) {
            if (!r.method().equals("GET")) throw ArmErrors.methodNotAllowed(r.method());
            return list(r.scope());
        }
        return switch (r.method()) {
            case "GET" -> get(r);
            case "PUT" -> put(r);
            case "DELETE" -> delete(r);
            default -> throw ArmErrors.methodNotAllowed(r.method());
        };
    }

    private ExtensionResponse get(ExtensionRequest r) {
        ResourceRecord rec = store.get(key(r.scope(), r.name())).orElseThrow(() -> InsightsErrors.settingNotFound(r.name()));
        return new ExtensionResponse(200, Json.parse(rec.body()));
    }

    private ExtensionResponse list(ResourceId scope) {
        ArrayNode value = Json.MAPPER.createArrayNode();
        store.listAll(ResourceQuery.in(scope.subscriptionId().toLowerCase(Locale.ROOT)).type(TYPE_KEY).parent(scope.key()).limit(500))
                .forEach(rec -> value.add(Json.parse(rec.body())));
        return new ExtensionResponse(200, Json.object().set("value", value));
    }

    private ExtensionResponse put(ExtensionRequest r) {
        if (!validName(r.name())) throw ArmErrors.invalidResourceName(r.name(), TYPE);
        JsonNode body = r.body().get();
        ObjectNode props = DiagnosticSettingProperties.check(body.get("properties"));
        String id = r.scope().id() + "/providers/" + TYPE + "/" + r.name();
        ObjectNode doc = Json.object();
        doc.put("id", id);
        doc.put("name", r.name());
        doc.put("type", TYPE);
        doc.set("properties", props);
        Instant now = clock.instant();
        ResourceRecord old = store.get(id.toLowerCase(Locale.ROOT)).orElse(null);
        ResourceId scope = r.scope();
        store.put(new ResourceRecord(id.toLowerCase(Locale.ROOT), id, scope.subscriptionId().toLowerCase(Locale.ROOT),
                scope.resourceGroup() == null ? null : scope.resourceGroup().toLowerCase(Locale.ROOT), TYPE_KEY, scope.key(),
                r.name(), null, false, Json.write(doc), "\"" + UUID.randomUUID() + "\"",
                old == null ? now : old.createdAt(), now), WriteCondition.ALWAYS);
        return new ExtensionResponse(200, doc);
    }

    private ExtensionResponse delete(ExtensionRequest r) {
        return new ExtensionResponse(store.delete(key(r.scope(), r.name()), WriteCondition.ALWAYS) ? 200 : 204, null);
    }

    /** 1-260 characters, none of the characters ARM refuses in names. */
    static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= 260 && name.chars().noneMatch(c -> c < 32 || "<>%&:\\?/*#|".indexOf(c) >= 0);
    }

    private static String key(ResourceId scope, String name) {
        return (scope.id() + "/providers/" + TYPE + "/" + name).toLowerCase(Locale.ROOT);
    }
}
