package dev.cerulean.server.registry.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file blob store: content addressing, streamed digests, resumable uploads, publish once. */
class FileBlobStoreTest {

    @TempDir
    Path dir;

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String read(BlobStore store, String digest, long offset) throws Exception {
        try (InputStream in = store.open(digest, offset)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void stagedContentIsHashedWhileStreamedAndPublishedUnderItsDigest() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        BlobStore.Staged staged = store.stage(bytes("hello"), 100);
        assertThat(staged.digest()).isEqualTo(Digests.of("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(staged.size()).isEqualTo(5);
        assertThat(store.size(staged.digest())).isEmpty(); // not visible before publish
        store.publish(staged);
        assertThat(store.size(staged.digest())).contains(5L);
        assertThat(read(store, staged.digest(), 1)).isEqualTo("ello");
        assertThat(Files.exists(dir.resolve("blobs/sha256").resolve(Digests.hex(staged.digest()).substring(0, 2))
                .resolve(Digests.hex(staged.digest())))).isTrue();
    }

    @Test
    void publishingTheSameContentTwiceKeepsOneFile() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        BlobStore.Staged a = store.stage(bytes("same"), 100);
        BlobStore.Staged b = store.stage(bytes("same"), 100);
        store.publish(a);
        store.publish(b);
        try (var files = Files.list(dir.resolve("staging"))) {
            assertThat(files.count()).isZero();
        }
        assertThat(read(store, a.digest(), 0)).isEqualTo("same");
    }

    @Test
    void stagingBeyondTheLimitFailsAndLeavesNothing() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        assertThatThrownBy(() -> store.stage(bytes("too long"), 3)).isInstanceOf(BlobStore.TooLarge.class);
        try (var files = Files.list(dir.resolve("staging"))) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void uploadsResumeAfterARestartAndDropUnacknowledgedBytes() throws Exception {
        String id = UUID.randomUUID().toString();
        FileBlobStore first = new FileBlobStore(dir);
        first.createUpload(id);
        assertThat(first.append(id, 0, bytes("abc"))).isEqualTo(3);
        assertThat(first.append(id, 3, bytes("XYZ-unacknowledged"))).isEqualTo(21);
        FileBlobStore restarted = new FileBlobStore(dir); // running digests are gone
        assertThat(restarted.append(id, 3, bytes("def"))).isEqualTo(6); // the session acknowledged 3 bytes
        BlobStore.Staged staged = restarted.finishUpload(id, 6);
        assertThat(staged.digest()).isEqualTo(Digests.of("abcdef".getBytes(StandardCharsets.UTF_8)));
        restarted.publish(staged);
        assertThat(read(restarted, staged.digest(), 0)).isEqualTo("abcdef");
        assertThat(restarted.uploadIds()).isEmpty();
    }

    @Test
    void finishingUsesTheRunningDigestWhenItMatches() throws Exception {
        String id = UUID.randomUUID().toString();
        FileBlobStore store = new FileBlobStore(dir);
        store.createUpload(id);
        store.append(id, 0, bytes("part1-"));
        store.append(id, 6, bytes("part2"));
        assertThat(store.finishUpload(id, 11).digest()).isEqualTo(Digests.of("part1-part2".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leftoverStagingFilesAreRemovedAtStart() throws Exception {
        FileBlobStore store = new FileBlobStore(dir);
        store.stage(bytes("interrupted"), 100); // never published: a crash between staging and publish
        new FileBlobStore(dir);
        try (var files = Files.list(dir.resolve("staging"))) {
            assertThat(files.count()).isZero();
        }
    }
}
