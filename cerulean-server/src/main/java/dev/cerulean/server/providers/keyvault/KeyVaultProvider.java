package dev.cerulean.server.providers.keyvault;

import dev.cerulean.server.arm.spi.GlobalNames;
import dev.cerulean.server.arm.spi.ProviderAction;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code Microsoft.KeyVault} provider: vaults and the name check (ml.md §6.2), and the
 * control-plane {@code vaults/secrets} templates deploy (write-only values, sealed).
 */
public final class KeyVaultProvider implements ResourceProvider {

    public static final String NAMESPACE = "Microsoft.KeyVault";
    /** The type a workspace's {@code keyVault} (and CMK {@code keyVaultArmId}) must name. */
    public static final String VAULT_TYPE = NAMESPACE + "/vaults";
    public static final String DNS_SUFFIX = ".vault.azure.net";

    /** Newest first; az 2.45 sends 2022-07-01. One document shape serves them all. */
    public static final List<String> API_VERSIONS = List.of("2024-11-01", "2024-04-01-preview", "2023-07-01",
            "2023-02-01", "2022-11-01", "2022-07-01", "2022-02-01-preview", "2021-11-01-preview", "2021-10-01", "2021-06-01-preview",
            "2021-04-01-preview", "2019-09-01", "2018-02-14", "2016-10-01", "2015-06-01");

    private final List<ResourceTypeSpec> types;
    private final Map<String, ProviderAction> actions;

    /**
     * @param sealer          seals secret values ({@code SecretSealer})
     * @param subscriptionIds every subscription served: vault names are unique across all of them
     */
    public KeyVaultProvider(ResourceStore resources, SecretStore secrets, Sealer sealer, Clock clock,
                            Supplier<List<String>> subscriptionIds) {
        GlobalNames names = new GlobalNames(resources, subscriptionIds);
        ResourceTypeSpec vaults = ResourceTypeSpec.tracked("vaults")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new VaultBehavior(names, DNS_SUFFIX))
                .withReadOnlyProperties(VaultProperties.READ_ONLY); // PUT answers 200/201 at once (ml.md §6.2)
        ResourceTypeSpec secretTypes = ResourceTypeSpec.proxy("vaults/secrets")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new SecretBehavior(resources, secrets, sealer, DNS_SUFFIX, clock))
                .withReadOnlyProperties(SecretBehavior.READ_ONLY); // 200/201 at once, like vaults
        this.types = List.of(vaults, secretTypes);
        this.actions = Map.of("checkNameAvailability", new VaultNameAvailability(names));
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
