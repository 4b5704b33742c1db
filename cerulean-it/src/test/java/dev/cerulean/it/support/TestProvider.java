package dev.cerulean.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;
import dev.cerulean.server.arm.spi.ProviderAction;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.server.arm.spi.WriteContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A provider that exists only in tests, proving the plug-in interface without any real Azure
 * type: validation, defaults, a read-only property, a POST action, a subscription-level action,
 * a child type, ETags and both long-running styles.
 */
public final class TestProvider implements ResourceProvider {

    public static final String NAMESPACE = "Cerulean.Test";

    private static final ResourceBehavior WIDGETS = new ResourceBehavior() {
        @Override
        public void validateName(WriteContext ctx) {
            if (!ctx.id().name().matches("^[a-z][a-z0-9-]{2,30}$")) {
                throw ApiError.of(400, "InvalidWidgetName", "Widget names are 3-31 lower-case letters, digits and dashes.");
            }
        }

        @Override
        public ObjectNode onWrite(WriteContext ctx) {
            ObjectNode doc = ctx.requested();
            ObjectNode props = doc.with("properties");
            JsonNode size = props.get("size");
            if (size != null && (!size.canConvertToInt() || size.asInt() < 1 || size.asInt() > 10)) {
                throw ApiError.of(400, "InvalidWidgetSize", "The widget size must be an integer from 1 to 10.");
            }
            if (!props.has("color")) props.put("color", "blue");
            if (ctx.isCreate()) props.put("serial", UUID.randomUUID().toString());
            return doc;
        }

        @Override
        public void beforeDelete(DeleteContext ctx) {
            if (ctx.existing().path("properties").path("locked").asBoolean(false)) {
                throw ApiError.of(409, "WidgetLocked", "The widget is locked and cannot be deleted.");
            }
        }
    };

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<ResourceTypeSpec> resourceTypes() {
        return List.of(
                ResourceTypeSpec.tracked("widgets").withApiVersions("2024-06-01", "2024-01-01-preview")
                        .withBehavior(WIDGETS).withEtag(true).withReadOnlyProperties("serial")
                        .withAction("rotate", ctx -> Json.object().put("rotated", true)
                                .put("serial", ctx.resource().path("properties").path("serial").asText())),
                ResourceTypeSpec.proxy("widgets/gadgets").withApiVersions("2024-06-01"),
                ResourceTypeSpec.tracked("slowwidgets").withApiVersions("2024-06-01")
                        .withCreateLro(new LroPolicy(LroStyle.AZURE_ASYNC_OPERATION, 2))
                        .withDeleteLro(new LroPolicy(LroStyle.LOCATION, 1))
                        .withAction("compute", ctx -> Json.object().put("answer", 42), new LroPolicy(LroStyle.LOCATION, 1)));
    }

    @Override
    public Map<String, ProviderAction> providerActions() {
        return Map.of("checkWidgetName", (sub, body, caller, version) ->
                Json.object().put("nameAvailable", body != null && body.path("name").asText().length() > 2));
    }
}
