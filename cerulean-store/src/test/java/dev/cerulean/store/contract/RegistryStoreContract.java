package dev.cerulean.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.RegistryRecords.Attributes;
import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Tag;
import dev.cerulean.store.RegistryRecords.Upload;
import dev.cerulean.store.RegistryStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RegistryStore} must do: links, manifests, compare-and-set tags, uploads, cascades, GC queries. */
public abstract class RegistryStoreContract extends StoresContract {

    private static final String R1 = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerregistry/registries/one";
    private static final String R2 = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerregistry/registries/two";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String LAYER = "sha256:" + "a".repeat(64);
    private static final String CONFIG = "sha256:" + "b".repeat(64);
    private static final String MANIFEST = "sha256:" + "c".repeat(64);
    private static final String REFERRER = "sha256:" + "d".repeat(64);

    private RegistryStore registry;

    @BeforeEach
    void registry() {
        registry = stores.registry();
    }

    private static Manifest manifest(String registryKey, String repo, String digest, String subject) {
        return new Manifest(registryKey, repo, digest, "application/vnd.oci.image.manifest.v1+json", 500, 1500, subject,
                subject == null ? null : "application/vnd.example.sig", "application/vnd.oci.image.config.v1+json",
                "amd64", "linux", T0, T0, Attributes.DEFAULT);
    }

    private void pushImage(String registryKey, String repo) {
        registry.ensureRepository(registryKey, repo, T0);
        for (String d : List.of(LAYER, CONFIG, MANIFEST)) registry.putBlob(new Blob(d, 100, T0));
        registry.link(registryKey, repo, LAYER, T0);
        registry.link(registryKey, repo, CONFIG, T0);
        registry.putManifest(manifest(registryKey, repo, MANIFEST, null), List.of(CONFIG, LAYER));
    }

    @Test
    void aBlobRecordedTwiceKeepsItsFirstRow() {
        registry.putBlob(new Blob(LAYER, 10, T0));
        registry.putBlob(new Blob(LAYER, 10, T1));
        assertThat(registry.blob(LAYER)).contains(new Blob(LAYER, 10, T0));
        assertThat(registry.blob(CONFIG)).isEmpty();
    }

    @Test
    void linksAreIdempotentAndPerRepository() {
        registry.link(R1, "a", LAYER, T0);
        registry.link(R1, "a", LAYER, T1);
        assertThat(registry.isLinked(R1, "a", LAYER)).isTrue();
        assertThat(registry.isLinked(R1, "b", LAYER)).isFalse();
        assertThat(registry.isLinked(R2, "a", LAYER)).isFalse();
        assertThat(registry.unlink(R1, "a", LAYER)).isTrue();
        assertThat(registry.isLinked(R1, "a", LAYER)).isFalse();
    }

    @Test
    void repositoriesPageInCodePointOrder() {
        for (String name : List.of("b/c", "a", "B", "b")) registry.ensureRepository(R1, name, T0);
        registry.ensureRepository(R2, "zzz", T0);
        assertThat(registry.repositoryNames(R1, null, 10)).containsExactly("B", "a", "b", "b/c");
        assertThat(registry.repositoryNames(R1, "a", 2)).containsExactly("b", "b/c");
    }

    @Test
    void repositoryAttributesUpdate() {
        registry.ensureRepository(R1, "a", T0);
        Attributes locked = new Attributes(false, false, true, true);
        assertThat(registry.updateRepository(R1, "a", locked, T1)).isTrue();
        assertThat(registry.repository(R1, "a").orElseThrow().attributes()).isEqualTo(locked);
        assertThat(registry.ensureRepository(R1, "a", T1).createdAt()).isEqualTo(T0);
        assertThat(registry.updateRepository(R1, "missing", locked, T1)).isFalse();
    }

    @Test
    void manifestsKeepReferencesAndReferrers() {
        pushImage(R1, "a");
        registry.putManifest(manifest(R1, "a", REFERRER, MANIFEST), List.of(CONFIG));
        assertThat(registry.manifest(R1, "a", MANIFEST)).contains(manifest(R1, "a", MANIFEST, null));
        assertThat(registry.references(R1, "a", MANIFEST)).containsExactly(LAYER, CONFIG);
        assertThat(registry.referrers(R1, "a", MANIFEST)).extracting(Manifest::digest).containsExactly(REFERRER);
        assertThat(registry.isReferencedByManifest(R1, "a", LAYER)).isTrue();
        assertThat(registry.manifests(R1, "a")).extracting(Manifest::digest).containsExactly(MANIFEST, REFERRER);
    }

    @Test
    void tagsAreComparedAndSet() {
        pushImage(R1, "a");
        Tag v1 = new Tag(R1, "a", "v1", MANIFEST, T0, T0, Attributes.DEFAULT);
        assertThat(registry.putTag(v1, null)).isTrue();
        Tag moved = new Tag(R1, "a", "v1", REFERRER, T1, T1, Attributes.DEFAULT);
        assertThat(registry.putTag(moved, CONFIG)).isFalse();
        assertThat(registry.tag(R1, "a", "v1").orElseThrow().digest()).isEqualTo(MANIFEST);
        assertThat(registry.putTag(moved, MANIFEST)).isTrue();
        Tag stored = registry.tag(R1, "a", "v1").orElseThrow();
        assertThat(stored.digest()).isEqualTo(REFERRER);
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.changedAt()).isEqualTo(T1);
    }

    @Test
    void concurrentMovesOfOneTagHaveOneWinner() throws Exception {
        pushImage(R1, "a");
        registry.putTag(new Tag(R1, "a", "v1", MANIFEST, T0, T0, Attributes.DEFAULT), null);
        List<Boolean> won = Race.run(6, i -> () -> registry.putTag(
                new Tag(R1, "a", "v1", "sha256:" + Integer.toString(i).repeat(64), T1, T1, Attributes.DEFAULT), MANIFEST));
        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void deletingAManifestDeletesItsTags() {
        pushImage(R1, "a");
        registry.putTag(new Tag(R1, "a", "v1", MANIFEST, T0, T0, Attributes.DEFAULT), null);
        registry.putTag(new Tag(R1, "a", "latest", MANIFEST, T0, T0, Attributes.DEFAULT), null);
        assertThat(registry.deleteManifest(R1, "a", MANIFEST)).isTrue();
        assertThat(registry.tags(R1, "a")).isEmpty();
        assertThat(registry.references(R1, "a", MANIFEST)).isEmpty();
        assertThat(registry.deleteManifest(R1, "a", MANIFEST)).isFalse();
    }

    @Test
    void storedBytesCountSharedContentOnce() {
        pushImage(R1, "a");
        pushImage(R1, "b");
        assertThat(registry.storedBytes(R1)).isEqualTo(300);
        assertThat(registry.storedBytes(R2)).isZero();
    }

    @Test
    void deletingARegistryLeavesOthersAlone() {
        pushImage(R1, "a");
        pushImage(R2, "a");
        registry.putUpload(new Upload("u1", R1, "a", 0, T0, T0));
        registry.deleteRegistry(R1);
        assertThat(registry.repositoryNames(R1, null, 10)).isEmpty();
        assertThat(registry.manifest(R1, "a", MANIFEST)).isEmpty();
        assertThat(registry.upload("u1")).isEmpty();
        assertThat(registry.manifest(R2, "a", MANIFEST)).isPresent();
        assertThat(registry.storedBytes(R2)).isEqualTo(300);
    }

    @Test
    void unreferencedBlobsAreFoundAndDeletedOnlyWhileUnreferenced() {
        pushImage(R1, "a");
        registry.putBlob(new Blob(REFERRER, 7, T0));
        assertThat(registry.unreferencedBlobs(T1, 10)).extracting(Blob::digest).containsExactly(REFERRER);
        assertThat(registry.unreferencedBlobs(T0, 10)).isEmpty(); // too young
        assertThat(registry.deleteBlobIfUnreferenced(LAYER)).isFalse();
        registry.link(R2, "x", REFERRER, T1);
        assertThat(registry.deleteBlobIfUnreferenced(REFERRER)).isFalse();
        registry.unlink(R2, "x", REFERRER);
        assertThat(registry.deleteBlobIfUnreferenced(REFERRER)).isTrue();
        assertThat(registry.blob(REFERRER)).isEmpty();
    }

    @Test
    void oldLinksNoManifestNamesAreDropped() {
        pushImage(R1, "a");
        registry.link(R1, "a", REFERRER, T0);
        registry.link(R1, "b", REFERRER, T1);
        assertThat(registry.unlinkUnreferenced(T1)).isEqualTo(1);
        assertThat(registry.isLinked(R1, "a", REFERRER)).isFalse();
        assertThat(registry.isLinked(R1, "a", LAYER)).isTrue();
        assertThat(registry.isLinked(R1, "b", REFERRER)).isTrue();
    }

    @Test
    void uploadsAdvanceByCompareAndSet() {
        registry.putUpload(new Upload("u1", R1, "a", 0, T0, T0));
        assertThat(registry.advanceUpload("u1", 0, 100, T1)).isTrue();
        assertThat(registry.advanceUpload("u1", 0, 200, T1)).isFalse();
        assertThat(registry.upload("u1").orElseThrow().size()).isEqualTo(100);
        assertThat(registry.staleUploads(T1, 10)).isEmpty();
        assertThat(registry.staleUploads(T1.plusSeconds(1), 10)).extracting(Upload::id).containsExactly("u1");
        assertThat(registry.deleteUpload("u1")).isTrue();
        assertThat(registry.upload("u1")).isEmpty();
    }

    @Test
    void deletingARepositoryRemovesItsContentOnly() {
        pushImage(R1, "a");
        pushImage(R1, "b");
        assertThat(registry.deleteRepository(R1, "a")).isTrue();
        assertThat(registry.repository(R1, "a")).isEmpty();
        assertThat(registry.isLinked(R1, "a", LAYER)).isFalse();
        assertThat(registry.manifest(R1, "b", MANIFEST)).isPresent();
        assertThat(registry.deleteRepository(R1, "a")).isFalse();
    }
}
