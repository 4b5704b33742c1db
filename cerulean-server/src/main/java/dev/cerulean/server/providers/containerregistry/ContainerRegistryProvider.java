package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;
import dev.cerulean.server.arm.spi.ProviderAction;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.store.RegistryStore;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.SecretStore;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code Microsoft.ContainerRegistry} provider: registries, scope maps, tokens and geo-replications
 * with their actions, as a plug-in of the generic ARM engine (acr.md §1-§4). Every hook and action runs in the
 * engine's write transaction and writes only through the stores given here; every secret it stores
 * is owned by a key under its registry's key, so the engine's cascade deletes remove it.
 */
public final class ContainerRegistryProvider implements ResourceProvider {

    public static final String NAMESPACE = "Microsoft.ContainerRegistry";
    public static final String DEFAULT_LOGIN_SERVER_SUFFIX = ".azurecr.io";

    /**
     * Newest first: every version acr.md §0 lists (MUST and SHOULD) and 2025-11-01, which the Java
     * SDK 2.54 sends (clients.md §8). One superset document shape serves them all.
     */
    public static final List<String> API_VERSIONS = List.of("2025-11-01", "2024-11-01-preview", "2023-07-01",
            "2023-01-01-preview", "2022-12-01", "2022-02-01-preview", "2021-12-01-preview", "2021-09-01",
            "2021-08-01-preview", "2021-06-01-preview", "2020-11-01-preview", "2019-12-01-preview", "2019-05-01");

    private final List<ResourceTypeSpec> types;
    private final Map<String, ProviderAction> providerActions;
    private final RegistryUsages usages;
    private final RegistryCredentials credentials;

    /**
     * @param resources       where the engine keeps resources; hooks read and write it in the engine's transaction
     * @param secrets         where admin passwords (sealed) and token password hashes go
     * @param clock           the server's clock (creation dates, expiry checks)
     * @param loginServerOf   a registry name → its login server host; see {@link #loginServers(String)}
     * @param sealer          encrypts admin passwords ({@link SecretSealer#loadOrCreate})
     * @param subscriptionIds every subscription the server serves: registry names are unique across all of them
     */
    public ContainerRegistryProvider(ResourceStore resources, SecretStore secrets, Clock clock,
                                     Function<String, String> loginServerOf, SecretSealer sealer,
                                     Supplier<List<String>> subscriptionIds) {
        this(resources, secrets, clock, loginServerOf, sealer, subscriptionIds, null);
    }

    /**
     * Same, with the registry data plane's content: deleting a registry (or its resource group) deletes
     * its repositories in the same transaction, and {@code listUsages} reports the bytes really stored.
     *
     * @param content the registry store, or null when no data plane runs
     */
    public ContainerRegistryProvider(ResourceStore resources, SecretStore secrets, Clock clock,
                                     Function<String, String> loginServerOf, SecretSealer sealer,
                                     Supplier<List<String>> subscriptionIds, RegistryStore content) {
        RegistryDirectory directory = new RegistryDirectory(resources, subscriptionIds, loginServerOf);
        PasswordGenerator passwords = new PasswordGenerator();
        TokenPasswordHasher hasher = new TokenPasswordHasher();
        AdminCredentials admin = new AdminCredentials(secrets, sealer, passwords, clock);
        this.usages = new RegistryUsages(directory, content == null ? registryKey -> 0L : content::storedBytes);
        this.credentials = new StoredRegistryCredentials(directory, secrets, admin, hasher, clock);
        String[] versions = API_VERSIONS.toArray(String[]::new);

        ResourceTypeSpec registries = ResourceTypeSpec.tracked("registries")
                .withApiVersions(versions)
                .withBehavior(new RegistryBehavior(resources, directory, admin, loginServerOf, clock, content))
                // observed: 201 + Azure-AsyncOperation, done on the first poll (acr.md §1.4 steps 3-5)
                .withCreateLro(LroPolicy.async(LroStyle.AZURE_ASYNC_OPERATION))
                .withReadOnlyProperties("loginServer", "creationDate", "dataEndpointHostNames",
                        "privateEndpointConnections", "status")
                .withAction("listCredentials", admin::list)
                .withAction("regenerateCredential", admin::regenerate)
                // observed: 200 at once (acr.md §3.4); `--lro ...registries:generateCredentials=location` gives seed 002's 202
                .withAction("generateCredentials",
                        new GenerateCredentialsAction(resources, secrets, passwords, hasher, clock), LroPolicy.SYNC)
                // a GET in Azure (acr.md §1.10); the engine routes GET to read-only actions, and POST too
                .withAction("listUsages", ctx -> usages(ctx.resource()));
        ResourceTypeSpec scopeMaps = ResourceTypeSpec.proxy("registries/scopeMaps")
                .withApiVersions(versions)
                .withBehavior(new ScopeMapBehavior(directory, clock))
                .withReadOnlyProperties("type", "creationDate"); // observed: 200 at once (acr.md §2.1)
        ResourceTypeSpec tokens = ResourceTypeSpec.proxy("registries/tokens")
                .withApiVersions(versions)
                .withBehavior(new TokenBehavior(directory, secrets, clock))
                // observed: 201 + Azure-AsyncOperation (acr.md §3.1)
                .withCreateLro(LroPolicy.async(LroStyle.AZURE_ASYNC_OPERATION))
                .withReadOnlyProperties("creationDate");
        // a child carrying its own location, like ML computes; Replications_Create/Update/Delete are LROs
        ResourceTypeSpec replications = ResourceTypeSpec.proxy("registries/replications")
                .withApiVersions(versions)
                .withBehavior(new ReplicationBehavior(directory, clock))
                .withCreateLro(LroPolicy.async(LroStyle.AZURE_ASYNC_OPERATION))
                .withReadOnlyProperties("status");
        this.types = List.of(registries, scopeMaps, tokens, replications);
        this.providerActions = Map.of("checkNameAvailability", new NameAvailability(directory));
    }

    /** Same, with login servers {@code <lower-case name><suffix>}, e.g. suffix {@code .azurecr.io}. */
    public ContainerRegistryProvider(ResourceStore resources, SecretStore secrets, Clock clock, String loginServerSuffix,
                                     SecretSealer sealer, Supplier<List<String>> subscriptionIds) {
        this(resources, secrets, clock, loginServers(loginServerSuffix), sealer, subscriptionIds, null);
    }

    /** Same, with the registry data plane's content store (see the full constructor). */
    public ContainerRegistryProvider(ResourceStore resources, SecretStore secrets, Clock clock, String loginServerSuffix,
                                     SecretSealer sealer, Supplier<List<String>> subscriptionIds, RegistryStore content) {
        this(resources, secrets, clock, loginServers(loginServerSuffix), sealer, subscriptionIds, content);
    }

    /**
     * Login servers {@code <lower-case name><suffix>} (acr.md §0, §1.2): {@code .azurecr.io},
     * {@code .azurecr.local}, or a suffix with a port such as {@code .azurecr.local:8443}.
     */
    public static Function<String, String> loginServers(String suffix) {
        return name -> name.toLowerCase(Locale.ROOT) + suffix;
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
        return providerActions;
    }

    /** The body of {@code listUsages} for a stored registry document (acr.md §1.10). */
    public JsonNode usages(ObjectNode registry) {
        return usages.usages(registry);
    }

    /** The data plane's read access to registries, tokens and their passwords. */
    public RegistryCredentials credentials() {
        return credentials;
    }
}
