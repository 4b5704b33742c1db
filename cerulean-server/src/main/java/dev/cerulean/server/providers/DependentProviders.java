package dev.cerulean.server.providers;

import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.providers.containerregistry.SecretSealer;
import dev.cerulean.server.providers.insights.InsightsProvider;
import dev.cerulean.server.providers.keyvault.KeyVaultProvider;
import dev.cerulean.server.providers.managedidentity.ManagedIdentityProvider;
import dev.cerulean.server.providers.managedidentity.StoreIdentityDirectory;
import dev.cerulean.server.providers.storage.StorageProvider;
import dev.cerulean.store.Stores;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The wiring of the providers a Machine Learning workspace depends on (ml.md §6): storage accounts,
 * key vaults, Application Insights components and user-assigned managed identities. One line in
 * {@code CeruleanServer.start} adds them all.
 */
public final class DependentProviders {
    private DependentProviders() {}

    public static List<ResourceProvider> create(ServerConfig config, Stores stores, Clock clock) {
        Supplier<List<String>> subscriptions = () -> List.of(config.subscriptionId());
        SecretSealer sealer = SecretSealer.loadOrCreate(SecretSealer.keyFile(config.dataDir()));
        return List.of(
                new StorageProvider(stores.resources(), stores.secrets(), sealer, clock, subscriptions),
                new KeyVaultProvider(stores.resources(), subscriptions),
                new InsightsProvider(clock),
                new ManagedIdentityProvider(new StoreIdentityDirectory(stores.identities(), clock)));
    }
}
