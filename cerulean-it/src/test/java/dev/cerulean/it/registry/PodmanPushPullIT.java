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

import static dev.cerulean.it.registry.Podman.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003's flow end to end with podman: {@code az acr login --expose-token}, {@code podman login}
 * with the zero GUID, then push and pull; a repository token pushes inside its scope map only.
 * Podman runs with its own storage (vfs under a temp dir), auth file and the CA via {@code SSL_CERT_FILE}.
 */
class PodmanPushPullIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static Podman podman;
    static String localImage;
    static String name;
    static String registryId;
    static String ls;

    @BeforeAll
    static void start() throws IOException {
        Path executable = Tools.require("podman");
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        podman = new Podman(executable, Files.createTempDirectory("cerulean-podman-push-"), server);
        name = AcrFixtures.unique("podpush");
        registryId = fx.registry(fx.resourceGroup("regpodpush-"), name, "Standard", true);
        ls = name + ".azurecr.io";
        String admin = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/0/value").asText();
        ProxyCurl.Reply catalog = new ProxyCurl(server).call("https://" + ls + "/v2/_catalog", "-u", name + ":" + admin);
        assertThat(catalog.status()).as("GET /v2/_catalog with the admin user: %s", catalog.body()).isEqualTo(200);
        localImage = "localhost/cerulean-test:latest";
        podman.loadImage("pushed by podman\n", localImage);
    }

    @Test
    void exposedTokenLoginThenPushAndPull() {
        Az az = Az.viaProxy(server).login(server);
        String token = az.ok("acr", "login", "--name", name, "--expose-token", "--output", "tsv", "--query", "accessToken").strip();
        ok(podman.run("login", ls, "--username", "00000000-0000-0000-0000-000000000000", "--password", token));
        ok(podman.run("push", localImage, ls + "/hello-world:v1"));
        ok(podman.run("pull", ls + "/hello-world:v1"));
        ok(podman.run("logout", ls));
    }

    @Test
    void repositoryTokenPushesOnlyInsideItsScopeMap() {
        String map = fx.scopeMap(registryId, "apps-map", "repositories/apps/*/content/read", "repositories/apps/*/content/write");
        String tokenId = fx.token(registryId, "builder" + name.substring(7), map);
        String password = fx.arm("POST", registryId + "/generateCredentials", "{\"tokenId\":\"" + tokenId + "\",\"name\":\"password2\"}")
                .json().at("/passwords/0/value").asText();
        String creds = "builder" + name.substring(7) + ":" + password;
        ok(podman.run("push", "--creds", creds, localImage, ls + "/apps/web:v1"));
        ok(podman.run("pull", "--creds", creds, ls + "/apps/web:v1"));
        Processes.Result outside = podman.run("push", "--creds", creds, localImage, ls + "/infra/db:v1");
        assertThat(outside.exitCode()).as(outside.describe()).isNotZero();
        assertThat(outside.stderr()).containsAnyOf("denied", "unauthorized");
    }
}
