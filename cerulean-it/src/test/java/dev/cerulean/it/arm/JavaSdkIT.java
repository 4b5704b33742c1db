package dev.cerulean.it.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.Region;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Azure SDK for Java (azure-identity + azure-resourcemanager-resources) as a real client (clients.md §8). */
public class JavaSdkIT {

    static CeruleanServer server;
    static ResourceManager resources;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        resources = resourceManager(server);
    }

    /** The setup clients.md §8 verified: authority and ARM endpoint on localhost, instance discovery off. */
    public static TokenCredential credential(CeruleanServer server) {
        var c = server.config();
        return new ClientSecretCredentialBuilder().tenantId(c.tenantId()).clientId(c.clientId()).clientSecret(c.clientSecret())
                .authorityHost("https://localhost:" + server.httpsPort() + "/").disableInstanceDiscovery().build();
    }

    public static AzureProfile profile(CeruleanServer server) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", "https://localhost:" + server.httpsPort() + "/");
        endpoints.put("activeDirectoryEndpointUrl", "https://localhost:" + server.httpsPort() + "/");
        return new AzureProfile(server.config().tenantId(), server.config().subscriptionId(), new AzureEnvironment(endpoints));
    }

    static ResourceManager resourceManager(CeruleanServer server) {
        return ResourceManager.authenticate(credential(server), profile(server)).withSubscription(server.config().subscriptionId());
    }

    @Test
    void createReadListTagAndDeleteAResourceGroup() {
        String name = "sdk-" + UUID.randomUUID().toString().substring(0, 8);
        ResourceGroup rg = resources.resourceGroups().define(name).withRegion(Region.US_WEST2).withTag("env", "test").create();
        assertThat(rg.name()).isEqualTo(name);
        assertThat(rg.regionName()).isEqualTo("westus2");
        assertThat(rg.provisioningState()).isEqualTo("Succeeded");
        assertThat(resources.resourceGroups().contain(name)).isTrue();
        assertThat(resources.resourceGroups().getByName(name).tags()).containsEntry("env", "test");
        rg.update().withTag("owner", "cerulean").withoutTag("env").apply();
        assertThat(resources.resourceGroups().getByName(name).tags()).containsOnlyKeys("owner");
        assertThat(resources.resourceGroups().list().stream().map(ResourceGroup::name)).contains(name);
        resources.resourceGroups().deleteByName(name);
        assertThat(resources.resourceGroups().contain(name)).isFalse();
        assertThatThrownBy(() -> resources.resourceGroups().getByName(name))
                .isInstanceOfSatisfying(ManagementException.class,
                        e -> assertThat(e.getValue().getCode()).isEqualTo("ResourceGroupNotFound"));
    }

    @Test
    void subscriptionsAreListedForTheDefaultTenant() {
        var auth = ResourceManager.authenticate(credential(server), profile(server));
        assertThat(auth.subscriptions().list().stream().map(s -> s.subscriptionId()))
                .containsExactly(server.config().subscriptionId());
    }
}
