package dev.cerulean.store;

import java.time.Instant;

/** The rows of {@link RegistryStore}: a registry's repositories, manifests, tags, blobs and uploads. */
public final class RegistryRecords {

    private RegistryRecords() {}

    /**
     * ACR's changeable attributes (acr.md §5.8), on repositories, manifests and tags alike.
     * A false value blocks the operation it names.
     */
    public record Attributes(boolean deleteEnabled, boolean writeEnabled, boolean readEnabled, boolean listEnabled) {
        public static final Attributes DEFAULT = new Attributes(true, true, true, true);
    }

    /** Stored content: its digest ({@code sha256:<hex>}), its size in bytes, when it first became durable. */
    public record Blob(String digest, long size, Instant createdAt) {}

    /** A repository of a registry ({@code registryKey} is the registry's ARM resource key). */
    public record Repository(String registryKey, String name, Instant createdAt, Instant changedAt, Attributes attributes) {}

    /**
     * A manifest in a repository; its bytes are the blob with the same digest.
     *
     * @param imageSize       the manifest's size plus the sizes of the blobs it names (what ACR reports)
     * @param subject         the digest of the manifest it refers to ({@code subject}), or null
     * @param artifactType    {@code artifactType}, else the config's media type for image manifests, or null
     * @param configMediaType the config descriptor's media type, or null (indexes)
     */
    public record Manifest(String registryKey, String repository, String digest, String mediaType, long size,
                           long imageSize, String subject, String artifactType, String configMediaType,
                           String architecture, String os, Instant createdAt, Instant changedAt, Attributes attributes) {}

    /** A tag: a name in a repository pointing at a manifest digest. */
    public record Tag(String registryKey, String repository, String name, String digest, Instant createdAt,
                      Instant changedAt, Attributes attributes) {}

    /** An upload session: {@code size} bytes received so far (the bytes themselves are in the BlobStore). */
    public record Upload(String id, String registryKey, String repository, long size, Instant createdAt, Instant changedAt) {}
}
