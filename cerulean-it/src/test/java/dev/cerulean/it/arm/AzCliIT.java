package dev.cerulean.it.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock Debian az 2.45 against Cerulean: with nothing but the proxy and the CA bundle in its
 * environment (default AzureCloud, docs' host names), and with a custom cloud on localhost.
 */
class AzCliIT {

    static CeruleanServer server;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
    }

    @Test
    void stockCloudThroughTheProxy() {
        Az az = Az.viaProxy(server).login(server);
        JsonNode account = az.json("account", "show", "--output", "json");
        assertThat(account.get("id").asText()).isEqualTo(server.config().subscriptionId());
        assertThat(account.get("tenantId").asText()).isEqualTo(server.config().tenantId());
        assertThat(account.get("environmentName").asText()).isEqualTo("AzureCloud");

        String rg = "az-proxy-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = az.json("group", "create", "--name", rg, "--location", "westus", "--output", "json");
        assertThat(created.get("name").asText()).isEqualTo(rg);
        assertThat(created.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(az.json("group", "show", "--name", rg).get("location").asText()).isEqualTo("westus");
        assertThat(az.ok("group", "exists", "--name", rg).trim()).isEqualTo("true");
        JsonNode list = az.json("group", "list", "--query", "[?name=='" + rg + "']");
        assertThat(list).hasSize(1);
        JsonNode rest = az.json("rest", "--method", "get", "--url",
                "https://management.azure.com/subscriptions/" + server.config().subscriptionId() + "/resourcegroups/" + rg
                        + "?api-version=2021-04-01");
        assertThat(rest.get("id").asText()).endsWith("/resourceGroups/" + rg);
        az.ok("group", "delete", "--name", rg, "--yes");
        assertThat(az.ok("group", "exists", "--name", rg).trim()).isEqualTo("false");
        var missing = az.run("group", "show", "--name", rg);
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.stderr()).contains("ResourceGroupNotFound");
    }

    @Test
    void customCloudOnLocalhost() {
        Az az = Az.customCloud(server).login(server);
        String rg = "az-cloud-" + UUID.randomUUID().toString().substring(0, 8);
        az.ok("group", "create", "-n", rg, "-l", "eastus");
        JsonNode shown = az.json("group", "show", "-n", rg);
        assertThat(shown.get("location").asText()).isEqualTo("eastus");
        JsonNode rest = az.json("rest", "--method", "get", "--url", "https://localhost:" + server.httpsPort()
                + "/subscriptions/" + server.config().subscriptionId() + "/resourcegroups?api-version=2021-04-01");
        assertThat(rest.get("value").toString()).contains(rg);
        az.ok("group", "delete", "-n", rg, "--yes");
    }

    @Test
    void adfsStyleAuthorityNeedsNoProxy() {
        Az az = Az.adfsCloud(server);
        az.env().remove("HTTPS_PROXY");
        az.env().remove("HTTP_PROXY");
        az.login(server);
        assertThat(az.json("account", "show").get("id").asText()).isEqualTo(server.config().subscriptionId());
        JsonNode token = az.json("account", "get-access-token", "--resource", "https://management.core.windows.net/");
        assertThat(token.get("accessToken").asText()).isNotBlank();
        assertThat(az.json("group", "list")).isNotNull();
    }
}
