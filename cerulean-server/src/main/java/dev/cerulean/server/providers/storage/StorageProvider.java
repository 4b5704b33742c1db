package dev.cerulean.server.providers.storage;

import dev.cerulean.server.arm.spi.GlobalNames;
import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;
import dev.cerulean.server.arm.spi.ProviderAction;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code Microsoft.Storage} provider: storage accounts, their keys and the name check (ml.md §6.1),
 * and the control plane of blob containers ({@code blobServices/default/containers}).
 */
public final class StorageProvider implements ResourceProvider {

    public static final String NAMESPACE = "Microsoft.Storage";
    /** The type a workspace's {@code storageAccount} must name. */
    public static final String ACCOUNT_TYPE = NAMESPACE + "/storageAccounts";

    /** Newest first; az 2.45 sends 2022-09-01. One document shape (2022-09-01's) serves them all. */
    public static final List<String> API_VERSIONS = List.of("2025-06-01", "2025-01-01", "2024-01-01", "2023-05-01",
            "2023-04-01", "2023-01-01", "2022-09-01", "2022-05-01", "2021-09-01", "2021-08-01", "2021-06-01", "2021-04-01",
            "2021-02-01", "2021-01-01", "2019-06-01", "2019-04-01", "2018-11-01", "2018-07-01", "2018-02-01", "2017-10-01",
            "2017-06-01", "2016-12-01", "2016-01-01");

    private final List<ResourceTypeSpec> types;
    private final Map<String, ProviderAction> actions;
    private final AccountKeys keys;

    /**
     * @param sealer          seals account keys ({@code SecretSealer})
     * @param subscriptionIds every subscription served: account names are unique across all of them
     */
    public StorageProvider(ResourceStore resources, SecretStore secrets, Sealer sealer, Clock clock,
                           Supplier<List<String>> subscriptionIds) {
        GlobalNames names = new GlobalNames(resources, subscriptionIds);
        AccountKeys keys = new AccountKeys(secrets, sealer, clock);
        this.keys = keys;
        ResourceTypeSpec accounts = ResourceTypeSpec.tracked("storageAccounts")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new StorageAccountBehavior(names, keys, resources, clock))
                // observed: create answers 202 + Location with no body, the Location URL then the account
                .withCreateLro(LroPolicy.async(LroStyle.LOCATION))
                .withReadOnlyProperties(AccountProperties.READ_ONLY)
                .withAction("listKeys", keys::list)
                .withAction("regenerateKey", keys::regenerate);
        ResourceTypeSpec blobServices = ResourceTypeSpec.proxy("storageAccounts/blobServices")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new BlobServiceBehavior(resources));
        ResourceTypeSpec containers = ResourceTypeSpec.proxy("storageAccounts/blobServices/containers")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new ContainerBehavior(resources, clock))
                .withEtag(true)
                .withReadOnlyProperties(ContainerBehavior.READ_ONLY);
        this.types = List.of(accounts, blobServices, containers);
        this.actions = Map.of("checkNameAvailability", new StorageNameAvailability(names));
    }

    /**
     * A key of a stored account, for other surfaces that show it (an ML workspace's {@code listKeys}
     * answers the account's first key): {@code keyName} {@code key1} or {@code key2}, the account by
     * its resource key (lower-cased id). Empty when the account or key does not exist.
     */
    public Optional<String> accountKey(String accountResourceKey, String keyName) {
        return keys.value(accountResourceKey, keyName);
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<ResourceTypeSpec> resourceTypes() {
        return types;
    }

    @Override
    public Map<String, ProviderAction> providerActions() {
        return actions;
    }
}
