package dev.cerulean.server.arm.spi;

import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Look-ups of resources whose names are global in Azure because they become DNS names (storage
 * accounts, key vaults): a name is taken if a resource of the type has it in any subscription or
 * resource group the server serves, compared case-insensitively. The store's queries are per
 * subscription, hence the supplier of subscription ids. Call inside the write's transaction.
 */
public final class GlobalNames {

    private final ResourceStore store;
    private final Supplier<List<String>> subscriptionIds;

    public GlobalNames(ResourceStore store, Supplier<List<String>> subscriptionIds) {
        this.store = store;
        this.subscriptionIds = subscriptionIds;
    }

    /** The resource of {@code qualifiedType} (e.g. {@code Microsoft.Storage/storageAccounts}) named {@code name}, anywhere. */
    public Optional<ResourceRecord> find(String qualifiedType, String name) {
        String typeKey = qualifiedType.toLowerCase(Locale.ROOT);
        for (String sub : subscriptionIds.get()) {
            Optional<ResourceRecord> found = store.listAll(ResourceQuery.in(sub.toLowerCase(Locale.ROOT)).type(typeKey).limit(500))
                    .filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** The resource named like {@code name} elsewhere than {@code ownKey} (the resource being written). */
    public Optional<ResourceRecord> takenElsewhere(String qualifiedType, String name, String ownKey) {
        return find(qualifiedType, name).filter(r -> !r.key().equals(ownKey));
    }
}
