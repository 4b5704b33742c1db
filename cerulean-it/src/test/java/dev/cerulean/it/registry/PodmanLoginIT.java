package dev.cerulean.it.registry;

import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code podman login} to a registry through the proxy with each credential kind (acr.md §5.3, seed
 * 003): the refresh token {@code az acr login --expose-token} prints (as an argument and on stdin),
 * the admin user, a repository token, a service principal; and {@code az acr login -n r} itself,
 * with Debian's podman-docker as the {@code docker} az runs. Podman trusts the CA through
 * {@code SSL_CERT_FILE} and keeps its credentials in a throwaway auth file.
 */
class PodmanLoginIT {

    static final String ZERO = "00000000-0000-0000-0000-000000000000";

    static CeruleanServer server;
    static AcrFixtures fx;
    static Path podman;
    static Path work;
    static String name;
    static String registryId;
    static String ls;

    @BeforeAll
    static void start() throws IOException {
        podman = Tools.require("podman");
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        work = Files.createTempDirectory("cerulean-podman-");
        name = AcrFixtures.unique("podman");
        registryId = fx.registry(fx.resourceGroup("regpodman-"), name, "Standard", true);
        ls = name + ".azurecr.io";
    }

    /** The environment podman needs: the proxy, the CA, its own auth file. */
    static Map<String, String> env(Path authFile) {
        Map<String, String> env = new HashMap<>();
        env.put("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort());
        env.put("NO_PROXY", "");
        env.put("SSL_CERT_FILE", server.caCertificate().toAbsolutePath().toString());
        env.put("REGISTRY_AUTH_FILE", authFile.toString());
        return env;
    }

    static Processes.Result podmanLogin(String user, String password) {
        Path auth = work.resolve("auth-" + System.nanoTime() + ".json");
        return Processes.run(List.of(podman.toString(), "login", ls, "-u", user, "-p", password), env(auth), work, 120);
    }

    @Test
    void loginWithTheExposedToken() {
        Az az = Az.viaProxy(server).login(server);
        String token = az.ok("acr", "login", "-n", name, "--expose-token", "--output", "tsv", "--query", "accessToken").strip();
        Processes.Result r = podmanLogin(ZERO, token);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("Login Succeeded");

        // the seed's form: docker login ... --username 0000... --password-stdin <<< $TOKEN
        Map<String, String> env = env(work.resolve("stdin.json"));
        env.put("TOKEN", token);
        Processes.Result stdin = Processes.run(List.of("sh", "-c", "printf '%s\\n' \"$TOKEN\" | " + podman
                + " login " + ls + " --username " + ZERO + " --password-stdin"), env, work, 120);
        assertThat(stdin.exitCode()).as(stdin.describe()).isZero();
    }

    @Test
    void loginWithAdminTokenAndServicePrincipal() {
        String admin = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/1/value").asText();
        assertThat(podmanLogin(name, admin).exitCode()).isZero();

        String scopeMap = fx.scopeMap(registryId, "pullers", "repositories/hello/content/read");
        String tokenId = fx.token(registryId, "ci-token", scopeMap);
        String password = fx.arm("POST", registryId + "/generateCredentials", "{\"tokenId\":\"" + tokenId + "\",\"name\":\"password1\"}")
                .json().at("/passwords/0/value").asText();
        Processes.Result token = podmanLogin("ci-token", password);
        assertThat(token.exitCode()).as(token.describe()).isZero();

        var c = server.config();
        assertThat(podmanLogin(c.clientId(), c.clientSecret()).exitCode()).isZero();

        Processes.Result wrong = podmanLogin("ci-token", "not-the-password");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("invalid username/password");

        var disable = fx.arm("PATCH", tokenId, "{\"properties\":{\"status\":\"disabled\"}}");
        assertThat(disable.status()).as(disable.body()).isEqualTo(200);
        assertThat(podmanLogin("ci-token", password).exitCode()).as("a disabled token is locked out at once").isNotZero();
    }

    @Test
    void azAcrLoginRunsPodmanAsDocker() throws IOException {
        Path dockerShim = Tools.require("podman").resolveSibling("docker"); // Debian's podman-docker
        assertThat(Files.isExecutable(dockerShim)).as("podman-docker installs " + dockerShim).isTrue();
        quietPodmanDocker();
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.deleteIfExists(docker);
        Files.createSymbolicLink(docker, dockerShim);

        Az az = Az.viaProxy(server).login(server);
        az.env().putAll(env(work.resolve("az-login.json")));
        az.env().put("PATH", bin + ":" + System.getenv("PATH"));
        Processes.Result r = az.run("acr", "login", "-n", name);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("Login Succeeded");
        assertThat(Files.readString(work.resolve("az-login.json"))).contains(ls);
    }

    /** az treats any stderr of {@code docker ps} as failure; podman-docker is silent once this file exists (acr.md §6.1). */
    static void quietPodmanDocker() {
        Path marker = Path.of("/etc/containers/nodocker");
        if (Files.exists(marker)) return;
        try {
            Files.createDirectories(marker.getParent());
            Files.createFile(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("az acr login needs " + marker + " (bash .ci/run creates it)", e);
        }
    }
}
