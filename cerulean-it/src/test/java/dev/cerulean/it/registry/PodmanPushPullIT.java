package dev.cerulean.it.registry;

import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.acr.ProxyCurl;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
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
 * Seed 003's flow end to end with podman: {@code az acr login --expose-token}, {@code podman login}
 * with the zero GUID, then push and pull; a repository token pushes inside its scope map only.
 * Podman runs with its own storage (vfs under a temp dir), auth file and the CA via {@code SSL_CERT_FILE}.
 */
class PodmanPushPullIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static Path podman;
    static Path work;
    static String localImage;
    static String name;
    static String registryId;
    static String ls;

    @BeforeAll
    static void start() throws IOException {
        podman = Tools.require("podman");
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        work = Files.createTempDirectory("cerulean-podman-push-");
        name = AcrFixtures.unique("podpush");
        registryId = fx.registry(fx.resourceGroup("regpodpush-"), name, "Standard", true);
        ls = name + ".azurecr.io";
        String admin = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/0/value").asText();
        ProxyCurl.Reply catalog = new ProxyCurl(server).call("https://" + ls + "/v2/_catalog", "-u", name + ":" + admin);
        assertThat(catalog.status()).as("GET /v2/_catalog with the admin user: %s", catalog.body()).isEqualTo(200);
        Files.writeString(work.resolve("auth.json"), "{\"auths\":{}}"); // podman refuses a named auth file that does not exist
        String layout = OciLayout.write(work.resolve("layout"), "pushed by podman\n");
        ok(podman("pull", layout));
        localImage = "localhost/cerulean-test:latest";
        ok(podman("tag", layoutImageId(), localImage));
    }

    private static String layoutImageId() {
        Processes.Result images = podman("images", "--quiet");
        ok(images);
        return images.stdout().lines().findFirst().orElseThrow().strip();
    }

    static Processes.Result podman(String... args) {
        List<String> cmd = new ArrayList<>(List.of(podman.toString(), "--root", work.resolve("root").toString(),
                "--runroot", work.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(), "NO_PROXY", "",
                "SSL_CERT_FILE", server.caCertificate().toAbsolutePath().toString(),
                "REGISTRY_AUTH_FILE", work.resolve("auth.json").toString());
        return Processes.run(cmd, env, work, 180);
    }

    static void ok(Processes.Result r) {
        assertThat(r.exitCode()).as(r.describe()).isZero();
    }

    @Test
    void exposedTokenLoginThenPushAndPull() {
        Az az = Az.viaProxy(server).login(server);
        String token = az.ok("acr", "login", "--name", name, "--expose-token", "--output", "tsv", "--query", "accessToken").strip();
        ok(podman("login", ls, "--username", "00000000-0000-0000-0000-000000000000", "--password", token));
        ok(podman("push", localImage, ls + "/hello-world:v1"));
        ok(podman("pull", ls + "/hello-world:v1"));
        ok(podman("logout", ls));
    }

    @Test
    void repositoryTokenPushesOnlyInsideItsScopeMap() {
        String map = fx.scopeMap(registryId, "apps-map", "repositories/apps/*/content/read", "repositories/apps/*/content/write");
        String tokenId = fx.token(registryId, "builder" + name.substring(7), map);
        String password = fx.arm("POST", registryId + "/generateCredentials", "{\"tokenId\":\"" + tokenId + "\",\"name\":\"password2\"}")
                .json().at("/passwords/0/value").asText();
        String creds = "builder" + name.substring(7) + ":" + password;
        ok(podman("push", "--creds", creds, localImage, ls + "/apps/web:v1"));
        ok(podman("pull", "--creds", creds, ls + "/apps/web:v1"));
        Processes.Result outside = podman("push", "--creds", creds, localImage, ls + "/infra/db:v1");
        assertThat(outside.exitCode()).as(outside.describe()).isNotZero();
        assertThat(outside.stderr()).containsAnyOf("denied", "unauthorized");
    }
}
