package dev.cerulean.it.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's curl commands, verbatim (docs' host names) but for the placeholders, run through
 * Cerulean's proxy with only {@code HTTPS_PROXY} and {@code CURL_CA_BUNDLE} in the environment.
 */
class Seed004CurlIT {

    @Test
    void everyMachineLearningStep() {
        new Seed004Walkthrough(TestServers.shared()).run();
    }

    @Test
    void tokenThenResourceGroupList() {
        String curl = Tools.require("curl").toString();
        CeruleanServer server = TestServers.shared();
        var c = server.config();
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                "CURL_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString());

        var token = Processes.run(List.of(curl, "-sS", "-X", "POST", "https://login.microsoftonline.com/" + c.tenantId() + "/oauth2/token",
                "-d", "grant_type=client_credentials&resource=https%3A%2F%2Fmanagement.azure.com%2F&client_id=" + c.clientId()
                        + "&client_secret=" + c.clientSecret()), env, null, 60);
        assertThat(token.exitCode()).as(token.describe()).isZero();
        JsonNode t = Json.parse(token.stdout());
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").isTextual()).isTrue();
        assertThat(t.get("expires_in").asText()).isEqualTo("3599");
        assertThat(t.get("resource").asText()).isEqualTo("https://management.azure.com/");
        for (String f : List.of("ext_expires_in", "expires_on", "not_before", "access_token")) assertThat(t.has(f)).as(f).isTrue();

        var list = Processes.run(List.of(curl, "-sS", "https://management.azure.com/subscriptions/" + c.subscriptionId()
                + "/resourceGroups?api-version=2021-04-01", "-H", "Authorization:Bearer " + t.get("access_token").asText()), env, null, 60);
        assertThat(list.exitCode()).as(list.describe()).isZero();
        JsonNode groups = Json.parse(list.stdout());
        assertThat(groups.get("value").isArray()).isTrue();
        groups.get("value").forEach(g -> assertThat(g.get("type").asText()).isEqualTo("Microsoft.Resources/resourceGroups"));
    }
}
