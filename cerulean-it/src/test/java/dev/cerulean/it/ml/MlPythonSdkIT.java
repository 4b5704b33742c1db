package dev.cerulean.it.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft's Python SDK as Debian packages it ({@code python3-azure}: azure-mgmt-machinelearningservices
 * 2.0.0b1, api-version 2022-10-01, with azure-identity) through the proxy, trusting the CA with
 * {@code REQUESTS_CA_BUNDLE}: workspace create, get, lists, keys and delete; a cluster and an instance
 * with their long-running operations, stop and start; usages and VM sizes.
 */
class MlPythonSdkIT {

    /** Debian's interpreter: its dist-packages hold python3-azure (a pyenv python on PATH would not see them). */
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void workspaceAndComputes() throws URISyntaxException {
        requireSdk();
        CeruleanServer server = TestServers.start(c -> c.withLroPolls(1));
        MlFixtures f = new MlFixtures(server, "ml-python");
        var c = server.config();
        Path script = Path.of(MlPythonSdkIT.class.getResource("/ml/ml_sdk.py").toURI());
        var r = Processes.run(List.of(PYTHON.toString(), script.toString(), c.tenantId(), c.clientId(), c.clientSecret(),
                        c.subscriptionId(), f.rg, f.storage(), f.vault(), f.insights()),
                Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                        "REQUESTS_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString()), null, 180);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode out = Json.parse(r.stdout().strip().lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(out.at("/created/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/created/discovery").asText()).isEqualTo("https://eastus.api.azureml.ms/discovery");
        assertThat(out.at("/created/principal").asText()).hasSize(36);
        assertThat(out.at("/get/friendlyName").asText()).isEqualTo("from python");
        assertThat(out.get("listByGroup").toString()).contains("py-ws");
        assertThat(out.get("listBySubscription").toString()).contains("py-ws");
        assertThat(out.get("keys").asText()).endsWith(f.storage().substring(f.storage().lastIndexOf('/')));
        assertThat(out.at("/cluster/state").asText()).isEqualTo("Succeeded");
        assertThat(out.at("/cluster/vmSize").asText()).isEqualTo("STANDARD_DS3_V2");
        assertThat(out.at("/cluster/nodes").asInt()).isEqualTo(1);
        assertThat(out.get("nodes").asInt()).isEqualTo(1);
        assertThat(out.get("instance").asText()).isEqualTo("Running");
        assertThat(out.get("stopped").asText()).isEqualTo("Stopped");
        assertThat(out.get("started").asText()).isEqualTo("Running");
        assertThat(out.get("computes").toString()).contains("py-cluster", "py-instance");
        assertThat(out.get("computesAfterDelete").toString()).doesNotContain("py-instance");
        assertThat(out.get("vmSizes").asInt()).isGreaterThan(0);
        assertThat(out.get("afterDelete")).isEmpty();
        server.close();
    }

    private static void requireSdk() {
        boolean present = Files.isExecutable(PYTHON) && Processes.run(List.of(PYTHON.toString(), "-c",
                "import azure.mgmt.machinelearningservices, azure.identity"), Map.of(), null, 60).exitCode() == 0;
        Tools.requireThat(present, "python3-azure (azure-mgmt-machinelearningservices, azure-identity) is not installed for"
                + " /usr/bin/python3: skipping (bash .ci/run installs it)");
    }
}
