package dev.cerulean.it.acr;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.containerregistry.ContainerRegistryManager;
import com.azure.resourcemanager.containerregistry.fluent.ContainerRegistryManagementClient;
import com.azure.resourcemanager.containerregistry.fluent.models.GenerateCredentialsResultInner;
import com.azure.resourcemanager.containerregistry.fluent.models.ScopeMapInner;
import com.azure.resourcemanager.containerregistry.fluent.models.TokenInner;
import com.azure.resourcemanager.containerregistry.models.AccessKeyType;
import com.azure.resourcemanager.containerregistry.models.GenerateCredentialsParameters;
import com.azure.resourcemanager.containerregistry.models.ProvisioningState;
import com.azure.resourcemanager.containerregistry.models.Registry;
import com.azure.resourcemanager.containerregistry.models.RegistryCredentials;
import com.azure.resourcemanager.containerregistry.models.RegistryUsage;
import com.azure.resourcemanager.containerregistry.models.ScopeMapUpdateParameters;
import com.azure.resourcemanager.containerregistry.models.SkuName;
import com.azure.resourcemanager.containerregistry.models.TokenPassword;
import com.azure.resourcemanager.containerregistry.models.TokenPasswordName;
import com.azure.resourcemanager.containerregistry.models.TokenStatus;
import com.azure.resourcemanager.containerregistry.models.TokenUpdateParameters;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Azure SDK for Java ({@code azure-resourcemanager-containerregistry} 2.54.1, api-version
 * 2025-11-01) against a started server: registries through the fluent API, scope maps, tokens and
 * generateCredentials through its service client (clients.md §8). The server is started before any
 * client is built, so the JVM trusts its CA.
 */
class ContainerRegistrySdkIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static ContainerRegistryManager manager;
    static ContainerRegistryManagementClient client;
    static String rg;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        manager = ContainerRegistryManager.authenticate(credential(server), profile(server));
        client = manager.serviceClient();
        rg = fx.resourceGroup("sdkacr-");
    }

    /** As clients.md §8 verified: authority and ARM endpoint on localhost, instance discovery off. */
    static TokenCredential credential(CeruleanServer server) {
        var c = server.config();
        return new ClientSecretCredentialBuilder().tenantId(c.tenantId()).clientId(c.clientId()).clientSecret(c.clientSecret())
                .authorityHost("https://localhost:" + server.httpsPort() + "/").disableInstanceDiscovery().build();
    }

    static AzureProfile profile(CeruleanServer server) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", "https://localhost:" + server.httpsPort() + "/");
        endpoints.put("activeDirectoryEndpointUrl", "https://localhost:" + server.httpsPort() + "/");
        return new AzureProfile(server.config().tenantId(), server.config().subscriptionId(), new AzureEnvironment(endpoints));
    }

    @Test
    void registriesAndTheAdminUser() {
        String name = AcrFixtures.unique("sdkreg");
        Registry created = manager.containerRegistries().define(name).withRegion(Region.US_WEST).withExistingResourceGroup(rg)
                .withBasicSku().withRegistryNameAsAdminUser().withTag("env", "test").create();
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.regionName()).isEqualTo("westus");
        assertThat(created.sku().name()).isEqualTo(SkuName.BASIC);
        assertThat(created.loginServerUrl()).isEqualTo(name + ".azurecr.io");
        assertThat(created.adminUserEnabled()).isTrue();
        assertThat(created.innerModel().provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(created.creationDate()).isNotNull();
        assertThat(created.tags()).containsEntry("env", "test");

        Registry got = manager.containerRegistries().getByResourceGroup(rg, name);
        assertThat(got.id()).isEqualTo(created.id());
        assertThat(manager.containerRegistries().listByResourceGroup(rg).stream().map(Registry::name)).contains(name);
        assertThat(manager.containerRegistries().list().stream().map(Registry::name)).contains(name);

        RegistryCredentials creds = got.getCredentials();
        assertThat(creds.username()).isEqualTo(name);
        String primary = creds.accessKeys().get(AccessKeyType.PRIMARY);
        String secondary = creds.accessKeys().get(AccessKeyType.SECONDARY);
        assertThat(primary).matches("[A-Za-z0-9+/=]{32}");
        RegistryCredentials renewed = got.regenerateCredential(AccessKeyType.SECONDARY);
        assertThat(renewed.accessKeys().get(AccessKeyType.PRIMARY)).isEqualTo(primary);
        assertThat(renewed.accessKeys().get(AccessKeyType.SECONDARY)).isNotEqualTo(secondary);

        Registry updated = got.update().withStandardSku().withoutRegistryNameAsAdminUser().withTag("owner", "cerulean").apply();
        assertThat(updated.sku().name()).isEqualTo(SkuName.STANDARD);
        assertThat(updated.adminUserEnabled()).isFalse();
        assertThat(updated.tags()).containsEntry("owner", "cerulean");
        assertThatThrownBy(updated::getCredentials).isInstanceOfSatisfying(ManagementException.class, e -> {
            assertThat(e.getResponse().getStatusCode()).isEqualTo(400);
            assertThat(e.getValue().getCode()).isEqualTo("UnAuthorizedForCredentialOperations");
        });

        List<String> usages = updated.listQuotaUsages().stream().map(RegistryUsage::name).toList();
        assertThat(usages).contains("Size", "Webhooks");
        assertThat(manager.containerRegistries().checkNameAvailability(name).isAvailable()).isFalse();
        assertThat(manager.containerRegistries().checkNameAvailability(name).unavailabilityReason()).isEqualTo("AlreadyExists");

        manager.containerRegistries().deleteByResourceGroup(rg, name);
        assertThat(manager.containerRegistries().checkNameAvailability(name).isAvailable()).isTrue();
        assertThatThrownBy(() -> manager.containerRegistries().getByResourceGroup(rg, name))
                .isInstanceOfSatisfying(ManagementException.class, e -> assertThat(e.getResponse().getStatusCode()).isEqualTo(404));
    }

    @Test
    void scopeMapsTokensAndGeneratedPasswords() {
        String registry = AcrFixtures.unique("sdktok");
        manager.containerRegistries().define(registry).withRegion(Region.US_WEST).withExistingResourceGroup(rg).withStandardSku().create();

        ScopeMapInner map = client.getScopeMaps().create(rg, registry, "sdk-scope-map", new ScopeMapInner()
                .withDescription("SDK scopes").withActions(List.of("repositories/hello-world/content/read", "repositories/hello-world/metadata/read")));
        assertThat(map.typePropertiesType()).isEqualTo("UserDefined");
        assertThat(map.provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
        ScopeMapInner widened = client.getScopeMaps().update(rg, registry, "sdk-scope-map",
                new ScopeMapUpdateParameters().withActions(List.of("repositories/hello-world/content/read", "repositories/hello-world/content/write")));
        assertThat(widened.actions()).containsExactly("repositories/hello-world/content/read", "repositories/hello-world/content/write");
        assertThat(widened.description()).isEqualTo("SDK scopes");
        assertThat(client.getScopeMaps().list(rg, registry).stream().map(ScopeMapInner::name))
                .contains("_repositories_admin", "_repositories_pull", "sdk-scope-map");

        TokenInner token = client.getTokens().create(rg, registry, "sdk-token", new TokenInner().withScopeMapId(map.id()).withStatus(TokenStatus.ENABLED));
        assertThat(token.provisioningState()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(token.scopeMapId()).isEqualToIgnoringCase(map.id());
        assertThat(token.credentials().passwords()).isEmpty();

        OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0);
        GenerateCredentialsResultInner generated = client.getRegistries().generateCredentials(rg, registry,
                new GenerateCredentialsParameters().withTokenId(token.id()).withExpiry(expiry));
        assertThat(generated.username()).isEqualTo("sdk-token");
        assertThat(generated.passwords()).extracting(TokenPassword::name).containsExactly(TokenPasswordName.PASSWORD1, TokenPasswordName.PASSWORD2);
        generated.passwords().forEach(p -> {
            assertThat(p.value()).matches("[A-Za-z0-9+/=]{32}");
            assertThat(p.expiry().toInstant()).isEqualTo(expiry.toInstant());
            assertThat(p.creationTime()).isNotNull();
        });
        GenerateCredentialsResultInner one = client.getRegistries().generateCredentials(rg, registry,
                new GenerateCredentialsParameters().withTokenId(token.id()).withName(TokenPasswordName.PASSWORD1));
        assertThat(one.passwords()).extracting(TokenPassword::name).containsExactly(TokenPasswordName.PASSWORD1);

        TokenInner got = client.getTokens().get(rg, registry, "sdk-token");
        assertThat(got.credentials().passwords()).extracting(TokenPassword::name).containsExactly(TokenPasswordName.PASSWORD1, TokenPasswordName.PASSWORD2);
        got.credentials().passwords().forEach(p -> assertThat(p.value()).isNull());
        assertThat(client.getTokens().list(rg, registry).stream().map(TokenInner::name)).containsExactly("sdk-token");

        TokenInner disabled = client.getTokens().update(rg, registry, "sdk-token", new TokenUpdateParameters()
                .withStatus(TokenStatus.DISABLED).withScopeMapId(map.id().replace("sdk-scope-map", "_repositories_pull")));
        assertThat(disabled.status()).isEqualTo(TokenStatus.DISABLED);
        assertThat(disabled.scopeMapId()).endsWith("/scopeMaps/_repositories_pull");
        assertThat(disabled.credentials().passwords()).as("a PATCH without credentials keeps them").hasSize(2);

        client.getTokens().delete(rg, registry, "sdk-token");
        assertThatThrownBy(() -> client.getTokens().get(rg, registry, "sdk-token")).isInstanceOfSatisfying(ManagementException.class, e -> {
            assertThat(e.getResponse().getStatusCode()).isEqualTo(404);
            assertThat(e.getValue().getCode()).isEqualTo("ResourceNotFound");
        });
        client.getScopeMaps().delete(rg, registry, "sdk-scope-map");
        assertThat(client.getScopeMaps().list(rg, registry).stream().map(ScopeMapInner::name)).doesNotContain("sdk-scope-map").hasSize(5);
        manager.containerRegistries().deleteByResourceGroup(rg, registry);
    }

    @Test
    void generateCredentialsInTheAsyncForm() {
        // seed 002's 202 + Location: the SDK's poller follows it and reads the result from the final 200
        try (CeruleanServer async = TestServers.start(c -> c.withLroOverrides(
                List.of("Microsoft.ContainerRegistry/registries:generateCredentials=location:1")))) {
            AcrFixtures afx = new AcrFixtures(async);
            String group = afx.resourceGroup("sdkasync-");
            String registry = AcrFixtures.unique("sdkasync");
            String registryId = afx.registry(group, registry, "Basic", false);
            String tokenId = afx.token(registryId, "sdk-async-token", registryId + "/scopeMaps/_repositories_pull");
            ContainerRegistryManagementClient asyncClient = ContainerRegistryManager.authenticate(credential(async), profile(async)).serviceClient();
            GenerateCredentialsResultInner result = asyncClient.getRegistries().generateCredentials(group, registry,
                    new GenerateCredentialsParameters().withTokenId(tokenId).withName(TokenPasswordName.PASSWORD2));
            assertThat(result.username()).isEqualTo("sdk-async-token");
            assertThat(result.passwords()).extracting(TokenPassword::name).containsExactly(TokenPasswordName.PASSWORD2);
            assertThat(result.passwords().get(0).value()).matches("[A-Za-z0-9+/=]{32}");
        }
    }
}
