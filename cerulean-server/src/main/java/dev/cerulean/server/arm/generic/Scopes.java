package dev.cerulean.server.arm.generic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

/**
 * Existence checks for the scopes enclosing a resource, in ARM's order: resource group, then
 * each parent resource (arm.md §5).
 */
public final class Scopes {

    public static final String DELETING = "Deleting";

    private final ResourceStore store;

    public Scopes(ResourceStore store) {
        this.store = store;
    }

    /** The resource group's document, or ResourceGroupNotFound. */
    public ObjectNode resourceGroup(ResourceId id) {
        ResourceId rg = id.resourceGroupId();
        ResourceRecord rec = store.get(rg.key()).orElseThrow(() -> ArmErrors.resourceGroupNotFound(id.resourceGroup()));
        return Documents.parse(rec.body());
    }

    /** Fails unless the resource group exists and is not being deleted: the precondition of any write inside it. */
    public ObjectNode writableResourceGroup(ResourceId id) {
        ObjectNode rg = resourceGroup(id);
        if (DELETING.equals(Documents.provisioningState(rg))) {
            throw ArmErrors.resourceGroupBeingDeleted(rg.path("name").asText(id.resourceGroup()));
        }
        return rg;
    }

    /** Fails with the parent's not-found error unless every parent resource of a child exists. */
    public ResourceRecord parent(ResourceId id) {
        ResourceId parent = id.parent();
        if (parent == null || !parent.isProviderResource()) return null;
        return store.get(parent.key()).orElseThrow(() -> notFound(parent));
    }

    /** Fails with ARM's not-found error unless the resource group or resource exists (subscriptions are checked earlier). */
    public void requireExisting(ResourceId id) {
        if (id.isResourceGroup()) resourceGroup(id);
        else if (id.isProviderResource() && store.get(id.key()).isEmpty()) throw missing(id);
    }

    /** The error for a missing resource: its group's absence first, then the resource itself. */
    public RuntimeException missing(ResourceId id) {
        if (id.resourceGroup() != null) resourceGroup(id);
        ResourceId cursor = id.parent();
        while (cursor != null && cursor.isProviderResource()) {
            if (store.get(cursor.key()).isEmpty()) return notFound(cursor);
            cursor = cursor.parent();
        }
        return notFound(id);
    }

    public static RuntimeException notFound(ResourceId id) {
        StringBuilder typeAndName = new StringBuilder(id.namespace());
        for (int i = 0; i < id.types().size(); i++) {
            typeAndName.append('/').append(id.types().get(i)).append('/').append(id.names().get(i));
        }
        return ArmErrors.resourceNotFound(typeAndName.toString(), id.resourceGroup());
    }
}
