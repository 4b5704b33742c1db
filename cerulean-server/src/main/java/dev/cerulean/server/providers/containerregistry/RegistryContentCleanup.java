package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.server.arm.spi.DeleteContext;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.RegistryStore;

/**
 * Deletes a registry's data-plane content (repositories, manifests, tags, upload sessions) when the
 * registry or its resource group is deleted, inside the engine's delete transaction. The bytes
 * themselves go with the registry data plane's next garbage collection, once nothing links them.
 */
final class RegistryContentCleanup implements ResourceBehavior {

    private final ResourceBehavior registry;
    private final RegistryStore content;

    private RegistryContentCleanup(ResourceBehavior registry, RegistryStore content) {
        this.registry = registry;
        this.content = content;
    }

    static ResourceBehavior around(ResourceBehavior registry, RegistryStore content) {
        return content == null ? registry : new RegistryContentCleanup(registry, content);
    }

    @Override
    public void validateName(WriteContext ctx) {
        registry.validateName(ctx);
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        return registry.onWrite(ctx);
    }

    @Override
    public void beforeDelete(DeleteContext ctx) {
        registry.beforeDelete(ctx);
    }

    @Override
    public void afterDelete(DeleteContext ctx) {
        registry.afterDelete(ctx);
        content.deleteRegistry(ctx.id().key());
    }
}
