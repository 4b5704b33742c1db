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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skopeo 1.9 through the proxy with every credential kind (acr.md §5.3, §5.6, clients.md §6): the
 * admin user copies, inspects, lists tags and deletes; a repository-scoped token pushes inside its
 * scope map and is refused outside it, a pull-only token pulls and cannot push, a disabled token is
 * locked out; the development service principal and the token {@code az acr login --expose-token}
 * prints push and pull.
 */
class SkopeoCredentialsIT {

    static final String ZERO = "00000000-0000-0000-0000-000000000000";

    static CeruleanServer server;
    static AcrFixtures fx;
    static Path skopeo;
    static Path work;
    static String image;
    static String name;
    static String registryId;
    static String ls;
    static String admin;

    @BeforeAll
    static void start() throws IOException {
        skopeo = Tools.require("skopeo");
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        work = Files.createTempDirectory("cerulean-skopeo-");
        image = OciLayout.writeLatest(work.resolve("layout"), "hello from cerulean\n");
        name = AcrFixtures.unique("skopeo");
        registryId = fx.registry(fx.resourceGroup("regskopeo-"), name, "Standard", true);
        ls = name + ".azurecr.io";
        admin = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/0/value").asText();
        ProxyCurl.Reply catalog = new ProxyCurl(server).call("https://" + ls + "/v2/_catalog", "-u", name + ":" + admin);
        assertThat(catalog.status()).as("GET /v2/_catalog with the admin user: %s", catalog.body()).isEqualTo(200);
    }

    static Processes.Result skopeo(String... args) {
        List<String> cmd = new ArrayList<>(List.of(skopeo.toString(), "--insecure-policy"));
        cmd.addAll(List.of(args));
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(), "NO_PROXY", "",
                "SSL_CERT_FILE", server.caCertificate().toAbsolutePath().toString(),
                "REGISTRY_AUTH_FILE", work.resolve("auth.json").toString());
        return Processes.run(cmd, env, work, 180);
    }

    static void ok(Processes.Result r) {
        assertThat(r.exitCode()).as(r.describe()).isZero();
    }

    static void refused(Processes.Result r) {
        assertThat(r.exitCode()).as(r.describe()).isNotZero();
        assertThat(r.stderr()).containsAnyOf("denied", "unauthorized", "invalid username/password");
    }

    @Test
    void adminUserCopiesInspectsListsAndDeletes() {
        String creds = name + ":" + admin;
        ok(skopeo("copy", "--dest-creds", creds, image, "docker://" + ls + "/hello:v1"));
        Processes.Result inspect = skopeo("inspect", "--creds", creds, "docker://" + ls + "/hello:v1");
        ok(inspect);
        assertThat(Json.parse(inspect.stdout()).get("Digest").asText()).startsWith("sha256:");
        Processes.Result tags = skopeo("list-tags", "--creds", creds, "docker://" + ls + "/hello");
        ok(tags);
        assertThat(Json.parse(tags.stdout()).get("Tags").toString()).isEqualTo("[\"v1\"]");
        ok(skopeo("delete", "--creds", creds, "docker://" + ls + "/hello:v1"));
        refused(skopeo("inspect", "--creds", name + ":wrong", "docker://" + ls + "/hello:v1"));
    }

    @Test
    void repositoryTokensStayInsideTheirScopeMap() {
        String pushMap = fx.scopeMap(registryId, "team-push", "repositories/team/app/content/read",
                "repositories/team/app/content/write", "repositories/team/app/metadata/read");
        String pusher = "pusher" + name.substring(6);
        String pusherPw = password(fx.token(registryId, pusher, pushMap));
        ok(skopeo("copy", "--dest-creds", pusher + ":" + pusherPw, image, "docker://" + ls + "/team/app:v1"));
        ok(skopeo("inspect", "--creds", pusher + ":" + pusherPw, "docker://" + ls + "/team/app:v1"));
        refused(skopeo("copy", "--dest-creds", pusher + ":" + pusherPw, image, "docker://" + ls + "/other:v1"));

        String pullMap = fx.scopeMap(registryId, "team-pull", "repositories/team/*/content/read");
        String puller = "puller" + name.substring(6);
        String pullerTokenId = fx.token(registryId, puller, pullMap);
        String pullerPw = password(pullerTokenId);
        ok(skopeo("copy", "--src-creds", puller + ":" + pullerPw, "docker://" + ls + "/team/app:v1", "oci:" + work.resolve("pulled") + ":v1"));
        refused(skopeo("copy", "--dest-creds", puller + ":" + pullerPw, image, "docker://" + ls + "/team/app:v2"));

        assertThat(fx.arm("PATCH", pullerTokenId, "{\"properties\":{\"status\":\"disabled\"}}").status()).isEqualTo(200);
        refused(skopeo("inspect", "--creds", puller + ":" + pullerPw, "docker://" + ls + "/team/app:v1"));
    }

    @Test
    void servicePrincipalAndTheExposedToken() {
        var c = server.config();
        ok(skopeo("copy", "--dest-creds", c.clientId() + ":" + c.clientSecret(), image, "docker://" + ls + "/sp/app:v1"));
        ok(skopeo("inspect", "--creds", c.clientId() + ":" + c.clientSecret(), "docker://" + ls + "/sp/app:v1"));

        Az az = Az.viaProxy(server).login(server);
        String token = az.ok("acr", "login", "-n", name, "--expose-token", "--output", "tsv", "--query", "accessToken").strip();
        ok(skopeo("copy", "--dest-creds", ZERO + ":" + token, image, "docker://" + ls + "/aad/app:v1"));
        Processes.Result inspect = skopeo("inspect", "--creds", ZERO + ":" + token, "docker://" + ls + "/aad/app:v1");
        ok(inspect);
        JsonNode out = Json.parse(inspect.stdout());
        assertThat(out.get("Name").asText()).isEqualTo(ls + "/aad/app");
    }

    private static String password(String tokenId) {
        return fx.arm("POST", registryId + "/generateCredentials", "{\"tokenId\":\"" + tokenId + "\",\"name\":\"password1\"}")
                .json().at("/passwords/0/value").asText();
    }
}
