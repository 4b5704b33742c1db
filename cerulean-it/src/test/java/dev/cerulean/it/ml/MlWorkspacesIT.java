package dev.cerulean.it.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft.MachineLearningServices over HTTPS on localhost: workspace create as the doc reports it
 * (202 + Location), the read-only property set, lists, PATCH, the actions, computes with provisioning
 * counted in polls, and deletes that take computes but leave dependents.
 */
class MlWorkspacesIT {

    private static final String V = "?api-version=2022-05-01";
    /** Every operation here reports InProgress once before completing. */
    private static final CeruleanServer SERVER = TestServers.start(c -> c.withLroPolls(1));

    @Test
    void workspaceLifecycle() {
        MlFixtures f = new MlFixtures(SERVER, "ml-life");
        Https h = f.https;
        String storage = f.storage(), vault = f.vault(), insights = f.insights();
        String ws = f.workspacePath("ws-life");

        var created = h.arm("PUT", ws + V, f.workspaceBody(storage, vault, "subscriptions/" + insights.substring(15), null));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        assertThat(created.body()).isEmpty();
        String location = created.header("Location");
        String async = created.header("Azure-AsyncOperation");
        assertThat(location).isNotNull();
        assertThat(async).isNotNull();
        assertThat(h.arm("GET", async, null).json().get("status").asText()).isEqualTo("InProgress");
        assertThat(h.arm("GET", location, null).status()).isEqualTo(200);
        assertThat(h.arm("GET", async, null).json().get("status").asText()).isEqualTo("Succeeded");

        JsonNode doc = h.arm("GET", ws + V, null).json();
        JsonNode p = doc.get("properties");
        assertThat(doc.get("identity").get("type").asText()).isEqualTo("SystemAssigned");
        assertThat(doc.get("identity").get("principalId").asText()).hasSize(36);
        assertThat(doc.get("sku").get("name").asText()).isEqualTo("Basic");
        assertThat(p.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(p.get("applicationInsights").asText()).isEqualToIgnoringCase(insights);
        assertThat(p.get("discoveryUrl").asText()).isEqualTo("https://eastus.api.azureml.ms/discovery");
        assertThat(p.get("mlFlowTrackingUri").asText()).startsWith("azureml://eastus.api.azureml.ms/mlflow/v1.0/subscriptions/");
        assertThat(p.get("workspaceId").asText()).hasSize(36);
        for (String field : new String[]{"hbiWorkspace", "tenantId", "notebookInfo", "storageHnsEnabled", "privateLinkCount",
                "publicNetworkAccess", "allowPublicAccessWhenBehindVnet", "v1LegacyMode", "containerRegistry"}) {
            assertThat(p.has(field)).as(field).isTrue();
        }

        // lists: by group with the doc's trailing slash, by subscription
        var list = h.arm("GET", "/subscriptions/" + f.sub + "/resourceGroups/" + f.rg
                + "/providers/Microsoft.MachineLearningServices/workspaces/" + V, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("value")).hasSize(1);
        var bySub = h.arm("GET", "/subscriptions/" + f.sub + "/providers/Microsoft.MachineLearningServices/workspaces" + V, null);
        assertThat(bySub.json().get("value").size()).isGreaterThanOrEqualTo(1);

        // PATCH keeps the workspace id; storage cannot change
        var patched = h.arm("PATCH", ws + V, "{\"tags\":{\"a\":\"b\"},\"properties\":{\"description\":\"changed\"}}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("properties").get("workspaceId").asText()).isEqualTo(p.get("workspaceId").asText());
        assertThat(patched.json().get("properties").get("description").asText()).isEqualTo("changed");
        var immutable = h.arm("PATCH", ws + V, "{\"properties\":{\"storageAccount\":\"" + f.storage().replace("st", "sx") + "\"}}");
        assertThat(immutable.status()).isEqualTo(400);

        // actions
        var keys = h.arm("POST", ws + "/listKeys" + V, null);
        assertThat(keys.status()).as(keys.toString()).isEqualTo(200);
        assertThat(keys.json().get("userStorageResourceId").asText()).isEqualToIgnoringCase(storage);
        assertThat(keys.json().get("userStorageKey").asText()).isNotBlank();
        assertThat(keys.json().get("appInsightsInstrumentationKey").asText()).hasSize(36);
        assertThat(h.arm("POST", ws + "/resyncKeys" + V, null).status()).isEqualTo(200);
        assertThat(h.arm("POST", ws + "/diagnose" + V, "{\"value\":{}}").json().get("value").has("dnsResolutionResults")).isTrue();
        assertThat(h.arm("POST", ws + "/listNotebookAccessToken" + V, null).json().get("tokenType").asText()).isEqualTo("Bearer");

        // an AmlCompute: 201 + Azure-AsyncOperation, Creating until the poll completes it
        String compute = ws + "/computes/cpu-1";
        var c = h.arm("PUT", compute + V, "{\"location\":\"eastus\",\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":"
                + "{\"vmSize\":\"Standard_D1\",\"vmPriority\":\"Dedicated\",\"scaleSettings\":{\"maxNodeCount\":2,\"minNodeCount\":1,"
                + "\"nodeIdleTimeBeforeScaleDown\":\"PT30M\"}}},\"userAccountCredentials\":{\"adminUserName\":\"u\",\"adminUserPassword\":\"secret-pw\"}}");
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        assertThat(c.body()).doesNotContain("secret-pw");
        assertThat(c.json().get("properties").get("provisioningState").asText()).isEqualTo("Creating");
        assertThat(c.json().get("properties").get("properties").get("allocationState").asText()).isEqualTo("Resizing");
        String computeOp = c.header("Azure-AsyncOperation");
        assertThat(h.arm("GET", computeOp, null).json().get("status").asText()).isEqualTo("InProgress");
        assertThat(h.arm("GET", computeOp, null).json().get("status").asText()).isEqualTo("Succeeded");
        JsonNode cp = h.arm("GET", compute + V, null).json().get("properties");
        assertThat(cp.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(cp.get("properties").get("vmSize").asText()).isEqualTo("STANDARD_D1");
        assertThat(cp.get("properties").get("currentNodeCount").asInt()).isEqualTo(1);
        assertThat(h.arm("POST", compute + "/listNodes" + V, null).json().get("nodes")).hasSize(1);
        var scaled = h.arm("PATCH", compute + V, "{\"properties\":{\"properties\":{\"scaleSettings\":{\"maxNodeCount\":3,\"minNodeCount\":2}}}}");
        assertThat(scaled.status()).as(scaled.toString()).isEqualTo(200);
        assertThat(scaled.json().at("/properties/properties/scaleSettings/maxNodeCount").asInt()).isEqualTo(3);
        assertThat(scaled.json().at("/properties/properties/targetNodeCount").asInt()).isEqualTo(2);
        assertThat(h.arm("GET", ws + "/computes" + V, null).json().get("value")).hasSize(1);
        var usages = h.arm("GET", "/subscriptions/" + f.sub + "/providers/Microsoft.MachineLearningServices/locations/eastus/usages" + V, null);
        assertThat(usages.json().get("value").get(0).get("currentValue").asInt()).as(usages.body() + h.arm("GET", ws + "/computes" + V, null).body()).isGreaterThanOrEqualTo(1);

        // unknown VM size: accepted, then Failed with provisioningErrors
        var bad = h.arm("PUT", ws + "/computes/bad-size" + V, "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":"
                + "{\"vmSize\":\"Standard_B2s\",\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":0}}}}");
        assertThat(bad.status()).isEqualTo(201);
        h.arm("GET", bad.header("Azure-AsyncOperation"), null);
        JsonNode failed = h.arm("GET", bad.header("Azure-AsyncOperation"), null).json();
        assertThat(failed.get("status").asText()).isEqualTo("Failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("InvalidPropertyValue");
        JsonNode badDoc = h.arm("GET", ws + "/computes/bad-size" + V, null).json().get("properties");
        assertThat(badDoc.get("provisioningState").asText()).isEqualTo("Failed");
        assertThat(badDoc.get("provisioningErrors").get(0).get("error").get("message").asText()).containsIgnoringCase("Standard_B2s");

        // compute DELETE needs underlyingResourceAction
        assertThat(h.arm("DELETE", ws + "/computes/bad-size" + V, null).status()).isEqualTo(400);
        var del = h.arm("DELETE", ws + "/computes/bad-size" + V + "&underlyingResourceAction=Delete", null);
        assertThat(del.status()).isEqualTo(202);
        h.arm("GET", del.header("Location"), null);
        h.arm("GET", del.header("Location"), null);
        assertThat(h.arm("GET", ws + "/computes/bad-size" + V, null).status()).isEqualTo(404);

        // workspace DELETE: computes go, dependents stay
        var wsDel = h.arm("DELETE", ws + V, null);
        assertThat(wsDel.status()).isEqualTo(202);
        assertThat(wsDel.header("Azure-AsyncOperation")).isNotNull();
        h.arm("GET", wsDel.header("Location"), null);
        h.arm("GET", wsDel.header("Location"), null);
        assertThat(h.arm("GET", ws + V, null).status()).isEqualTo(404);
        assertThat(h.arm("GET", compute + V, null).status()).isEqualTo(404);
        assertThat(SERVER.stores().resources().get(storage.toLowerCase()).isPresent()).isTrue();
        assertThat(h.arm("DELETE", ws + V, null).status()).isEqualTo(204);
    }

    @Test
    void identitiesEncryptionAndRegistry() {
        MlFixtures f = new MlFixtures(SERVER, "ml-ident");
        Https h = f.https;
        String storage = f.storage(), vault = f.vault(), insights = f.insights(), uai = f.identity();
        String ws = f.workspacePath("ws-uai");
        String body = "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned,UserAssigned\",\"userAssignedIdentities\":{\""
                + uai + "\":{}}},\"properties\":{\"storageAccount\":\"" + storage + "\",\"keyVault\":\"" + vault
                + "\",\"applicationInsights\":\"" + insights + "\",\"encryption\":{\"status\":\"Enabled\",\"identity\":{\"userAssignedIdentity\":null},"
                + "\"keyVaultProperties\":{\"keyVaultArmId\":\"" + vault + "\",\"keyIdentifier\":\"https://" + f.vaultName()
                + ".vault.azure.net/keys/k1/0123456789abcdef\",\"identityClientId\":\"\"}}}}";
        var r = h.arm("PUT", ws + V, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        h.arm("GET", r.header("Location"), null);
        JsonNode doc = h.arm("GET", r.header("Location"), null).json();
        assertThat(doc.get("identity").get("type").asText()).isEqualTo("SystemAssigned,UserAssigned");
        JsonNode entry = doc.get("identity").get("userAssignedIdentities").get(uai);
        assertThat(entry.get("principalId").asText()).hasSize(36);
        assertThat(doc.get("properties").get("encryption").get("status").asText()).isEqualTo("Enabled");

        var wrongKey = h.arm("PUT", f.workspacePath("ws-cmk2") + V, body.replace("https://" + f.vaultName(), "https://othervault"));
        assertThat(wrongKey.status()).isEqualTo(400);
        assertThat(wrongKey.json().get("error").get("code").asText()).isEqualTo("ValidationError");

        // a registry without admin user: accepted, the operation fails with the doc's hint
        var acr = h.arm("PUT", f.workspacePath("ws-acr") + V, f.workspaceBody(storage, vault, insights,
                "\"containerRegistry\":\"" + f.registry(false) + "\""));
        assertThat(acr.status()).isEqualTo(202);
        h.arm("GET", acr.header("Azure-AsyncOperation"), null);
        JsonNode st = h.arm("GET", acr.header("Azure-AsyncOperation"), null).json();
        assertThat(st.get("status").asText()).isEqualTo("Failed");
        assertThat(st.get("error").get("message").asText()).contains("admin");
        var ok = h.arm("PUT", f.workspacePath("ws-acr2") + V, f.workspaceBody(storage, vault, insights,
                "\"containerRegistry\":\"" + f.registry(true) + "\""));
        h.arm("GET", ok.header("Location"), null);
        assertThat(h.arm("GET", ok.header("Location"), null).status()).isEqualTo(200);
        // ML's continuation parameter is $skip
        String groupList = "/subscriptions/" + f.sub + "/resourceGroups/" + f.rg + "/providers/Microsoft.MachineLearningServices/workspaces";
        JsonNode first = h.arm("GET", groupList + V + "&$top=1", null).json();
        String token = first.get("nextLink").asText().replaceAll(".*\\$skipToken=", "");
        JsonNode second = h.arm("GET", groupList + V + "&$top=1&$skip=" + token, null).json();
        assertThat(second.get("value").get(0).get("name").asText()).isNotEqualTo(first.get("value").get(0).get("name").asText());
        JsonNode creds = h.arm("POST", f.workspacePath("ws-acr2") + "/listKeys" + V, null).json().get("containerRegistryCredentials");
        assertThat(creds.get("username").asText()).startsWith("cr");
        assertThat(creds.get("passwords")).hasSize(2);
    }

    @Test
    void providerReads() {
        Https h = new Https(SERVER);
        String sub = SERVER.config().subscriptionId();
        var ops = h.send("GET", "/providers/Microsoft.MachineLearningServices/operations" + V, null,
                Map.of("Authorization", "Bearer " + h.token()));
        assertThat(ops.status()).as(ops.toString()).isEqualTo(200);
        assertThat(ops.json().get("value").size()).isGreaterThan(3);
        var sizes = h.arm("GET", "/subscriptions/" + sub + "/providers/Microsoft.MachineLearningServices/locations/eastus/vmSizes" + V, null);
        assertThat(sizes.json().get("value").get(0).get("name").asText()).isEqualTo("Standard_D1");
        var quotas = h.arm("GET", "/subscriptions/" + sub + "/providers/Microsoft.MachineLearningServices/locations/eastus/quotas" + V, null);
        assertThat(quotas.json().get("value").size()).isGreaterThan(0);
    }
}
