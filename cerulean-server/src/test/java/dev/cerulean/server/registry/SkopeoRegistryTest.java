package dev.cerulean.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skopeo 1.9 against the content side at {@code localhost:<port>} (no proxy; {@code --dest-cert-dir}
 * holds the install's CA): copy an OCI layout the test writes, inspect, list tags, copy between
 * repositories, pull back, delete. The admin user is checked by a Basic-only test access policy.
 * Skipped without skopeo unless {@code CERULEAN_REQUIRE_TOOLS=true} ({@code .ci/run} installs it).
 */
class SkopeoRegistryTest {

    @TempDir
    static Path dir;
    static RegistryTestbed bed;
    static Path certs;
    static String skopeo;

    @BeforeAll
    static void start() throws Exception {
        skopeo = find("skopeo");
        bed = RegistryTestbed.start(dir.resolve("server"), 0, RegistryTestbed.BASIC_ONLY);
        certs = Files.createDirectories(dir.resolve("certs"));
        Files.copy(dir.resolve("server/tls/ca.pem"), certs.resolve("ca.crt"));
    }

    @AfterAll
    static void stop() {
        if (bed != null) bed.close();
    }

    static String find(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return p.toString();
        }
        String reason = "'" + tool + "' is not installed: skipping (bash .ci/run installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CERULEAN_REQUIRE_TOOLS"))) throw new AssertionError(reason);
        Assumptions.abort(reason);
        return null;
    }

    record Run(int exit, String out) {}

    static Run skopeo(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(skopeo, "--tmpdir", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("HTTPS_PROXY");
        pb.environment().remove("https_proxy");
        pb.environment().put("REGISTRY_AUTH_FILE", dir.resolve("auth.json").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    static String image(String repoTag) {
        return "docker://localhost:" + bed.port() + "/" + repoTag;
    }

    @Test
    void copyInspectListTagsPullAndDelete() throws Exception {
        OciLayout.Image built = OciLayout.write(dir.resolve("layout"), "latest", "hello.txt",
                "hello from a test-built image\n".getBytes(StandardCharsets.UTF_8));
        Run push = skopeo("copy", "--dest-cert-dir", certs.toString(), "--dest-creds", "myreg:secret",
                "oci:" + dir.resolve("layout") + ":latest", image("hello/world:v1"));
        assertThat(push.exit()).as(push.out()).isZero();

        Run inspect = skopeo("inspect", "--cert-dir", certs.toString(), "--creds", "myreg:secret", image("hello/world:v1"));
        assertThat(inspect.exit()).as(inspect.out()).isZero();
        JsonNode info = Json.parse(inspect.out());
        assertThat(info.path("Digest").asText()).isEqualTo(built.manifestDigest());
        assertThat(info.path("Layers").path(0).asText()).isEqualTo(built.layerDigest());
        assertThat(info.path("Architecture").asText()).isEqualTo("amd64");

        Run copy = skopeo("copy", "--src-cert-dir", certs.toString(), "--dest-cert-dir", certs.toString(),
                "--src-creds", "myreg:secret", "--dest-creds", "myreg:secret", image("hello/world:v1"), image("hello/copy:v2"));
        assertThat(copy.exit()).as(copy.out()).isZero();

        Run tags = skopeo("list-tags", "--cert-dir", certs.toString(), "--creds", "myreg:secret", image("hello/copy"));
        assertThat(tags.exit()).as(tags.out()).isZero();
        assertThat(Json.parse(tags.out()).path("Tags").toString()).isEqualTo("[\"v2\"]");

        Run pull = skopeo("copy", "--src-cert-dir", certs.toString(), "--src-creds", "myreg:secret",
                image("hello/copy:v2"), "oci:" + dir.resolve("pulled") + ":v2");
        assertThat(pull.exit()).as(pull.out()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("pulled/blobs/sha256").resolve(built.layerDigest().substring(7))))
                .isEqualTo(Files.readAllBytes(dir.resolve("layout/blobs/sha256").resolve(built.layerDigest().substring(7))));

        Run delete = skopeo("delete", "--cert-dir", certs.toString(), "--creds", "myreg:secret", image("hello/world:v1"));
        assertThat(delete.exit()).as(delete.out()).isZero();
        Run gone = skopeo("inspect", "--cert-dir", certs.toString(), "--creds", "myreg:secret", image("hello/world:v1"));
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.out()).contains("manifest unknown");
    }

    @Test
    void wrongCredentialsAreRefused() throws Exception {
        Run r = skopeo("list-tags", "--cert-dir", certs.toString(), "--creds", "myreg:wrong", image("hello/world"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).containsIgnoringCase("unauthorized");
    }
}
