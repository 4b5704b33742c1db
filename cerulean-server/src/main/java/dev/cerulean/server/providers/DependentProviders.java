package dev.cerulean.server.providers;

import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.providers.containerregistry.SecretSealer;
import dev.cerulean.server.providers.insights.InsightsProvider;
import dev.cerulean.server.providers.keyvault.KeyVaultProvider;
import dev.cerulean.server.providers.managedidentity.IdentityDirectory;
import dev.cerulean.server.providers.managedidentity.ManagedIdentityProvider;
import dev.cerulean.server.providers.managedidentity.StoreIdentityDirectory;
import dev.cerulean.server.providers.storage.StorageProvider;
import dev.cerulean.store.Stores;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The providers a Machine Learning workspace depends on (ml.md §6): storage accounts, key vaults,
 * Application Insights components and user-assigned managed identities, built once by
 * {@code CeruleanServer.start}. The instances stay reachable for the composition root's other
 * wiring: the storage provider answers account keys (a workspace's {@code listKeys}), the identity
 * directory makes service principals (a workspace's system-assigned identity).
 */
public record DependentProviders(StorageProvider storage, KeyVaultProvider keyVault, InsightsProvider insights,
                                 ManagedIdentityProvider managedIdentity, IdentityDirectory identityDirectory) {

    public static DependentProviders create(ServerConfig config, Stores stores, Clock clock) {
        Supplier<List<String>> subscriptions = () -> List.of(config.subscriptionId());
        SecretSealer sealer = SecretSealer.loadOrCreate(SecretSealer.keyFile(config.dataDir()));
        IdentityDirectory directory = new StoreIdentityDirectory(stores.identities(), clock);
        return new DependentProviders(
                new StorageProvider(stores.resources(), stores.secrets(), sealer, clock, subscriptions),
                new KeyVaultProvider(stores.resources(), stores.secrets(), sealer, clock, subscriptions),
                new InsightsProvider(stores.resources(), clock),
                new ManagedIdentityProvider(directory),
                directory);
    }

    /** Every provider, to add to the server's provider list. */
    public List<ResourceProvider> all() {
        return List.of(storage, keyVault, insights, managedIdentity);
    }
}
