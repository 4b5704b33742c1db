package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Azure SDK for JavaScript from the npm registry ({@code @azure/arm-resources} 6.1.0, api-version
 * 2025-03-01, pinned in {@code src/test/js/package-lock.json}, installed by {@code .ci/run} with
 * {@code npm ci}) running {@code src/test/js/deployments.mjs}: validate, create (LRO), list,
 * operations, exportTemplate, a refused parameter and delete (deployments.md §4).
 */
class DeploymentsJsIT {

    private static final Path JS = Path.of("src", "test", "js");

    @Test
    void javascriptSdkDeploysATemplate() {
        Path node = Tools.require("node");
        Tools.requireThat(Files.isDirectory(JS.resolve("node_modules/@azure/arm-resources")),
                "the npm packages are not installed: run npm ci in cerulean-it/src/test/js (bash .ci/run does)");

        CeruleanServer server = TestServers.shared();
        var c = server.config();
        String rg = AcrFixtures.unique("depjs-");
        String identity = AcrFixtures.unique("jsid-");
        Map<String, String> env = Map.of("CERULEAN_BASE", "https://localhost:" + server.httpsPort(),
                "CERULEAN_TENANT", c.tenantId(), "CERULEAN_CLIENT_ID", c.clientId(), "CERULEAN_SECRET", c.clientSecret(),
                "CERULEAN_SUBSCRIPTION", c.subscriptionId(), "CERULEAN_GROUP", rg, "CERULEAN_IDENTITY", identity,
                "NODE_EXTRA_CA_CERTS", server.caCertificate().toAbsolutePath().toString(), "NO_PROXY", "*");
        Processes.Result r = Processes.run(List.of(node.toString(), "deployments.mjs"), env, JS, 180);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode out = Json.parse(r.stdout().trim());

        String identityId = "/subscriptions/" + c.subscriptionId() + "/resourceGroups/" + rg
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + identity;
        assertThat(out.at("/validated/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/validated/resources/0").asText()).isEqualTo(identityId);
        assertThat(out.at("/created/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/created/id").asText()).endsWith("/resourceGroups/" + rg + "/providers/Microsoft.Resources/deployments/js1");
        assertThat(out.at("/created/outputs/principal/value").asText()).matches("[0-9a-f-]{36}");
        assertThat(out.at("/created/outputResources/0").asText()).isEqualTo(identityId);
        assertThat(out.path("listed").toString()).contains("js1");
        assertThat(out.at("/operations/0/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/operations/0/type").asText()).isEqualTo("Microsoft.ManagedIdentity/userAssignedIdentities");
        assertThat(out.at("/exported").asText()).isEqualTo("Microsoft.ManagedIdentity/userAssignedIdentities");
        assertThat(out.at("/refused/status").asInt()).isEqualTo(400);
        assertThat(out.at("/refused/code").asText()).isEqualTo("InvalidTemplate");
        assertThat(out.at("/refused/message").asText()).contains("is not part of the allowed value(s)");
        assertThat(out.path("after").toString()).doesNotContain("js1");
    }
}
