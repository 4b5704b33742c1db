package dev.cerulean.it.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.store.RegistryRecords.Blob;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's content side wired into the real server: a registry created through ARM answers
 * at its login server through the proxy (every request passes the authentication seam first), an
 * unknown login server answers the OCI 404, listUsages reports the bytes the registry stores, and
 * deleting the registry deletes its content.
 */
class RegistryHostIT {

    private final CeruleanServer server = TestServers.shared();
    private final AcrFixtures acr = new AcrFixtures(server);

    /** {@code curl https://<host><path>} through the proxy: status code, then the body. */
    private String[] curl(String host, String path) {
        Processes.Result r = Processes.run(List.of(Tools.require("curl").toString(), "-s", "-w", "\n%{http_code}",
                        "https://" + host + path),
                Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(), "CURL_CA_BUNDLE", server.caCertificate().toString()),
                null, 60);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        int nl = r.stdout().lastIndexOf('\n');
        return new String[] {r.stdout().substring(nl + 1), r.stdout().substring(0, nl).trim()};
    }

    @Test
    void loginServersAnswerAsRegistriesAndUnknownOnesAsOci404() {
        String rg = acr.resourceGroup("reghost");
        String name = AcrFixtures.unique("reghost");
        acr.registry(rg, name, "Standard", true);
        String[] known = curl(name + ".azurecr.io", "/v2/_catalog");
        assertThat(known[0]).isEqualTo("401");
        assertThat(Json.parse(known[1]).path("errors").path(0).path("code").asText()).isEqualTo("UNAUTHORIZED");
        String[] unknown = curl(AcrFixtures.unique("nosuch") + ".azurecr.io", "/v2/_catalog");
        assertThat(unknown[0]).isEqualTo("404");
        assertThat(Json.parse(unknown[1]).path("errors").path(0).path("code").asText()).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void usagesCountStoredBytesAndDeletingTheRegistryDeletesItsContent() {
        String rg = acr.resourceGroup("regcontent");
        String name = AcrFixtures.unique("regcontent");
        String id = acr.registry(rg, name, "Basic", false);
        String key = ResourceId.parse(id).key();
        var content = server.stores().registry();
        String digest = "sha256:" + "e".repeat(64);
        content.putBlob(new Blob(digest, 4242, Instant.now()));
        content.ensureRepository(key, "app", Instant.now());
        content.link(key, "app", digest, Instant.now());

        JsonNode usages = acr.arm("GET", id + "/listUsages", null).json();
        assertThat(usages.path("value").path(0).path("name").asText()).isEqualTo("Size");
        assertThat(usages.path("value").path(0).path("currentValue").asLong()).isEqualTo(4242);

        assertThat(acr.https().arm("DELETE", "/subscriptions/" + acr.subscription() + "/resourcegroups/" + rg
                + "?api-version=2021-04-01", null).status()).isIn(200, 202);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!content.repositoryNames(key, null, 10).isEmpty() && System.currentTimeMillis() < deadline) {
            acr.https().arm("GET", "/subscriptions/" + acr.subscription() + "/resourcegroups/" + rg + "?api-version=2021-04-01", null);
        }
        assertThat(content.repositoryNames(key, null, 10)).isEmpty();
        assertThat(content.isLinked(key, "app", digest)).isFalse();
    }
}
