package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az deployment sub create -l westus}: a subscription template creates a resource group and
 * deploys a nested (inner-scope) template into it, whose output the parent reads with
 * {@code reference()} (deployments.md §1.8, §3.5).
 */
class AzSubscriptionDeploymentIT {
    static CeruleanServer server;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        az = Az.viaProxy(server).login(server);
    }

    @Test
    void createsAGroupAndDeploysANestedTemplateIntoIt() throws IOException {
        String rg = AcrFixtures.unique("subdep-");
        String acr = AcrFixtures.unique("subacr").replace("-", "");
        Path template = Files.createTempFile("sub", ".json");
        Files.writeString(template, """
                {
                  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
                  "contentVersion": "1.0.0.0",
                  "parameters": {"rgName": {"type": "string"}, "acrName": {"type": "string"}},
                  "resources": [
                    {"type": "Microsoft.Resources/resourceGroups", "apiVersion": "2021-04-01", "name": "[parameters('rgName')]",
                     "location": "[deployment().location]"},
                    {"type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "registry",
                     "resourceGroup": "[parameters('rgName')]",
                     "dependsOn": ["[resourceId('Microsoft.Resources/resourceGroups', parameters('rgName'))]"],
                     "properties": {
                       "mode": "Incremental",
                       "expressionEvaluationOptions": {"scope": "inner"},
                       "parameters": {"name": {"value": "[parameters('acrName')]"}},
                       "template": {
                         "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                         "contentVersion": "1.0.0.0",
                         "parameters": {"name": {"type": "string"}},
                         "resources": [{"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-01-01-preview",
                           "name": "[parameters('name')]", "location": "[resourceGroup().location]", "sku": {"name": "Basic"}}],
                         "outputs": {"login": {"type": "string",
                           "value": "[reference(resourceId('Microsoft.ContainerRegistry/registries', parameters('name'))).loginServer]"}}
                       }
                     }}
                  ],
                  "outputs": {"login": {"type": "string", "value": "[reference('registry').outputs.login.value]"}}
                }
                """);
        JsonNode dep = az.json("deployment", "sub", "create", "-l", "westus", "-n", "subdep", "-f", template.toString(),
                "-p", "rgName=" + rg, "acrName=" + acr);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(dep.at("/properties/outputs/login/value").asText()).isEqualTo(acr + ".azurecr.io");
        assertThat(az.json("group", "show", "-n", rg).get("location").asText()).isEqualTo("westus");
        assertThat(az.json("acr", "show", "-n", acr, "-g", rg).get("loginServer").asText()).isEqualTo(acr + ".azurecr.io");
        assertThat(az.ok("deployment", "group", "show", "-g", rg, "-n", "registry", "--query", "properties.provisioningState", "-o", "tsv").trim())
                .as("the nested deployment has its own history entry").isEqualTo("Succeeded");
        assertThat(az.ok("deployment", "sub", "show", "-n", "subdep", "--query", "location", "-o", "tsv").trim()).isEqualTo("westus");
    }
}
