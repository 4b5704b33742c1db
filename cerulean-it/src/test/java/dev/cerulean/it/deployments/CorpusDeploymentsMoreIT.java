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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * az 2.45 deploying corpus templates (../shared/conformance/templates) that use the identity, key
 * vault, role assignment, machine learning and registry providers, checking what each created. The
 * storage, key-vault-create and diagnostics templates are in {@code CorpusTemplatesIT};
 * {@code container-registry} and {@code container-registry-with-policies-and-diagnostics}' names
 * in {@link AzDeploymentIT}; {@code container-registry-geo-replication} in {@code AzAcrReplicationIT}.
 */
class CorpusDeploymentsMoreIT {
    /** Key Vault Administrator, the role the template assigns. */
    private static final String KEY_VAULT_ADMINISTRATOR = "00482a5a-887f-4fb3-b363-3b7fe8e74483";
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
    void keyVaultWithAManagedIdentityAndARoleAssignmentInANestedDeployment() {
        String rg = fx.resourceGroup("cmkv-");
        String vault = AcrFixtures.unique("cmkv").replace("_", "-");
        String dir = "key-vault-managed-identity-role-assignment/";
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "kvmi", "-f", Shared.template(dir + "azuredeploy.json"),
                "-p", "@" + Shared.template(dir + "azuredeploy.parameters.json"), "-p", "keyVaultName=" + vault);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        JsonNode kv = az.json("keyvault", "show", "-n", vault);
        assertThat(kv.at("/properties/enableRbacAuthorization").asBoolean()).isTrue();
        assertThat(kv.at("/properties/sku/name").asText()).isEqualToIgnoringCase("standard");
        assertThat(kv.at("/properties/tenantId").asText()).isEqualTo(server.config().tenantId());
        String principal = az.json("identity", "show", "-n", "my-managed-identity", "-g", rg).get("principalId").asText();

        // the nested deployment ran at the group with its own history entry, and assigned the role under its guid() name
        assertThat(az.ok("deployment", "group", "show", "-g", rg, "-n", "role-assignment", "--query", "properties.provisioningState", "-o", "tsv")
                .trim()).isEqualTo("Succeeded");
        String groupId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg;
        String roleDefinition = "/subscriptions/" + fx.subscription() + "/providers/Microsoft.Authorization/roleDefinitions/" + KEY_VAULT_ADMINISTRATOR;
        // (Debian's az 2.45 'role assignment list' fails client-side on RoleDefinitionsOperations: read it with az rest)
        String name = Hashes.guid(groupId, principal, roleDefinition);
        JsonNode assignment = az.json("rest", "--method", "get", "--url", "https://management.azure.com" + groupId
                + "/providers/Microsoft.Authorization/roleAssignments/" + name + "?api-version=2022-04-01");
        assertThat(assignment.at("/properties/principalId").asText()).isEqualTo(principal);
        assertThat(assignment.at("/properties/roleDefinitionId").asText()).isEqualTo(roleDefinition);
        assertThat(assignment.at("/properties/principalType").asText()).isEqualTo("ServicePrincipal");
        assertThat(assignment.at("/properties/scope").asText()).isEqualToIgnoringCase(groupId);
    }

    @Test
    void amlComputeClusterInAWorkspaceTheCorpusPrerequisiteCreates() {
        String rg = fx.resourceGroup("cmml-");
        String dir = "machine-learning-compute-create-amlcompute/";
        String workspace = AcrFixtures.unique("cmws");
        JsonNode prereq = az.json("deployment", "group", "create", "-g", rg, "-n", "prereq", "-f", Shared.template(dir + "prereqs/prereq.azuredeploy.json"),
                "-p", "workspaceName=" + workspace);
        assertThat(prereq.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(prereq.at("/properties/outputs/workspaceResource/value").asText()).isEqualTo(workspace);
        String unique = Hashes.uniqueString("/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg);
        assertThat(az.json("storage", "account", "show", "-n", "sa" + unique, "-g", rg).get("kind").asText()).isEqualTo("StorageV2");

        String cluster = "c" + AcrFixtures.unique("").replace("-", "").substring(0, 7);
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "compute", "-f", Shared.template(dir + "azuredeploy.json"),
                "-p", "@" + Shared.template(dir + "azuredeploy.parameters.json"), "-p", "workspaceName=" + workspace, "clusterName=" + cluster,
                "adminUserPassword=Pa55-" + System.nanoTime());
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(dep.at("/properties/parameters/adminUserPassword/value").isMissingNode()).as("secure values are not echoed").isTrue();
        String computeId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + workspace + "/computes/" + cluster;
        assertThat(dep.at("/properties/outputResources/0/id").asText()).isEqualToIgnoringCase(computeId);
        JsonNode compute = az.json("rest", "--method", "get", "--url", "https://management.azure.com" + computeId + "?api-version=2023-04-01");
        assertThat(compute.at("/properties/computeType").asText()).isEqualTo("AmlCompute");
        assertThat(compute.at("/properties/properties/scaleSettings/maxNodeCount").asInt()).isEqualTo(1);
        assertThat(compute.at("/properties/properties/scaleSettings/minNodeCount").asInt()).isEqualTo(0);
        assertThat(compute.toString()).as("the admin password is never shown").doesNotContain("Pa55-");
    }
}
