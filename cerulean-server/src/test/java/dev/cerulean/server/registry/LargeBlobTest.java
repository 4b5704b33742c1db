package dev.cerulean.server.registry;

import dev.cerulean.server.registry.storage.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blobs stream: a layer several times the server's heap pushes (chunked and monolithic) and pulls
 * back intact. Defaults keep CI quick (320 MiB against a 64 MiB heap); {@code bench/registry-large-blob.sh}
 * runs the figure, 2 GiB with {@code -Xmx256m}, through {@code CERULEAN_LARGE_BLOB_MIB} and
 * {@code CERULEAN_LARGE_BLOB_HEAP}.
 */
class LargeBlobTest {

    @TempDir
    Path dir;

    static final long MIB = 1024 * 1024;

    /** Deterministic pseudo-random bytes, generated on the fly (never held whole). */
    static final class Generated extends InputStream {
        private long left;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) return -1;
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            left -= n;
            return n;
        }
    }

    static String digestOf(InputStream in) throws IOException {
        MessageDigest sha = Digests.sha256();
        byte[] buffer = new byte[1 << 20];
        int n;
        while ((n = in.read(buffer)) > 0) sha.update(buffer, 0, n);
        return Digests.of(sha);
    }

    @Test
    void aLayerLargerThanTheHeapPushesAndPullsIntact() throws Exception {
        long size = Long.parseLong(System.getenv().getOrDefault("CERULEAN_LARGE_BLOB_MIB", "320")) * MIB;
        String heap = System.getenv().getOrDefault("CERULEAN_LARGE_BLOB_HEAP", "64m");
        String digest = digestOf(new Generated(size));
        try (ChildRegistry child = new ChildRegistry(dir, heap).start()) {
            long t0 = System.nanoTime();
            String location = child.send("POST", "/v2/big/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
            HttpResponse<byte[]> patch = child.send("PATCH", location,
                    HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size)), size),
                    HttpResponse.BodyHandlers.ofByteArray(), "Content-Type", "application/octet-stream");
            assertThat(patch.statusCode()).isEqualTo(202);
            HttpResponse<byte[]> put = child.send("PUT", location + "?digest=" + digest, null);
            assertThat(put.statusCode()).as(new String(put.body())).isEqualTo(201);
            long t1 = System.nanoTime();

            HttpResponse<InputStream> pull = child.send("GET", "/v2/big/blobs/" + digest, HttpRequest.BodyPublishers.noBody(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(pull.statusCode()).isEqualTo(200);
            try (InputStream in = pull.body()) {
                assertThat(digestOf(in)).isEqualTo(digest);
            }
            long t2 = System.nanoTime();

            HttpResponse<byte[]> mono = child.send("POST", "/v2/big2/blobs/uploads/?digest=" + digest,
                    HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size)), size),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(mono.statusCode()).isEqualTo(201);
            System.out.printf("large blob: %d MiB, heap %s: chunked push %.1f s, pull %.1f s, monolithic push %.1f s%n",
                    size / MIB, heap, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        }
    }
}
