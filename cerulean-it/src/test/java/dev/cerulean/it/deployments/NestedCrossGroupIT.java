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
 * A resource-group deployment whose nested deployments target another group (deployments.md §3.5),
 * one evaluated in the inner scope (its own parameters, an output read back with
 * {@code reference('inner').outputs}) and one in the outer scope (the parent's parameters), plus
 * outputs calling {@code listCredentials} on registries in both groups, end to end through az 2.45.
 */
class NestedCrossGroupIT {
    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    private static final String TEMPLATE = """
            {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
             "contentVersion": "1.0.0.0",
             "parameters": {"otherRg": {"type": "string"}, "localAcr": {"type": "string"}, "remoteAcr": {"type": "string"}},
             "resources": [
               {"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-01-01-preview", "name": "[parameters('localAcr')]",
                "location": "westus", "sku": {"name": "Basic"}, "properties": {"adminUserEnabled": true}},
               {"type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "inner",
                "resourceGroup": "[parameters('otherRg')]",
                "properties": {
                  "mode": "Incremental",
                  "expressionEvaluationOptions": {"scope": "inner"},
                  "parameters": {"n": {"value": "[parameters('remoteAcr')]"}},
                  "template": {
                    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                    "contentVersion": "1.0.0.0",
                    "parameters": {"n": {"type": "string"}},
                    "resources": [{"type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-01-01-preview",
                      "name": "[parameters('n')]", "location": "[resourceGroup().location]", "sku": {"name": "Basic"},
                      "properties": {"adminUserEnabled": true}}],
                    "outputs": {
                      "login": {"type": "string",
                        "value": "[reference(resourceId('Microsoft.ContainerRegistry/registries', parameters('n')), '2023-01-01-preview').loginServer]"},
                      "group": {"type": "string", "value": "[resourceGroup().name]"}}}}},
               {"type": "Microsoft.Resources/deployments", "apiVersion": "2021-04-01", "name": "outer",
                "resourceGroup": "[parameters('otherRg')]",
                "properties": {
                  "mode": "Incremental",
                  "template": {
                    "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                    "contentVersion": "1.0.0.0",
                    "resources": [{"type": "Microsoft.ManagedIdentity/userAssignedIdentities", "apiVersion": "2023-01-31",
                      "name": "[concat(parameters('localAcr'), '-id')]", "location": "westus"}]}}}],
             "outputs": {
               "innerLogin": {"type": "string", "value": "[reference('inner').outputs.login.value]"},
               "innerGroup": {"type": "string", "value": "[reference('inner').outputs.group.value]"},
               "localUser": {"type": "string",
                 "value": "[listCredentials(resourceId('Microsoft.ContainerRegistry/registries', parameters('localAcr')), '2023-01-01-preview').username]"},
               "remoteUser": {"type": "string",
                 "value": "[listCredentials(resourceId(parameters('otherRg'), 'Microsoft.ContainerRegistry/registries', parameters('remoteAcr')), '2023-01-01-preview').username]"}}}
            """;

    @Test
    void nestedDeploymentsIntoAnotherGroupWithInnerAndOuterScope() throws IOException {
        String rg = fx.resourceGroup("depx-");
        String other = fx.resourceGroup("depxo-");
        String local = AcrFixtures.unique("xlocal");
        String remote = AcrFixtures.unique("xremote");
        Path template = Files.createTempFile("cross-group", ".json");
        Files.writeString(template, TEMPLATE);

        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "cross", "-f", template.toString(),
                "-p", "otherRg=" + other, "localAcr=" + local, "remoteAcr=" + remote);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        JsonNode outputs = dep.at("/properties/outputs");
        assertThat(outputs.at("/innerLogin/value").asText()).isEqualTo(remote + ".azurecr.io");
        assertThat(outputs.at("/innerGroup/value").asText()).isEqualTo(other);
        // the admin user of a registry is named after it
        assertThat(outputs.at("/localUser/value").asText()).isEqualTo(local);
        assertThat(outputs.at("/remoteUser/value").asText()).isEqualTo(remote);

        // the nested deployments ran in the other group and created their resources there
        assertThat(az.ok("acr", "show", "-n", remote, "-g", other, "--query", "loginServer", "-o", "tsv").trim())
                .isEqualTo(remote + ".azurecr.io");
        assertThat(az.ok("identity", "show", "-g", other, "-n", local + "-id", "--query", "name", "-o", "tsv").trim())
                .isEqualTo(local + "-id");
        assertThat(az.ok("deployment", "group", "show", "-g", other, "-n", "inner", "--query", "properties.provisioningState", "-o", "tsv")
                .trim()).isEqualTo("Succeeded");
        assertThat(az.ok("resource", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(local);

        az.ok("group", "delete", "-n", rg, "--yes", "--no-wait");
        az.ok("group", "delete", "-n", other, "--yes", "--no-wait");
        Files.deleteIfExists(template);
    }
}
