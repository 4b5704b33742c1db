package dev.cerulean.server.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * podman against the content side at {@code localhost:<port>}, with storage of its own under the
 * test's directory (vfs driver): load a test-written OCI layout, push it, remove it, pull it back.
 * Skipped without podman unless {@code CERULEAN_REQUIRE_TOOLS=true}.
 */
class PodmanRegistryTest {

    @TempDir
    static Path dir;
    static RegistryTestbed bed;
    static Path certs;
    static String podman;

    @BeforeAll
    static void start() throws Exception {
        podman = SkopeoRegistryTest.find("podman");
        bed = RegistryTestbed.start(dir.resolve("server"), 0, RegistryTestbed.BASIC_ONLY);
        certs = Files.createDirectories(dir.resolve("certs"));
        Files.copy(dir.resolve("server/tls/ca.pem"), certs.resolve("ca.crt"));
        Files.writeString(dir.resolve("auth.json"), "{}");
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) bed.close();
        if (podman != null) podman("system", "reset", "--force"); // its vfs storage is owned by root inside the temp dir
    }

    static SkopeoRegistryTest.Run podman(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(podman, "--root", dir.resolve("storage").toString(),
                "--runroot", dir.resolve("run").toString(), "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("HTTPS_PROXY");
        pb.environment().remove("https_proxy");
        pb.environment().put("REGISTRY_AUTH_FILE", dir.resolve("auth.json").toString());
        pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new SkopeoRegistryTest.Run(p.exitValue(), out);
    }

    @Test
    void loginPushRemoveAndPull() throws Exception {
        OciLayout.Image built = OciLayout.write(dir.resolve("layout"), "latest", "podman.txt",
                "pushed by podman\n".getBytes(StandardCharsets.UTF_8));
        String ref = "localhost:" + bed.port() + "/podman/app:v1";
        SkopeoRegistryTest.Run load = podman("pull", "oci:" + dir.resolve("layout") + ":latest");
        assertThat(load.exit()).as(load.out()).isZero();
        SkopeoRegistryTest.Run tag = podman("tag", "latest", ref);
        if (tag.exit() != 0) { // the loaded image has no name of its own: tag it by id
            String id = load.out().strip().lines().reduce((a, b) -> b).orElseThrow();
            tag = podman("tag", id, ref);
        }
        assertThat(tag.exit()).as(tag.out()).isZero();
        SkopeoRegistryTest.Run login = podman("login", "--cert-dir", certs.toString(), "-u", "myreg", "-p", "secret",
                "localhost:" + bed.port());
        assertThat(login.exit()).as(login.out()).isZero();
        SkopeoRegistryTest.Run push = podman("push", "--cert-dir", certs.toString(), ref);
        assertThat(push.exit()).as(push.out()).isZero();
        assertThat(podman("rmi", "-a", "-f").exit()).isZero();
        SkopeoRegistryTest.Run pull = podman("pull", "--cert-dir", certs.toString(), ref);
        assertThat(pull.exit()).as(pull.out()).isZero();
        SkopeoRegistryTest.Run images = podman("images", "--format", "{{.Repository}}:{{.Tag}}");
        assertThat(images.out()).contains("localhost:" + bed.port() + "/podman/app:v1");
        assertThat(built.layerDigest()).startsWith("sha256:");
    }
}
