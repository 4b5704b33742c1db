package dev.cerulean.it.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock az 2.45 (its {@code ml} extension cannot be installed offline) drives Machine Learning
 * with {@code az rest} through the proxy: workspace PUT (single-quoted body, as the docs write
 * them), GET, PATCH, listKeys, a compute, the ML data plane on the regional host, and DELETE.
 */
class MlAzRestIT {

    @Test
    void workspaceWithAzRest() {
        CeruleanServer server = TestServers.shared();
        MlFixtures f = new MlFixtures(server, "ml-azrest");
        Az az = Az.viaProxy(server).login(server);
        String url = "https://management.azure.com" + f.workspacePath("az-ws");
        String v = "?api-version=2022-05-01";
        String body = "{'location': 'eastus', 'identity': {'type': 'SystemAssigned'}, 'properties': {'storageAccount': '"
                + f.storage() + "', 'keyVault': '" + f.vault() + "', 'applicationInsights': '" + f.insights() + "'}}";
        var put = az.run("rest", "--method", "put", "--url", url + v, "--body", body);
        assertThat(put.exitCode()).as(put.describe()).isZero();

        JsonNode got = az.json("rest", "--method", "get", "--url", url + v);
        assertThat(got.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(got.at("/properties/discoveryUrl").asText()).isEqualTo("https://eastus.api.azureml.ms/discovery");
        JsonNode patched = az.json("rest", "--method", "patch", "--url", url + v, "--body", "{'properties': {'friendlyName': 'via az'}}");
        assertThat(patched.at("/properties/friendlyName").asText()).isEqualTo("via az");
        JsonNode keys = az.json("rest", "--method", "post", "--url", url + "/listKeys" + v);
        assertThat(keys.get("userStorageResourceId").asText()).isNotEmpty();

        JsonNode compute = az.json("rest", "--method", "put", "--url", url + "/computes/az-cpu" + v, "--body",
                "{'properties': {'computeType': 'AmlCompute', 'properties': {'vmSize': 'Standard_D2', "
                        + "'scaleSettings': {'maxNodeCount': 2, 'minNodeCount': 0}}}}");
        assertThat(compute.get("name").asText()).isEqualTo("az-cpu");
        JsonNode computes = az.json("rest", "--method", "get", "--url", url + "/computes" + v);
        assertThat(computes.get("value")).hasSize(1);

        // the regional data plane takes the same ARM token az holds (resource given explicitly: not an ARM URL)
        String regional = "https://eastus.api.azureml.ms/history/v1.0" + f.workspacePath("az-ws") + "/experiments" + v;
        JsonNode experiments = az.json("rest", "--method", "get", "--url", regional, "--resource", "https://management.azure.com/");
        assertThat(experiments.get("value").isArray()).isTrue();

        var deleted = az.run("rest", "--method", "delete", "--url", url + v);
        assertThat(deleted.exitCode()).as(deleted.describe()).isZero();
        var missing = az.run("rest", "--method", "get", "--url", url + v);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ResourceNotFound");
    }
}
