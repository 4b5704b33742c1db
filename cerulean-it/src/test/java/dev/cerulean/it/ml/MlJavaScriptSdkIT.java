package dev.cerulean.it.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
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
 * The Azure SDK for JavaScript from npm ({@code @azure/arm-machinelearning} 2.1.1, api-version
 * 2022-10-01, with {@code @azure/identity}) through the proxy, trusting the CA with
 * {@code NODE_EXTRA_CA_CERTS}: workspace create, get, lists, keys and delete; a cluster with its nodes
 * and delete. The packages are installed by {@code .ci/run} ({@code npm ci} in src/test/js/ml).
 */
class MlJavaScriptSdkIT {

    private static final Path DIR = Path.of("src", "test", "js", "ml").toAbsolutePath();

    @Test
    void workspaceAndCluster() {
        Path node = Tools.require("node");
        Tools.requireThat(Files.isDirectory(DIR.resolve("node_modules/@azure/arm-machinelearning")),
                "the npm packages are not installed in " + DIR + ": skipping (bash .ci/run runs npm ci there)");

        CeruleanServer server = TestServers.start(c -> c.withLroPolls(1));
        MlFixtures f = new MlFixtures(server, "ml-js");
        var c = server.config();
        var r = Processes.run(List.of(node.toString(), "ml_sdk.mjs", c.tenantId(), c.clientId(), c.clientSecret(),
                        c.subscriptionId(), f.rg, f.storage(), f.vault(), f.insights()),
                Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                        "NODE_EXTRA_CA_CERTS", server.caCertificate().toAbsolutePath().toString()), DIR, 180);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode out = Json.parse(r.stdout().strip().lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(out.at("/created/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/created/discovery").asText()).isEqualTo("https://eastus.api.azureml.ms/discovery");
        assertThat(out.at("/created/principal").asText()).hasSize(36);
        assertThat(out.get("get").asText()).isEqualTo("from javascript");
        assertThat(out.get("listByGroup").toString()).contains("js-ws");
        assertThat(out.get("listBySubscription").toString()).contains("js-ws");
        assertThat(out.get("keys").asText()).isNotEmpty();
        assertThat(out.at("/cluster/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/cluster/vmSize").asText()).isEqualTo("STANDARD_D2");
        assertThat(out.get("nodes").asInt()).isEqualTo(1);
        assertThat(out.get("computes").toString()).contains("js-cluster");
        assertThat(out.get("computesAfterDelete")).isEmpty();
        assertThat(out.get("afterDelete")).isEmpty();
        server.close();
    }
}
