package dev.cerulean.server.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Content-addressed bytes: the registry's blobs and manifests, and the staging areas of uploads in
 * progress. Only bytes live here; which content exists for clients is {@code RegistryStore}'s
 * business, and its rows are written only after {@link #publish} returns. Everything streams: no
 * call holds a whole blob in memory. The operations map onto an object store (staging = multipart
 * upload, publish = complete + copy to the digest's key), so several servers can share content.
 */
public interface BlobStore {

    /** Bytes received and hashed but not yet published under their digest. */
    record Staged(String handle, String digest, long size) {}

    /** The size of published content, if present. */
    Optional<Long> size(String digest) throws IOException;

    /** Reads published content from {@code offset}; the caller closes the stream. */
    InputStream open(String digest, long offset) throws IOException;

    /**
     * Streams {@code data} into a private staging area, computing its sha256 as it goes, and makes
     * it durable. Fails with {@link TooLarge} after {@code maxBytes}.
     */
    Staged stage(InputStream data, long maxBytes) throws IOException;

    /** Starts an empty upload staging area. */
    void createUpload(String uploadId) throws IOException;

    /**
     * Writes {@code data} at {@code offset} of an upload (the bytes the session has acknowledged so
     * far; anything beyond it, from a write interrupted before it was acknowledged, is dropped) and
     * makes it durable. Returns the upload's new length.
     */
    long append(String uploadId, long offset, InputStream data) throws IOException;

    /** The first {@code length} bytes of an upload, hashed and ready to publish. */
    Staged finishUpload(String uploadId, long length) throws IOException;

    /** Makes staged bytes visible under their digest, durably; content already there is kept. */
    void publish(Staged staged) throws IOException;

    /** Drops staged bytes that will not be published. */
    void discard(Staged staged) throws IOException;

    void deleteUpload(String uploadId) throws IOException;

    /** Deletes published content (garbage collection). */
    void delete(String digest) throws IOException;

    /** Ids of the upload staging areas present, for removing those whose session is gone. */
    Set<String> uploadIds() throws IOException;

    /** A body went beyond the limit the caller set. */
    final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("content exceeds " + limit + " bytes");
        }
    }
}
