package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment resource's lifecycle beyond create (az 2.45 through the proxy):
 * {@code --rollback-on-error} (deployments.md §1.4, §2.4), {@code az group export} (§2.9),
 * {@code az deployment group cancel} on a running deployment (§2.8), the management-group and
 * tenant scopes' refusal (§1.8) and {@code InvalidTemplate}'s {@code additionalInfo} (§2.12).
 */
class AzDeploymentLifecycleIT {
    private static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }


    /** A template with a registry that deploys and one whose name the registry provider refuses. */
    private static Path failingTemplate(String goodName) throws IOException {
        Path t = Files.createTempFile("failing", ".json");
        Files.writeString(t, "{\"$schema\": \"" + SCHEMA + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": ["
                + "{\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"" + goodName
                + "\", \"location\": \"westus\", \"sku\": {\"name\": \"Basic\"}},"
                + "{\"type\": \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"bad_name!\","
                + " \"location\": \"westus\", \"sku\": {\"name\": \"Basic\"}}]}");
        return t;
    }

    private static String state(String rg, String name) {
        return az.ok("deployment", "group", "show", "-g", rg, "-n", name, "--query", "properties.provisioningState", "-o", "tsv").trim();
    }

    @Test
    void rollbackOnErrorRedeploysTheLastSuccessfulDeployment() throws IOException {
        String rg = fx.resourceGroup("deprb-");
        String kept = AcrFixtures.unique("rbkept");
        az.ok("deployment", "group", "create", "-g", rg, "-n", "good1", "-f", Shared.template("container-registry/azuredeploy.json"), "-p", "acrName=" + kept);

        String extra = AcrFixtures.unique("rbextra");
        var failed = az.run("deployment", "group", "create", "-g", rg, "-n", "bad1", "-f", failingTemplate(extra).toString(), "--rollback-on-error");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.stderr()).contains("DeploymentFailed");

        JsonNode bad = az.json("deployment", "group", "show", "-g", rg, "-n", "bad1");
        assertThat(bad.at("/properties/provisioningState").asText()).isEqualTo("Failed");
        assertThat(bad.at("/properties/onErrorDeployment/type").asText()).isEqualTo("LastSuccessful");
        assertThat(bad.at("/properties/onErrorDeployment/deploymentName").asText()).isEqualTo("good1");
        assertThat(bad.at("/properties/onErrorDeployment/provisioningState").asText()).isEqualTo("Succeeded");
        // good1 ran again in Complete mode: what bad1 created is gone, good1's registry stays
        assertThat(az.ok("acr", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(kept);
        JsonNode good = az.json("deployment", "group", "show", "-g", rg, "-n", "good1");
        assertThat(good.at("/properties/mode").asText()).isEqualTo("Complete");
        assertThat(good.at("/properties/timestamp").asText()).as("the redeployment is the newest entry")
                .isGreaterThan(bad.at("/properties/timestamp").asText());

        // a named deployment: --rollback-on-error good1
        var named = az.run("deployment", "group", "create", "-g", rg, "-n", "bad2", "-f", failingTemplate(AcrFixtures.unique("rbtwo")).toString(),
                "--rollback-on-error", "good1");
        assertThat(named.exitCode()).isNotZero();
        JsonNode bad2 = az.json("deployment", "group", "show", "-g", rg, "-n", "bad2", "--query", "properties.onErrorDeployment");
        assertThat(bad2.get("type").asText()).isEqualTo("SpecificDeployment");
        assertThat(bad2.get("deploymentName").asText()).isEqualTo("good1");
        assertThat(bad2.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(az.ok("acr", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(kept);

        // a target that is not a successful deployment is refused before anything is created
        String never = AcrFixtures.unique("rbnever");
        var refused = az.run("deployment", "group", "create", "-g", rg, "-n", "bad3", "-f", failingTemplate(never).toString(),
                "--rollback-on-error", "bad1");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("InvalidOnErrorDeployment").contains("'bad1'").contains("provisioning state is 'Failed'");
        assertThat(az.run("deployment", "group", "show", "-g", rg, "-n", "bad3").stderr()).contains("DeploymentNotFound");
        assertThat(az.ok("acr", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(kept);
    }

    @Test
    void groupExportWritesATemplateThatDeploysWhatTheGroupHolds() throws IOException {
        String rg = fx.resourceGroup("depexp-");
        String acr = AcrFixtures.unique("expacr");
        az.ok("acr", "create", "-n", acr, "-g", rg, "--sku", "Standard", "--admin-enabled", "true");
        az.ok("identity", "create", "-n", "exp-id", "-g", rg);

        JsonNode template = az.json("group", "export", "-g", rg);
        String acrParam = "registries_" + acr + "_name";
        assertThat(template.get("$schema").asText()).isEqualTo(SCHEMA);
        assertThat(template.at("/parameters/" + acrParam + "/type").asText()).isEqualTo("String");
        assertThat(template.at("/parameters/userAssignedIdentities_exp_id_name/type").asText()).isEqualTo("String");
        JsonNode registry = null;
        for (JsonNode r : template.get("resources")) if (r.get("type").asText().equals("Microsoft.ContainerRegistry/registries")) registry = r;
        assertThat(registry).isNotNull();
        assertThat(registry.get("name").asText()).isEqualTo("[parameters('" + acrParam + "')]");
        assertThat(registry.at("/sku/name").asText()).isEqualTo("Standard");
        assertThat(registry.at("/properties/adminUserEnabled").asBoolean()).isTrue();
        assertThat(registry.at("/properties/provisioningState").isMissingNode()).isTrue();

        JsonNode withDefaults = az.json("group", "export", "-g", rg, "--include-parameter-default-value");
        assertThat(withDefaults.at("/parameters/" + acrParam + "/defaultValue").asText()).isEqualTo(acr);

        // the registry's system scope maps are children like any other, exported as they are; the
        // engine refuses to write them, as a direct PUT does, so the round trip leaves them out
        assertThat(template.get("resources").toString()).contains("/_repositories_pull')]");
        var top = (com.fasterxml.jackson.databind.node.ArrayNode) withDefaults.get("resources");
        for (int i = top.size() - 1; i >= 0; i--) if (top.get(i).has("dependsOn")) top.remove(i);
        assertThat(top).hasSize(2);
        // the export deploys back onto the group unchanged
        Path exported = Files.createTempFile("exported", ".json");
        Files.writeString(exported, withDefaults.toString());
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "reexport", "-f", exported.toString());
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(az.json("acr", "show", "-n", acr).get("adminUserEnabled").asBoolean()).isTrue();
    }

    @Test
    void cancelStopsARunningDeployment() throws IOException {
        String rg = fx.resourceGroup("depcan-");
        // 300 nested deployments one after another: long enough for az to cancel it while it runs
        Path slow = Files.createTempFile("slow", ".json");
        Files.writeString(slow, "{\"$schema\": \"" + SCHEMA + "\", \"contentVersion\": \"1.0.0.0\", \"resources\": [{"
                + "\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2021-04-01\", \"name\": \"[concat('step', copyIndex())]\","
                + " \"copy\": {\"name\": \"steps\", \"count\": 300, \"mode\": \"serial\", \"batchSize\": 1},"
                + " \"properties\": {\"mode\": \"Incremental\", \"template\": {\"$schema\": \"" + SCHEMA + "\", \"contentVersion\": \"1.0.0.0\","
                + " \"resources\": [{\"type\": \"Microsoft.ManagedIdentity/userAssignedIdentities\", \"apiVersion\": \"2018-11-30\","
                + " \"name\": \"cancel-id\", \"location\": \"westus\"}]}}}]}");
        az.ok("deployment", "group", "create", "-g", rg, "-n", "long", "-f", slow.toString(), "--no-wait");
        az.ok("deployment", "group", "cancel", "-g", rg, "-n", "long");
        az.ok("deployment", "group", "wait", "-g", rg, "-n", "long", "--custom", "properties.provisioningState=='Canceled'",
                "--interval", "1", "--timeout", "120");
        int ops = Integer.parseInt(az.ok("deployment", "operation", "group", "list", "-g", rg, "-n", "long", "--query", "length(@)", "-o", "tsv").trim());
        assertThat(ops).as("the steps after the cancel were not run").isLessThan(300);
        var again = az.run("deployment", "group", "cancel", "-g", rg, "-n", "long");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("DeploymentCannotBeCanceled");
    }

    @Test
    void managementGroupAndTenantScopesAreRefusedAsAzureRefusesAScopeWithoutAccess() throws IOException {
        Path t = Files.createTempFile("scoped", ".json");
        Files.writeString(t, "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": []}");
        var mg = az.run("deployment", "mg", "create", "--management-group-id", "mg1", "-l", "westus", "-n", "mgdep", "-f", t.toString());
        assertThat(mg.exitCode()).isNotZero();
        assertThat(mg.stderr()).contains("AuthorizationFailed")
                .contains("'Microsoft.Resources/deployments/validate/action' over scope "
                        + "'/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Resources/deployments/mgdep' or the scope is invalid");

        var tenant = az.run("deployment", "tenant", "create", "-l", "westus", "-n", "tdep", "-f", t.toString());
        assertThat(tenant.exitCode()).isNotZero();
        assertThat(tenant.stderr()).contains("AuthorizationFailed")
                .contains("'Microsoft.Resources/deployments/validate/action' over scope '/providers/Microsoft.Resources/deployments/tdep'");
        var list = az.run("deployment", "tenant", "list");
        assertThat(list.exitCode()).isNotZero();
        assertThat(list.stderr()).contains("AuthorizationFailed").contains("Microsoft.Resources/deployments/read");
    }

    @Test
    void aBicepFileFailsSayingToCompileItElsewhere() throws IOException {
        // az 2.45 fetches the Bicep compiler from aka.ms on first use; the proxy's refusal says what to do instead
        String rg = fx.resourceGroup("depbic-");
        Path bicep = Files.createTempFile("main", ".bicep");
        Files.writeString(bicep, "param name string\noutput greeting string = 'hello ${name}'\n");
        var r = az.run("deployment", "group", "create", "-g", rg, "-f", bicep.toString(), "-p", "name=x");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("Bicep").contains("az cannot fetch Bicep: run 'bicep build' elsewhere and deploy the JSON");
    }

    @Test
    void invalidTemplateNamesWhereTheProblemIs() throws IOException {
        String rg = fx.resourceGroup("depai-");
        Path t = Files.createTempFile("position", ".json");
        Files.writeString(t, "{\n  \"$schema\": \"" + SCHEMA + "\",\n  \"contentVersion\": \"1.0.0.0\",\n  \"parameters\": {\n"
                + "    \"sku\": {\"type\": \"string\", \"allowedValues\": [\"Basic\", \"Standard\"]}\n  },\n  \"resources\": []\n}\n");
        // az rest shows the whole error body, additionalInfo included
        Path body = Files.createTempFile("body", ".json");
        Files.writeString(body, "{\"properties\": {\"mode\": \"Incremental\", \"parameters\": {\"sku\": {\"value\": \"Gold\"}},\n"
                + "\"template\": " + Files.readString(t) + "}}");
        var r = az.run("rest", "--method", "post", "--url", "https://management.azure.com/subscriptions/" + fx.subscription() + "/resourcegroups/" + rg
                + "/providers/Microsoft.Resources/deployments/pos/validate?api-version=2021-04-01", "--body", "@" + body);
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("InvalidTemplate").contains("\"type\":\"TemplateViolation\"").contains("\"lineNumber\":1")
                .contains("\"path\":\"properties.template.parameters.sku\"");
        // az deployment sends the file's own text, so the line is the file's (az rest re-serialized it on one line)
        var validate = az.run("deployment", "group", "validate", "-g", rg, "-f", t.toString(), "-p", "sku=Gold");
        assertThat(validate.exitCode()).isNotZero();
        assertThat(validate.stderr()).contains("for the template parameter 'sku' at line '5'");
        // what-if answers 200 with the error in its result; az prints it as CODE - message
        var whatIf = az.run("deployment", "group", "what-if", "-g", rg, "-f", t.toString(), "-p", "sku=Gold");
        assertThat(whatIf.exitCode()).isNotZero();
        assertThat(whatIf.stderr()).contains("InvalidTemplate - Deployment template validation failed: 'The provided value 'Gold'");
    }
}
