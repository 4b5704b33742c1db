package dev.cerulean.server.registry;

import dev.cerulean.server.tls.LocalCa;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link RegistryTestbed} in a child JVM with a given heap, which a test may kill -9 and restart on the same directory. */
final class ChildRegistry implements AutoCloseable {

    private final Path dir;
    private final String heap;
    private Process process;
    private int port;
    private HttpClient http;

    ChildRegistry(Path dir, String heap) {
        this.dir = dir;
        this.heap = heap;
    }

    ChildRegistry start() throws Exception {
        Path portFile = dir.resolve("port");
        Files.deleteIfExists(portFile);
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                RegistryTestbedMain.class.getName(), dir.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(portFile)) {
            assertThat(process.isAlive()).as("child started, see " + dir.resolve("child.log")).isTrue();
            assertThat(System.nanoTime()).as("child ready in time").isLessThan(deadline);
            Thread.sleep(100);
        }
        port = Integer.parseInt(Files.readString(portFile).trim());
        if (http == null) {
            http = HttpClient.newBuilder().sslContext(LocalCa.loadOrCreate(dir.resolve("tls"), ".azurecr.io", List.of())
                    .clientSslContext()).connectTimeout(Duration.ofSeconds(30)).build();
        }
        return this;
    }

    HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body),
                HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    <T> HttpResponse<T> send(String method, String path, HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler,
                             String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofMinutes(10)).method(method, body).header("Authorization", RegistryTestbed.ADMIN);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return http.send(b.build(), handler);
        } catch (java.io.IOException e) {
            throw new AssertionError("request failed; child log: " + log(), e);
        }
    }

    String log() {
        try {
            String all = Files.readString(dir.resolve("child.log"));
            return all.substring(Math.max(0, all.length() - 3000));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    /** SIGKILL: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) kill();
    }
}
