package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template of the shared corpus (../shared/conformance/templates) planned into its resource
 * list: types, names, api-versions, ids, dependency order, bodies and outputs, with the
 * {@code uniqueString}-derived names the corpus README gives for group rg1 of subscription
 * 00000000-1111-2222-3333-444444444444.
 */
class CorpusTest {
    private static final String RG = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg1";

    private static DeploymentPlan plan(String folder, String file, String parametersJson) {
        Path dir = Fixtures.corpus().resolve(folder);
        TemplateText text = TemplateText.parse(Fixtures.read(dir.resolve(file)));
        JsonNode params = parametersJson == null ? null : Json.parse(parametersJson);
        return TemplateEngine.plan(text, params, Fixtures.rg1());
    }

    private static List<String> summary(DeploymentPlan plan) {
        return plan.deployed().stream().map(r -> r.type() + " " + r.name() + " " + r.apiVersion()).toList();
    }

    @Test
    void containerRegistry() {
        DeploymentPlan plan = plan("container-registry", "azuredeploy.json",
                "{\"acrName\": {\"value\": \"ceruleanacr1\"}, \"acrAdminUserEnabled\": {\"value\": true}}");
        assertThat(summary(plan)).containsExactly("Microsoft.ContainerRegistry/registries ceruleanacr1 2019-12-01-preview");
        PlannedResource acr = plan.deployed().get(0);
        assertThat(acr.id()).isEqualTo(RG + "/providers/Microsoft.ContainerRegistry/registries/ceruleanacr1");
        ObjectNode body = plan.body(acr, new FakeRuntime());
        assertThat(Json.write(body)).isEqualTo("{\"location\":\"westus\",\"tags\":{\"displayName\":\"Container Registry\","
                + "\"container.registry\":\"ceruleanacr1\"},\"sku\":{\"name\":\"Basic\"},\"properties\":{\"adminUserEnabled\":true}}");
        FakeRuntime rt = new FakeRuntime();
        assertThat(Json.write(plan.outputs(rt)))
                .isEqualTo("{\"acrLoginServer\":{\"type\":\"String\",\"value\":\"ceruleanacr1.azurecr.io\"}}");
        assertThat(rt.calls).containsExactly("reference " + acr.id() + " 2019-12-01-preview");
    }

    @Test
    void containerRegistryGeoReplication() {
        DeploymentPlan plan = plan("container-registry-geo-replication", "azuredeploy.json",
                "{\"acrReplicaLocation\": {\"value\": \"eastus\"}}");
        assertThat(summary(plan)).containsExactly(
                "Microsoft.ContainerRegistry/registries acresry3te6a5b2e 2019-12-01-preview",
                "Microsoft.ContainerRegistry/registries/replications acresry3te6a5b2e/eastus 2019-12-01-preview");
        PlannedResource replica = plan.deployed().get(1);
        assertThat(replica.id()).isEqualTo(RG + "/providers/Microsoft.ContainerRegistry/registries/acresry3te6a5b2e/replications/eastus");
        assertThat(replica.dependsOn()).containsExactly(plan.deployed().get(0).id());
        assertThat(plan.body(replica, new FakeRuntime()).get("location").textValue()).isEqualTo("eastus");
    }

    @Test
    void containerRegistryWithPoliciesAndDiagnostics() {
        DeploymentPlan plan = plan("container-registry-with-policies-and-diagnostics", "azuredeploy.json", null);
        assertThat(summary(plan)).containsExactly("Microsoft.ContainerRegistry/registries acresry3te6a5b2e 2021-06-01-preview");
        assertThat(plan.resources()).hasSize(3); // the two conditional extension resources are planned, not deployed
        PlannedResource lock = plan.resources().stream().filter(r -> r.type().equals("Microsoft.Authorization/locks")).findFirst().orElseThrow();
        assertThat(lock.condition()).isFalse();
        assertThat(lock.id()).isEqualTo(RG + "/providers/Microsoft.ContainerRegistry/registries/acresry3te6a5b2e"
                + "/providers/Microsoft.Authorization/locks/acresry3te6a5b2e-lck");
        ObjectNode body = plan.body(plan.deployed().get(0), new FakeRuntime());
        assertThat(body.has("identity")).as("identity evaluating to null() is dropped").isFalse();
        assertThat(Json.write(body.get("properties"))).isEqualTo("{\"adminUserEnabled\":false,\"publicNetworkAccess\":\"Enabled\","
                + "\"zoneRedundancy\":\"Disabled\",\"networkRuleBypassOptions\":\"None\",\"networkRuleSet\":{},\"policies\":{}}");
        assertThat(plan.outputs(new FakeRuntime()).get("id").get("value").textValue())
                .isEqualTo(RG + "/providers/Microsoft.ContainerRegistry/registries/acresry3te6a5b2e");
    }

    @Test
    void containerRegistryWithPoliciesAndDiagnosticsEnabled() {
        DeploymentPlan plan = plan("container-registry-with-policies-and-diagnostics", "azuredeploy.json",
                "{\"acrName\": {\"value\": \"acr12345\"}, \"enableDeleteLock\": {\"value\": true}, \"enableDiagnostics\": {\"value\": true},"
                        + " \"enableSystemIdentity\": {\"value\": true}, \"ipRules\": {\"value\": {\"defaultAction\": \"Deny\", \"ipRules\": []}}}");
        assertThat(summary(plan)).containsExactly(
                "Microsoft.ContainerRegistry/registries acr12345 2021-06-01-preview",
                "Microsoft.Insights/diagnosticSettings acr12345-dgs 2021-05-01-preview",
                "Microsoft.Authorization/locks acr12345-lck 2020-05-01");
        ObjectNode body = plan.body(plan.deployed().get(0), new FakeRuntime());
        assertThat(Json.write(body.get("identity"))).isEqualTo("{\"type\":\"SystemAssigned\"}");
        assertThat(Json.write(body.get("properties").get("networkRuleSet"))).isEqualTo("{\"defaultAction\":\"Deny\",\"ipRules\":[]}");
        assertThat(plan.deployed().get(1).dependsOn()).containsExactly(plan.deployed().get(0).id());
    }

    @Test
    void storageAccountCreate() {
        DeploymentPlan plan = plan("storage-account-create", "azuredeploy.json", null);
        assertThat(summary(plan)).containsExactly("Microsoft.Storage/storageAccounts storeesry3te6a5b2e 2022-09-01");
        assertThat(Json.write(plan.body(plan.deployed().get(0), RuntimeResources.NONE)))
                .isEqualTo("{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\",\"properties\":{}}");
        assertThat(Json.write(plan.outputs(RuntimeResources.NONE))).isEqualTo("{\"storageAccountName\":{\"type\":\"String\","
                + "\"value\":\"storeesry3te6a5b2e\"},\"storageAccountId\":{\"type\":\"String\",\"value\":\"" + RG
                + "/providers/Microsoft.Storage/storageAccounts/storeesry3te6a5b2e\"}}");
    }

    @Test
    void storageMultiBlobContainerWithItsParametersFile() {
        Path dir = Fixtures.corpus().resolve("storage-multi-blob-container");
        JsonNode file = Json.parse(Fixtures.read(dir.resolve("azuredeploy.parameters.json")).replace("GEN-UNIQUE-24", "stmulti0001"));
        DeploymentPlan plan = TemplateEngine.plan(TemplateText.parse(Fixtures.read(dir.resolve("azuredeploy.json"))),
                file.get("parameters"), Fixtures.rg1());
        assertThat(summary(plan)).containsExactly(
                "Microsoft.Storage/storageAccounts stmulti0001 2023-01-01",
                "Microsoft.Storage/storageAccounts/blobServices stmulti0001/default 2023-01-01",
                "Microsoft.Storage/storageAccounts/blobServices/containers stmulti0001/default/logs0 2023-01-01",
                "Microsoft.Storage/storageAccounts/blobServices/containers stmulti0001/default/logs1 2023-01-01",
                "Microsoft.Storage/storageAccounts/blobServices/containers stmulti0001/default/logs2 2023-01-01");
        PlannedResource container = plan.deployed().get(3);
        assertThat(container.copyName()).isEqualTo("containers");
        assertThat(container.copyIndex()).isEqualTo(1);
        assertThat(container.dependsOn()).containsExactly(plan.deployed().get(1).id());
        // parameter values are literal: the file's "[resourceGroup().location]" reaches the body unevaluated
        assertThat(plan.body(plan.deployed().get(0), RuntimeResources.NONE).get("location").textValue())
                .isEqualTo("[resourceGroup().location]");
    }

    @Test
    void keyVaultCreate() {
        DeploymentPlan plan = plan("key-vault-create", "azuredeploy.json", "{\"keyVaultName\": {\"value\": \"kv-cerulean-1\"},"
                + " \"objectId\": {\"value\": \"00000000-0000-0000-0000-00000000000a\"}, \"secretName\": {\"value\": \"s1\"},"
                + " \"secretValue\": {\"value\": \"hunter2\"}}");
        assertThat(summary(plan)).containsExactly("Microsoft.KeyVault/vaults kv-cerulean-1 2021-11-01-preview",
                "Microsoft.KeyVault/vaults/secrets kv-cerulean-1/s1 2021-11-01-preview");
        JsonNode vault = plan.body(plan.deployed().get(0), RuntimeResources.NONE).get("properties");
        assertThat(vault.get("tenantId").textValue()).isEqualTo(Fixtures.TENANT);
        assertThat(Json.write(vault.get("accessPolicies").get(0).get("permissions"))).isEqualTo("{\"keys\":[\"list\"],\"secrets\":[\"list\"]}");
        assertThat(plan.body(plan.deployed().get(1), RuntimeResources.NONE).get("properties").get("value").textValue()).isEqualTo("hunter2");
        ObjectNode echo = plan.parameters().echo();
        assertThat(echo.get("secretValue").has("value")).as("secure values are never echoed").isFalse();
        assertThat(echo.get("secretValue").get("type").textValue()).isEqualTo("SecureString");
    }

    @Test
    void keyVaultManagedIdentityRoleAssignmentWithItsNestedDeployment() {
        DeploymentPlan plan = plan("key-vault-managed-identity-role-assignment", "azuredeploy.json",
                "{\"keyVaultName\": {\"value\": \"kv-mi-1\"}, \"keyVaultSku\": {\"value\": {\"name\": \"standard\", \"family\": \"A\"}}}");
        assertThat(summary(plan)).containsExactly("Microsoft.KeyVault/vaults kv-mi-1 2021-10-01",
                "Microsoft.ManagedIdentity/userAssignedIdentities my-managed-identity 2018-11-30",
                "Microsoft.Resources/deployments role-assignment 2020-10-01");
        PlannedResource nested = plan.deployed().get(2);
        assertThat(nested.id()).isEqualTo(RG + "/providers/Microsoft.Resources/deployments/role-assignment");
        assertThat(nested.dependsOn()).containsExactly(plan.deployed().get(1).id());
        ObjectNode body = plan.body(nested, new FakeRuntime());
        String roleDefinition = "/subscriptions/" + Fixtures.SUB + "/providers/Microsoft.Authorization/roleDefinitions/00482a5a-887f-4fb3-b363-3b7fe8e74483";
        assertThat(body.at("/properties/parameters/roleAssignmentName/value").textValue())
                .isEqualTo(dev.cerulean.templates.functions.Hashes.guid(RG, "aaaaaaaa-0000-0000-0000-000000000001", roleDefinition));
        assertThat(body.at("/properties/template/resources/0/name").textValue())
                .as("the inner template's expressions stay for the nested deployment").isEqualTo("[parameters('roleAssignmentName')]");

        DeploymentPlan inner = TemplateEngine.nested(plan, body, Fixtures.rg1().nested("role-assignment", null,
                Fixtures.rg1().resourceGroup()));
        PlannedResource assignment = inner.deployed().get(0);
        assertThat(assignment.type()).isEqualTo("Microsoft.Authorization/roleAssignments");
        assertThat(assignment.name()).isEqualTo(body.at("/properties/parameters/roleAssignmentName/value").textValue());
        assertThat(inner.body(assignment, RuntimeResources.NONE).at("/properties/principalId").textValue())
                .isEqualTo("aaaaaaaa-0000-0000-0000-000000000001");
    }

    @Test
    void machineLearningPrereqsThenCompute() {
        DeploymentPlan prereq = plan("machine-learning-compute-create-amlcompute", "prereqs/prereq.azuredeploy.json",
                "{\"workspaceName\": {\"value\": \"ws1\"}}");
        assertThat(summary(prereq)).containsExactly(
                "Microsoft.Storage/storageAccounts saesry3te6a5b2e 2019-06-01",
                "Microsoft.KeyVault/vaults kvesry3te6a5b2e 2019-09-01",
                "Microsoft.Insights/components aiesry3te6a5b2e 2018-05-01-preview",
                "Microsoft.MachineLearningServices/workspaces ws1 2020-03-01");
        assertThat(prereq.deployed().get(3).dependsOn()).hasSize(3);
        String workspace = prereq.outputs(RuntimeResources.NONE).get("workspaceResource").get("value").textValue();

        DeploymentPlan plan = plan("machine-learning-compute-create-amlcompute", "azuredeploy.json",
                "{\"workspaceName\": {\"value\": \"" + workspace + "\"}, \"adminUserName\": {\"value\": \"cannothavenums\"},"
                        + " \"adminUserPassword\": {\"value\": \"P@ssw0rd-1\"}, \"clusterName\": {\"value\": \"cluster1\"}}");
        assertThat(summary(plan)).containsExactly("Microsoft.MachineLearningServices/workspaces/computes ws1/cluster1 2021-01-01");
        JsonNode props = plan.body(plan.deployed().get(0), RuntimeResources.NONE).get("properties").get("properties");
        assertThat(props.has("subnet")).as("json('null') drops the member").isFalse();
        assertThat(props.at("/scaleSettings/maxNodeCount").intValue()).isEqualTo(1);
        assertThat(plan.parameters().echo().get("adminUserPassword").has("value")).isFalse();
    }
}
