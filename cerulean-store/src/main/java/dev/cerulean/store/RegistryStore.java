package dev.cerulean.store;

import dev.cerulean.store.RegistryRecords.Attributes;
import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Repository;
import dev.cerulean.store.RegistryRecords.Tag;
import dev.cerulean.store.RegistryRecords.Upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registry data plane's metadata: which content exists (blob rows, written only once the
 * bytes are durable), which repository may read it (links), and the repositories, manifests, tags
 * and upload sessions of every registry. Each call is one statement; callers group calls with
 * {@link Transactions} when several must commit together.
 */
public interface RegistryStore {

    // ---- blobs (content-addressed, shared by every registry)

    Optional<Blob> blob(String digest);

    /** Records durable content; a second record of the same digest keeps the first. */
    void putBlob(Blob blob);

    /** Digests no repository links and no manifest is, created before {@code before}, at most {@code limit}. */
    List<Blob> unreferencedBlobs(Instant before, int limit);

    /** Deletes the blob row if it is still unreferenced; true when it was deleted. */
    boolean deleteBlobIfUnreferenced(String digest);

    /** Total size of the distinct content a registry's repositories link or hold as manifests. */
    long storedBytes(String registryKey);

    // ---- links: a blob readable in a repository

    boolean isLinked(String registryKey, String repository, String digest);

    /** Links a blob to a repository (idempotent). */
    void link(String registryKey, String repository, String digest, Instant at);

    boolean unlink(String registryKey, String repository, String digest);

    /** Removes links created before {@code before} that no manifest of their repository names; returns how many. */
    int unlinkUnreferenced(Instant before);

    // ---- repositories

    Optional<Repository> repository(String registryKey, String name);

    /** Creates the repository unless it exists; returns the stored row. */
    Repository ensureRepository(String registryKey, String name, Instant at);

    /** Names after {@code last} (exclusive, null = from the start) in code-point order, at most {@code limit}. */
    List<String> repositoryNames(String registryKey, String last, int limit);

    boolean updateRepository(String registryKey, String name, Attributes attributes, Instant at);

    /** Deletes a repository with its manifests, tags and links; false when it did not exist. */
    boolean deleteRepository(String registryKey, String name);

    /** Deletes everything a registry holds (its blobs stay until GC finds them unreferenced). */
    void deleteRegistry(String registryKey);

    // ---- manifests

    Optional<Manifest> manifest(String registryKey, String repository, String digest);

    /** Every manifest of a repository, by digest. */
    List<Manifest> manifests(String registryKey, String repository);

    /** Manifests of a repository whose {@code subject} is {@code subjectDigest}. */
    List<Manifest> referrers(String registryKey, String repository, String subjectDigest);

    /** Inserts or replaces a manifest and the digests it references (blobs and child manifests). */
    void putManifest(Manifest manifest, List<String> references);

    boolean updateManifest(String registryKey, String repository, String digest, Attributes attributes, Instant at);

    /** The digests a manifest references. */
    List<String> references(String registryKey, String repository, String manifestDigest);

    /** Deletes a manifest, its references and every tag pointing at it; false when it did not exist. */
    boolean deleteManifest(String registryKey, String repository, String digest);

    /** True when another manifest of the repository references {@code digest} (an index naming it). */
    boolean isReferencedByManifest(String registryKey, String repository, String digest);

    // ---- tags

    Optional<Tag> tag(String registryKey, String repository, String name);

    /** Every tag of a repository, by name. */
    List<Tag> tags(String registryKey, String repository);

    /**
     * Points a tag at a digest, compare-and-set: {@code expectedDigest} null means "whatever is
     * there, or nothing"; otherwise the tag must currently point at it. Keeps the created time and
     * attributes of an existing tag. False when the condition failed.
     */
    boolean putTag(Tag tag, String expectedDigest);

    boolean updateTag(String registryKey, String repository, String name, Attributes attributes, Instant at);

    boolean deleteTag(String registryKey, String repository, String name);

    // ---- upload sessions

    void putUpload(Upload upload);

    Optional<Upload> upload(String id);

    /** Moves an upload's received size from {@code expectedSize} to {@code newSize}; false if it was not at {@code expectedSize}. */
    boolean advanceUpload(String id, long expectedSize, long newSize, Instant at);

    boolean deleteUpload(String id);

    /** Uploads last changed before {@code before}, at most {@code limit}. */
    List<Upload> staleUploads(Instant before, int limit);
}
