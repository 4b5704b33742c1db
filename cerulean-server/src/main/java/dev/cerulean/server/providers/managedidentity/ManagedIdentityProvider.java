package dev.cerulean.server.providers.managedidentity;

import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;

import java.util.List;

/** The {@code Microsoft.ManagedIdentity} provider: user-assigned identities (ml.md §6.4). */
public final class ManagedIdentityProvider implements ResourceProvider {

    public static final String NAMESPACE = "Microsoft.ManagedIdentity";
    /** The type a workspace's user-assigned identities and CMK identity must name. */
    public static final String IDENTITY_TYPE = NAMESPACE + "/userAssignedIdentities";
    /** Newest first; az 2.45 sends 2022-01-31-preview, the SDKs 2023-01-31 and 2018-11-30. */
    public static final List<String> API_VERSIONS = List.of("2024-11-30", "2023-07-31-preview", "2023-01-31",
            "2022-01-31-preview", "2021-09-30-preview", "2018-11-30", "2015-08-31-preview");

    private final List<ResourceTypeSpec> types;

    public ManagedIdentityProvider(IdentityDirectory directory) {
        this.types = List.of(ResourceTypeSpec.tracked("userAssignedIdentities")
                .withApiVersions(API_VERSIONS.toArray(String[]::new))
                .withBehavior(new UserAssignedIdentityBehavior(directory))
                .withReadOnlyProperties("tenantId", "principalId", "clientId")); // 201/200 at once (ml.md §6.4)
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<ResourceTypeSpec> resourceTypes() {
        return types;
    }
}
