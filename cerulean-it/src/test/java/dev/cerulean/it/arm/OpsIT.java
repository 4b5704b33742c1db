package dev.cerulean.it.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Cerulean's own surface: readiness, metrics, and the endpoints.json contract scripts rely on. */
class OpsIT {

    @Test
    void healthAnswers200WhenReady() {
        CeruleanServer server = TestServers.shared();
        var r = new Https(server).send("GET", "/cerulean/health", null, Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void endpointsFileHasExactlyTheDocumentedKeys() throws Exception {
        CeruleanServer server = TestServers.shared();
        JsonNode file = Json.parse(Files.readString(server.config().dataDir().resolve("endpoints.json")));
        List<String> keys = new ArrayList<>();
        file.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("armEndpoint", "loginEndpoint", "proxyUrl", "tenantId", "subscriptionId",
                "clientId", "clientSecret", "caCertificate", "httpsPort", "proxyPort");
        assertThat(file.get("httpsPort").asInt()).isEqualTo(server.httpsPort());
        assertThat(file.get("proxyUrl").asText()).isEqualTo("http://127.0.0.1:" + server.proxyPort());
        assertThat(Files.exists(java.nio.file.Path.of(file.get("caCertificate").asText()))).isTrue();
        assertThat(file.get("subscriptionId").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
    }

    @Test
    void metricsCountRequestsPerSurface() {
        CeruleanServer server = TestServers.shared();
        Https https = new Https(server);
        https.arm("GET", "/subscriptions?api-version=2019-11-01", null);
        String metrics = https.send("GET", "/cerulean/metrics", null, Map.of()).body();
        assertThat(metrics).contains("cerulean_http_requests_seconds_count{method=\"GET\",status=\"200\",surface=\"arm\"}");
        assertThat(metrics).contains("surface=\"entra\"");
    }
}
