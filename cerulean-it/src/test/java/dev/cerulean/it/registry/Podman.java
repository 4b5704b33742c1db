package dev.cerulean.it.registry;

import dev.cerulean.it.support.Processes;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.server.registry.OciLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Podman as the push and pull ITs run it: its own storage (vfs under {@code work}) and auth file, the
 * server's CONNECT proxy and its CA through {@code SSL_CERT_FILE}, so it reaches Cerulean under
 * Azure's registry host names.
 */
final class Podman {

    private final Path executable;
    private final Path work;
    private final CeruleanServer server;

    Podman(Path executable, Path work, CeruleanServer server) throws IOException {
        this.executable = executable;
        this.work = work;
        this.server = server;
        Files.writeString(work.resolve("auth.json"), "{\"auths\":{}}"); // podman refuses a named auth file that does not exist
    }

    Processes.Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--root", work.resolve("root").toString(),
                "--runroot", work.resolve("run").toString(), "--storage-driver", "vfs"));
        cmd.addAll(List.of(args));
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(), "NO_PROXY", "",
                "SSL_CERT_FILE", server.caCertificate().toAbsolutePath().toString(),
                "REGISTRY_AUTH_FILE", work.resolve("auth.json").toString());
        return Processes.run(cmd, env, work, 180);
    }

    /** Pulls a one-layer image the test writes (nothing from the internet) and tags it {@code localName}. */
    void loadImage(String fileContent, String localName) throws IOException {
        ok(run("pull", OciLayout.writeLatest(work.resolve("layout"), fileContent)));
        Processes.Result images = run("images", "--quiet");
        ok(images);
        ok(run("tag", images.stdout().lines().findFirst().orElseThrow().strip(), localName));
    }

    static void ok(Processes.Result r) {
        assertThat(r.exitCode()).as(r.describe()).isZero();
    }
}
