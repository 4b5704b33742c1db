package dev.cerulean.server.registry.storage;

import dev.cerulean.store.RegistryRecords.Attributes;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Upload;
import dev.cerulean.store.Stores;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Commit (bytes before rows) and garbage collection of unreferenced blobs and abandoned uploads. */
class RegistryContentTest {

    static final String R = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerregistry/registries/r";

    @TempDir
    Path dir;
    Stores stores;
    FileBlobStore blobs;
    RegistryContent content;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("db")));
        blobs = new FileBlobStore(dir.resolve("registry"));
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        content = new RegistryContent(stores.registry(), stores.transactions(), blobs, clock);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    String push(String repo, String text) throws Exception {
        BlobStore.Staged s = blobs.stage(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000);
        content.commit(s, () -> {
            stores.registry().ensureRepository(R, repo, now.get());
            stores.registry().link(R, repo, s.digest(), now.get());
        });
        return s.digest();
    }

    @Test
    void collectionKeepsReferencedAndYoungContentAndRemovesTheRest() throws Exception {
        String kept = push("a", "referenced layer");
        String dropped = push("a", "orphan layer");
        stores.registry().putManifest(new Manifest(R, "a", "sha256:" + "c".repeat(64), "application/vnd.oci.image.manifest.v1+json",
                10, 10, null, null, null, null, null, now.get(), now.get(), Attributes.DEFAULT), List.of(kept));
        assertThat(content.collect(Duration.ofHours(1), Duration.ofDays(1)).blobs()).isZero(); // all younger than the grace

        now.set(now.get().plus(Duration.ofHours(2)));
        String young = push("b", "pushed just now, manifest still to come");
        RegistryContent.Collected c = content.collect(Duration.ofHours(1), Duration.ofDays(1));
        assertThat(c.blobs()).isEqualTo(1);
        assertThat(c.bytes()).isEqualTo("orphan layer".length());
        assertThat(blobs.size(dropped)).isEmpty();
        assertThat(stores.registry().blob(dropped)).isEmpty();
        assertThat(blobs.size(kept)).isPresent();
        assertThat(blobs.size(young)).isPresent();
        assertThat(stores.registry().isLinked(R, "b", young)).isTrue();
    }

    @Test
    void aCollectedDigestPushedAgainIsStoredAgain() throws Exception {
        String digest = push("a", "comes back");
        stores.registry().unlink(R, "a", digest);
        now.set(now.get().plus(Duration.ofHours(2)));
        content.collect(Duration.ofHours(1), Duration.ofDays(1));
        assertThat(blobs.size(digest)).isEmpty();
        push("a", "comes back");
        assertThat(blobs.size(digest)).isPresent();
        assertThat(stores.registry().blob(digest)).isPresent();
    }

    @Test
    void abandonedUploadsAndOrphanStagingAreasGo() throws Exception {
        String stale = UUID.randomUUID().toString();
        stores.registry().putUpload(new Upload(stale, R, "a", 0, now.get(), now.get()));
        blobs.createUpload(stale);
        String orphan = UUID.randomUUID().toString();
        blobs.createUpload(orphan); // a session row that was deleted
        now.set(now.get().plus(Duration.ofDays(2)));
        String live = UUID.randomUUID().toString();
        stores.registry().putUpload(new Upload(live, R, "a", 0, now.get(), now.get()));
        blobs.createUpload(live);
        assertThat(content.collect(Duration.ofHours(1), Duration.ofDays(1)).uploads()).isEqualTo(2);
        assertThat(blobs.uploadIds()).containsExactly(live);
        assertThat(stores.registry().upload(stale)).isEmpty();
    }

    @Test
    void collectionRunsSafelyBesidePushesOfTheSameContent() throws Exception {
        now.set(now.get().plus(Duration.ofHours(5)));
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread pusher = new Thread(() -> {
            try {
                for (int i = 0; i < 200; i++) {
                    String d = push("race", "contended content");
                    assertThat(blobs.size(d)).as("a blob row always has its bytes").isPresent();
                    stores.registry().unlink(R, "race", d);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        pusher.start();
        for (int i = 0; i < 200; i++) content.collect(Duration.ZERO.minusSeconds(1), Duration.ofDays(1));
        pusher.join();
        assertThat(failures).isEmpty();
        String last = push("race", "contended content");
        assertThat(stores.registry().blob(last)).isPresent();
        assertThat(blobs.size(last)).isPresent();
    }
}
