package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.templates.functions.Hashes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az deployment group create/validate/show/list/export/delete/what-if} and
 * {@code az deployment operation group list} (az 2.45 through the proxy) with the corpus templates
 * whose resource types Cerulean serves (deployments.md §1).
 */
class AzDeploymentIT {
    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }


    @Test
    void containerRegistryTemplateDeploysAndPrintsItsOutputs() {
        String rg = fx.resourceGroup("dep-");
        String acr = AcrFixtures.unique("depacr");
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "acr1", "-f", Shared.template("container-registry/azuredeploy.json"),
                "-p", "acrName=" + acr, "acrAdminUserEnabled=true");
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(dep.at("/properties/outputs/acrLoginServer/value").asText()).isEqualTo(acr + ".azurecr.io");
        assertThat(dep.at("/properties/outputResources/0/id").asText()).isEqualTo(fx.registryId(rg, acr));
        assertThat(dep.get("resourceGroup").asText()).isEqualTo(rg);

        // the registry is what a direct create makes
        JsonNode shown = az.json("acr", "show", "-n", acr);
        assertThat(shown.get("adminUserEnabled").asBoolean()).isTrue();
        assertThat(shown.at("/tags/displayName").asText()).isEqualTo("Container Registry");

        assertThat(az.ok("deployment", "group", "show", "-g", rg, "-n", "acr1", "--query", "properties.provisioningState", "-o", "tsv").trim())
                .isEqualTo("Succeeded");
        assertThat(az.ok("deployment", "group", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo("acr1");
        JsonNode ops = az.json("deployment", "operation", "group", "list", "-g", rg, "-n", "acr1");
        assertThat(ops.get(0).at("/properties/targetResource/resourceType").asText()).isEqualTo("Microsoft.ContainerRegistry/registries");
        assertThat(ops.get(0).at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(az.json("deployment", "group", "export", "-g", rg, "-n", "acr1").at("/resources/0/type").asText())
                .isEqualTo("Microsoft.ContainerRegistry/registries");

        // what-if against what now exists: the registry is there, unchanged
        JsonNode whatIf = az.json("deployment", "group", "what-if", "-g", rg, "-f", Shared.template("container-registry/azuredeploy.json"),
                "-p", "acrName=" + acr, "acrAdminUserEnabled=true", "--no-pretty-print");
        assertThat(whatIf.at("/changes/0/changeType").asText()).isIn("NoChange", "Modify");

        az.ok("deployment", "group", "delete", "-g", rg, "-n", "acr1");
        assertThat(az.run("deployment", "group", "show", "-g", rg, "-n", "acr1").stderr()).contains("(DeploymentNotFound) Deployment 'acr1' could not be found.");
        assertThat(az.json("acr", "show", "-n", acr).get("name").asText()).as("deleting history keeps resources").isEqualTo(acr);
    }

    @Test
    void uniqueStringNamesMatchAzure() {
        String rg = fx.resourceGroup("depu-");
        String expected = "acr" + Hashes.uniqueString("/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg);
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg,
                "-f", Shared.template("container-registry-with-policies-and-diagnostics/azuredeploy.json"));
        assertThat(dep.at("/properties/outputs/name/value").asText()).isEqualTo(expected);
        assertThat(dep.at("/properties/outputs/acrLoginServer/value").asText()).isEqualTo(expected + ".azurecr.io");
        assertThat(az.json("acr", "show", "-n", expected).at("/sku/name").asText()).isEqualTo("Basic");
    }

    @Test
    void validateRefusesWhatAzureRefuses() throws IOException {
        String rg = fx.resourceGroup("depv-");
        var notAllowed = az.run("deployment", "group", "validate", "-g", rg, "-f", Shared.template("container-registry/azuredeploy.json"),
                "-p", "acrName=depvalid1", "acrSku=Gold");
        assertThat(notAllowed.exitCode()).isNotZero();
        assertThat(notAllowed.stderr()).contains("InvalidTemplate").contains("The provided value 'Gold' for the template parameter 'acrSku'")
                .contains("is not part of the allowed value(s): 'Basic,Standard,Premium'");

        Path cyclic = Files.createTempFile("cyclic", ".json");
        Files.writeString(cyclic, "{\n  // comments are fine: az sends the file as it is\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\",\n"
                + "  \"contentVersion\": \"1.0.0.0\",\n  \"resources\": [\n"
                + "    {\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"a1cyc\", \"location\": \"westus\", \"sku\": {\"name\": \"Basic\"}, \"dependsOn\": [\"b1cyc\"]},\n"
                + "    {\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"b1cyc\", \"location\": \"westus\", \"sku\": {\"name\": \"Basic\"}, \"dependsOn\": [\"a1cyc\"]}\n"
                + "  ]\n}\n");
        var cycle = az.run("deployment", "group", "create", "-g", rg, "-f", cyclic.toString());
        assertThat(cycle.exitCode()).isNotZero();
        assertThat(cycle.stderr()).contains("Circular dependency detected on resource");
        assertThat(az.ok("acr", "list", "-g", rg, "--query", "length(@)", "-o", "tsv").trim()).as("nothing created").isEqualTo("0");
    }

    @Test
    void aFailingResourceFailsTheDeploymentWithItsError() throws IOException {
        String rg = fx.resourceGroup("depf-");
        Path bad = Files.createTempFile("bad", ".json");
        Files.writeString(bad, "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": ["
                + "{\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"bad_name!\", \"location\": \"westus\", \"sku\": {\"name\": \"Basic\"}},"
                + "{\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"depgood" + System.nanoTime() % 100000 + "\", \"location\": \"westus\", \"sku\": {\"name\": \"Basic\"}}]}");
        var failed = az.run("deployment", "group", "create", "-g", rg, "-n", "bad", "-f", bad.toString());
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.stderr()).contains("DeploymentFailed").contains("bad_name!");
        assertThat(az.ok("deployment", "group", "show", "-g", rg, "-n", "bad", "--query", "properties.provisioningState", "-o", "tsv").trim())
                .isEqualTo("Failed");
        assertThat(az.ok("acr", "list", "-g", rg, "--query", "length(@)", "-o", "tsv").trim()).as("the independent one stays").isEqualTo("1");
    }

    @Test
    void completeModeDeletesWhatTheTemplateOmits() {
        String rg = fx.resourceGroup("depc-");
        String stray = AcrFixtures.unique("stray");
        az.ok("acr", "create", "-n", stray, "-g", rg, "--sku", "Basic");
        String acr = AcrFixtures.unique("kept");
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "complete", "--mode", "Complete",
                "-f", Shared.template("container-registry/azuredeploy.json"), "-p", "acrName=" + acr);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(az.ok("acr", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(acr);
        JsonNode ops = az.json("deployment", "operation", "group", "list", "-g", rg, "-n", "complete",
                "--query", "[?properties.provisioningOperation=='Delete'].properties.targetResource.resourceName");
        assertThat(ops.get(0).asText()).isEqualTo(stray);
    }
}
