package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.RegistryStore;
import dev.cerulean.store.ResourceStore;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * What registries do beyond generic ARM (acr.md §1.2-§1.5): the name rules and global uniqueness,
 * the SKU and the full property set with its defaults, the admin passwords when the admin user is
 * enabled, and, at creation, the system scope maps (§2.3) — all in the write's transaction. Deleting
 * a registry (or its resource group) deletes its data-plane content (repositories, manifests, tags,
 * upload sessions) in the delete's transaction; the bytes go with the data plane's next garbage
 * collection, once nothing links them.
 */
final class RegistryBehavior implements ResourceBehavior {

    private final ResourceStore store;
    private final RegistryDirectory directory;
    private final AdminCredentials admin;
    private final Function<String, String> loginServerOf;
    private final Clock clock;
    private final RegistryStore content;

    /** @param content the registry data plane's store, or null when no data plane runs */
    RegistryBehavior(ResourceStore store, RegistryDirectory directory, AdminCredentials admin,
                     Function<String, String> loginServerOf, Clock clock, RegistryStore content) {
        this.store = store;
        this.directory = directory;
        this.admin = admin;
        this.loginServerOf = loginServerOf;
        this.clock = clock;
        this.content = content;
    }

    @Override
    public void afterDelete(DeleteContext ctx) {
        if (content != null) content.deleteRegistry(ctx.id().key());
    }

    @Override
    public void validateName(WriteContext ctx) {
        String name = ctx.id().name();
        if (!NameRules.isRegistryName(name)) throw AcrErrors.registryNameInvalid(name);
        // a DNS name: unique across every subscription and resource group, case-insensitively (§1.2)
        directory.byName(name).filter(r -> !r.key().equals(ctx.id().key())).ifPresent(r -> {
            throw AcrErrors.registryNameInUse(loginServerOf.apply(name));
        });
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode req = ctx.requested();
        Instant now = clock.instant();
        Sku sku = Sku.parse(req.get("sku"));
        JsonNode requestedProps = req.get("properties");
        ObjectNode in = requestedProps instanceof ObjectNode o ? o : Json.object();
        ObjectNode old = ctx.existing() != null && ctx.existing().get("properties") instanceof ObjectNode p ? p : null;
        String rawLocation = req.path("location").asText("");
        String location = Locations.normalize(rawLocation).orElse(rawLocation);

        ObjectNode props = RegistryProperties.build(in, old, sku, ctx.patch(), now, loginServerOf.apply(ctx.id().name()),
                location);
        ObjectNode doc = Json.object();
        if (req.has("tags")) doc.set("tags", req.get("tags"));
        doc.set("sku", sku.toJson());
        ObjectNode identity = RegistryIdentity.complete(req.get("identity"),
                ctx.existing() == null ? null : ctx.existing().get("identity"),
                ctx.caller() == null ? null : ctx.caller().tenantId());
        if (identity != null) doc.set("identity", identity);
        doc.set("properties", props);

        String key = ctx.id().key();
        if (!ctx.isCreate()) checkCapacity(key, sku);
        if (props.get("adminUserEnabled").booleanValue()) admin.ensure(key);
        if (ctx.isCreate()) SystemScopeMaps.materialize(store, ctx.id(), now, ctx.caller());
        return doc;
    }

    /**
     * A SKU change must leave room for the scope maps and tokens the registry already has (acr.md §1.5),
     * and only Premium keeps geo-replications.
     */
    private void checkCapacity(String registryKey, Sku sku) {
        if (directory.userScopeMapCount(registryKey) > sku.scopeMapsOrTokens) {
            throw AcrErrors.quotaExceeded("scope maps", sku.scopeMapsOrTokens, sku.azureName);
        }
        if (directory.tokenCount(registryKey) > sku.scopeMapsOrTokens) {
            throw AcrErrors.quotaExceeded("tokens", sku.scopeMapsOrTokens, sku.azureName);
        }
        if (sku != Sku.PREMIUM) {
            int replications = directory.children(registryKey, RegistryDirectory.REPLICATION_TYPE).size();
            if (replications > 0) throw AcrErrors.replicationsNeedPremium(sku.azureName, replications);
        }
    }
}
