package dev.cerulean.server.registry;

import dev.cerulean.server.registry.storage.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of pushes (issue 7 §6): after a restart on the same data directory every
 * acknowledged blob is served whole, every acknowledged chunk is still in its session, and no
 * blob file or row holds partial content.
 */
class RegistryDurabilityTest {

    @TempDir
    Path dir;

    private ChildRegistry child;

    private HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) throws Exception {
        return child.send(method, path, body, headers);
    }

    @Test
    void killDuringPushesLosesNothingAcknowledgedAndServesNoPartialBlob() throws Exception {
        child = new ChildRegistry(dir, "256m").start();
        Map<String, Integer> acknowledgedBlobs = new ConcurrentHashMap<>();
        Map<String, Long> acknowledgedChunks = new ConcurrentHashMap<>(); // session location → bytes acknowledged
        Map<String, String> sessionDigests = new ConcurrentHashMap<>(); // session location → digest its closing PUT names
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> pushers = Stream.of(1, 2, 3, 4).map(n -> new Thread(() -> {
            Random random = new Random(n);
            while (!stop.get()) {
                try {
                    byte[] content = new byte[64 * 1024 + random.nextInt(2 * 1024 * 1024)];
                    random.nextBytes(content);
                    String digest = Digests.of(content);
                    if (n % 2 == 0) {
                        if (send("POST", "/v2/durable/blobs/uploads/?digest=" + digest, content).statusCode() == 201) {
                            acknowledgedBlobs.put(digest, content.length);
                        }
                    } else {
                        String location = send("POST", "/v2/durable/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
                        int half = content.length / 2;
                        HttpResponse<byte[]> patch = send("PATCH", location, java.util.Arrays.copyOf(content, half),
                                "Content-Range", "0-" + (half - 1));
                        if (patch.statusCode() != 202) continue;
                        acknowledgedChunks.put(location, (long) half);
                        sessionDigests.put(location, digest);
                        byte[] rest = java.util.Arrays.copyOfRange(content, half, content.length);
                        if (send("PUT", location + "?digest=" + digest, rest).statusCode() == 201) {
                            acknowledgedChunks.remove(location);
                            acknowledgedBlobs.put(digest, content.length);
                        }
                    }
                } catch (Exception e) {
                    // the server was killed mid-request: this push was never acknowledged
                }
            }
        })).toList();
        pushers.forEach(Thread::start);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acknowledgedBlobs.size() < 6 && System.nanoTime() < deadline) Thread.sleep(50);
        Thread.sleep(300); // pushes are mid-flight now
        child.kill();
        stop.set(true);
        for (Thread t : pushers) t.join();
        assertThat(acknowledgedBlobs).isNotEmpty();

        child.start();
        try {
            for (Map.Entry<String, Integer> e : acknowledgedBlobs.entrySet()) {
                HttpResponse<byte[]> r = send("GET", "/v2/durable/blobs/" + e.getKey(), null);
                assertThat(r.statusCode()).as("acknowledged blob " + e.getKey()).isEqualTo(200);
                assertThat(r.body()).hasSize(e.getValue());
                assertThat(Digests.of(r.body())).isEqualTo(e.getKey());
            }
            for (Map.Entry<String, Long> e : acknowledgedChunks.entrySet()) {
                HttpResponse<byte[]> r = send("GET", e.getKey(), null);
                if (r.statusCode() == 404) {
                    // the closing PUT was committed but its 201 died with the server: the session is
                    // legitimately gone, and then the whole blob must be there instead
                    String digest = sessionDigests.get(e.getKey());
                    HttpResponse<byte[]> blob = send("GET", "/v2/durable/blobs/" + digest, null);
                    assertThat(blob.statusCode()).as("session " + e.getKey() + " is gone, so its blob " + digest).isEqualTo(200);
                    assertThat(Digests.of(blob.body())).isEqualTo(digest);
                    continue;
                }
                assertThat(r.statusCode()).as("session " + e.getKey()).isEqualTo(204);
                long end = Long.parseLong(r.headers().firstValue("Range").orElseThrow().substring(2));
                assertThat(end + 1).as("acknowledged bytes of " + e.getKey()).isGreaterThanOrEqualTo(e.getValue());
            }
            try (Stream<Path> files = Files.walk(dir.resolve("registry/blobs"))) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    MessageDigest sha = Digests.sha256();
                    sha.update(Files.readAllBytes(f));
                    assertThat(HexFormat.of().formatHex(sha.digest())).as("content of " + f).isEqualTo(f.getFileName().toString());
                }
            }
        } finally {
            child.close();
        }
    }

    @Test
    void contentSurvivesARestart() throws Exception {
        child = new ChildRegistry(dir, "256m").start();
        byte[] content = "kept across restarts".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String digest = Digests.of(content);
        assertThat(send("POST", "/v2/kept/blobs/uploads/?digest=" + digest, content).statusCode()).isEqualTo(201);
        String location = send("POST", "/v2/kept/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(send("PATCH", location, "abc".getBytes()).statusCode()).isEqualTo(202);
        child.stop();
        child.start();
        try {
            assertThat(send("GET", "/v2/kept/blobs/" + digest, null).body()).isEqualTo(content);
            String full = Digests.of("abcdef".getBytes());
            assertThat(send("PUT", location + "?digest=" + full, "def".getBytes()).statusCode()).isEqualTo(201);
        } finally {
            child.close();
        }
    }
}
