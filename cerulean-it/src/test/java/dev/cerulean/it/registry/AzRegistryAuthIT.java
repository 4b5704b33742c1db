package dev.cerulean.it.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.acr.ProxyCurl;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.server.registry.OciLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token flows of az 2.45's data-plane commands (acr.md §6.4): with the Entra login, exchange
 * then the refresh-token grant with the command's scope; with {@code -u/-p}, the password grant.
 * A repository token without {@code metadata/read} cannot list tags; the catalog is never a token's.
 */
class AzRegistryAuthIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;
    static String name;
    static String registryId;
    static String ls;

    @BeforeAll
    static void start() throws IOException {
        Path skopeo = Tools.require("skopeo");
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
        name = AcrFixtures.unique("azauth");
        registryId = fx.registry(fx.resourceGroup("regazauth-"), name, "Standard", true);
        ls = name + ".azurecr.io";
        String admin = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/0/value").asText();
        ProxyCurl.Reply catalog = new ProxyCurl(server).call("https://" + ls + "/v2/_catalog", "-u", name + ":" + admin);
        assertThat(catalog.status()).as("GET /v2/_catalog with the admin user: %s", catalog.body()).isEqualTo(200);
        Path work = Files.createTempDirectory("cerulean-azauth-");
        String image = OciLayout.writeLatest(work.resolve("layout"), "az auth\n");
        Processes.Result push = Processes.run(List.of(skopeo.toString(), "--insecure-policy", "copy", "--dest-creds", name + ":" + admin,
                image, "docker://" + ls + "/team/app:v1"), Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                "SSL_CERT_FILE", server.caCertificate().toAbsolutePath().toString()), work, 180);
        assertThat(push.exitCode()).as(push.describe()).isZero();
    }

    @Test
    void entraLoginListsTheCatalogAndTags() {
        JsonNode repos = az.json("acr", "repository", "list", "-n", name, "--output", "json");
        assertThat(repos.toString()).isEqualTo("[\"team/app\"]");
        JsonNode tags = az.json("acr", "repository", "show-tags", "-n", name, "--repository", "team/app", "--output", "json");
        assertThat(tags.toString()).isEqualTo("[\"v1\"]");
    }

    @Test
    void repositoryTokensUseThePasswordGrant() {
        String reader = fx.scopeMap(registryId, "reader", "repositories/team/app/content/read", "repositories/team/app/metadata/read");
        String readerPw = password(fx.token(registryId, "reader" + name.substring(6), reader));
        JsonNode tags = az.json("acr", "repository", "show-tags", "-n", name, "--repository", "team/app",
                "-u", "reader" + name.substring(6), "-p", readerPw, "--output", "json");
        assertThat(tags.toString()).isEqualTo("[\"v1\"]");

        Processes.Result catalog = az.run("acr", "repository", "list", "-n", name, "-u", "reader" + name.substring(6), "-p", readerPw);
        assertThat(catalog.exitCode()).as("tokens never list the catalog: " + catalog.describe()).isNotZero();

        String contentOnly = fx.scopeMap(registryId, "contentonly", "repositories/team/app/content/read");
        String pullerPw = password(fx.token(registryId, "puller" + name.substring(6), contentOnly));
        Processes.Result noMetadata = az.run("acr", "repository", "show-tags", "-n", name, "--repository", "team/app",
                "-u", "puller" + name.substring(6), "-p", pullerPw);
        assertThat(noMetadata.exitCode()).as(noMetadata.describe()).isNotZero();
    }

    private static String password(String tokenId) {
        return fx.arm("POST", registryId + "/generateCredentials", "{\"tokenId\":\"" + tokenId + "\",\"name\":\"password1\"}")
                .json().at("/passwords/0/value").asText();
    }
}
