package dev.cerulean.it.arm;

import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java SDK's fluent deployments (deployments.md §4): plain JSON bodies, api-version 2025-04-01, PUT + LRO without validate. */
class DeploymentSdkIT {
    static CeruleanServer server;
    static ResourceManager resources;
    static AcrFixtures fx;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        resources = ResourceManager.authenticate(JavaSdkIT.credential(server), JavaSdkIT.profile(server))
                .withSubscription(server.config().subscriptionId());
    }

    @Test
    void defineWithTemplateCreatesTheRegistryAndReportsOutputs() throws Exception {
        String rg = fx.resourceGroup("sdkdep-");
        String acr = AcrFixtures.unique("sdkdep");
        String template = """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"name": {"type": "string"}},
                 "resources": [{"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-01-01-preview",
                   "name": "[parameters('name')]", "location": "[resourceGroup().location]", "sku": {"name": "Standard"}}],
                 "outputs": {"login": {"type": "string",
                   "value": "[reference(resourceId('Microsoft.ContainerRegistry/registries', parameters('name'))).loginServer]"}}}
                """;
        Deployment d = resources.deployments().define("sdk1").withExistingResourceGroup(rg).withTemplate(template)
                .withParameters("{\"name\": {\"value\": \"" + acr + "\"}}").withMode(DeploymentMode.INCREMENTAL).create();
        assertThat(d.provisioningState()).isEqualTo("Succeeded");
        assertThat(d.outputs().toString()).contains(acr + ".azurecr.io");
        assertThat(resources.deployments().getByResourceGroup(rg, "sdk1").provisioningState()).isEqualTo("Succeeded");
        assertThat(resources.genericResources().listByResourceGroup(rg).stream().map(r -> r.name())).containsExactly(acr);
    }
}
