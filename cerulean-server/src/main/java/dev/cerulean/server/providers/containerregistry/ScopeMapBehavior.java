package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceRecord;

import java.time.Clock;
import java.util.List;

/**
 * What scope maps do beyond generic ARM (acr.md §2): name rules, validated action lists,
 * {@code type: UserDefined} and {@code creationDate}; system-defined scope maps cannot be written or
 * deleted, {@code _}-prefixed names are reserved for them, a scope map used by a token cannot be
 * deleted, and the SKU limits how many a registry may have.
 */
final class ScopeMapBehavior implements ResourceBehavior {

    /** Longest description (az's help text: "Maximum 256 characters are allowed"). */
    static final int MAX_DESCRIPTION = 256;

    private final RegistryDirectory directory;
    private final Clock clock;

    ScopeMapBehavior(RegistryDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void validateName(WriteContext ctx) {
        String name = ctx.id().name();
        if (ctx.existing() != null && SystemScopeMaps.isSystemDefined(ctx.existing())) {
            throw AcrErrors.systemScopeMapCannotBeModified(ctx.existing().path("name").asText(name));
        }
        if (!NameRules.isScopeMapName(name)) throw AcrErrors.scopeMapNameInvalid(name);
        if (ctx.isCreate() && name.startsWith("_")) throw AcrErrors.reservedScopeMapName(name);
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        if (ctx.existing() != null && SystemScopeMaps.isSystemDefined(ctx.existing())) {
            throw AcrErrors.systemScopeMapCannotBeModified(ctx.existing().path("name").asText(ctx.id().name()));
        }
        String registryKey = ctx.id().parent().key();
        if (ctx.isCreate()) {
            Sku sku = directory.get(registryKey).map(r -> Sku.of(RegistryDocuments.parse(r))).orElse(Sku.BASIC);
            if (directory.userScopeMapCount(registryKey) >= sku.scopeMapsOrTokens) {
                throw AcrErrors.quotaExceeded("scope maps", sku.scopeMapsOrTokens, sku.azureName);
            }
        }
        JsonNode in = ctx.requested().path("properties");
        String description = LooseValues.text(in.get("description"), "properties.description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw AcrErrors.scopeMapDescriptionTooLong(MAX_DESCRIPTION);
        }
        List<String> actions = ScopeMapActions.validate(in.get("actions"));

        ObjectNode props = Json.object();
        if (description != null) props.put("description", description); // omitted when not set (§2.1)
        props.put("type", SystemScopeMaps.USER_DEFINED);
        JsonNode created = ctx.existing() == null ? null : ctx.existing().path("properties").get("creationDate");
        props.put("creationDate", created != null && created.isTextual() ? created.asText() : AcrTimes.offset(clock.instant()));
        props.put("provisioningState", "Succeeded"); // placeholder keeping the key order; the engine sets it
        props.set("actions", Json.MAPPER.valueToTree(actions));
        ObjectNode doc = Json.object();
        doc.set("properties", props);
        return doc;
    }

    @Override
    public void beforeDelete(DeleteContext ctx) {
        String name = ctx.existing().path("name").asText(ctx.id().name());
        if (SystemScopeMaps.isSystemDefined(ctx.existing()) && !ctx.cascade()) {
            throw AcrErrors.systemScopeMapCannotBeDeleted(name);
        }
        String key = ctx.id().key();
        List<String> users = directory.children(ctx.id().parent().key(), RegistryDirectory.TOKEN_TYPE).stream()
                .filter(t -> key.equals(scopeMapKeyOf(t)))
                .map(ResourceRecord::name)
                .toList();
        if (!users.isEmpty() && !ctx.cascade()) throw AcrErrors.scopeMapInUse(name, users);
    }

    /** The lower-cased scope map id a stored token refers to, or null. */
    static String scopeMapKeyOf(ResourceRecord token) {
        String id = RegistryDocuments.parse(token).path("properties").path("scopeMapId").asText(null);
        ResourceId parsed = id == null ? null : ResourceId.parse(id);
        return parsed == null ? null : parsed.key();
    }
}
