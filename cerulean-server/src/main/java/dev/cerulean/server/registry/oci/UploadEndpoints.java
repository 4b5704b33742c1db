package dev.cerulean.server.registry.oci;

import dev.cerulean.server.registry.auth.AccessDecision;
import dev.cerulean.server.registry.auth.AccessScope;
import dev.cerulean.server.registry.auth.RegistryAccess;
import dev.cerulean.server.registry.storage.BlobStore;
import dev.cerulean.server.registry.storage.Digests;
import dev.cerulean.server.registry.storage.RegistryContent;
import dev.cerulean.store.RegistryRecords.Upload;
import dev.cerulean.store.RegistryStore;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blob uploads: {@code POST /v2/<name>/blobs/uploads/} (session, monolithic with {@code digest},
 * cross-repository {@code mount}), and {@code GET/PATCH/PUT/DELETE} on a session. A session's
 * received size is in the store and its bytes in the {@link BlobStore}, both durable before a
 * chunk is acknowledged, so sessions survive restarts.
 */
public final class UploadEndpoints {

    private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/\\d+|/\\*)?");
    private static final int STRIPES = 64;

    private final RegistryContent content;
    private final BlobEndpoints blobs;
    private final RegistryAccess access;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public UploadEndpoints(RegistryContent content, BlobEndpoints blobs, RegistryAccess access) {
        this.content = content;
        this.blobs = blobs;
        this.access = access;
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    private RegistryStore store() {
        return content.store();
    }

    /** {@code POST /v2/<name>/blobs/uploads/}. */
    public void start(RegistryExchange ex, String repository) throws IOException {
        if (!ex.method().equals("POST")) throw OciError.unsupported(ex.method() + " on the uploads endpoint");
        String registry = ex.registry().key();
        requireWritable(registry, repository);
        String mount = ex.query("mount");
        if (mount != null && mounted(ex, registry, repository, mount, ex.query("from"))) return;
        String digest = ex.query("digest");
        if (digest != null) {
            if (!Digests.isSha256(digest)) throw OciError.digestInvalid("unsupported or malformed digest " + digest);
            BlobStore.Staged staged = content.blobs().stage(ex.body(), Long.MAX_VALUE);
            verify(staged, digest, ex.contentLength(), null);
            content.commit(staged, () -> {
                store().ensureRepository(registry, repository, content.now());
                store().link(registry, repository, digest, content.now());
            });
            created(ex, repository, digest);
            return;
        }
        String id = UUID.randomUUID().toString();
        store().putUpload(new Upload(id, registry, repository, 0, content.now(), content.now()));
        content.blobs().createUpload(id);
        sessionHeaders(ex, repository, id, 0).empty(202);
    }

    /** {@code GET/PATCH/PUT/DELETE /v2/<name>/blobs/uploads/<id>}. */
    public void session(RegistryExchange ex, String repository, String id) throws IOException {
        Upload upload = find(ex.registry().key(), repository, id);
        ReentrantLock lock = locks[Math.floorMod(upload.id().hashCode(), STRIPES)];
        lock.lock();
        try {
            upload = find(ex.registry().key(), repository, id); // again, under the lock
            switch (ex.method()) {
                case "GET" -> sessionHeaders(ex, repository, id, upload.size()).empty(204);
                case "DELETE" -> {
                    store().deleteUpload(id);
                    content.blobs().deleteUpload(id);
                    ex.empty(204);
                }
                case "PATCH" -> {
                    requireWritable(upload.registryKey(), repository);
                    long size = append(ex, upload);
                    sessionHeaders(ex, repository, id, size).empty(202);
                }
                case "PUT" -> finish(ex, upload);
                default -> throw OciError.unsupported(ex.method() + " on an upload");
            }
        } finally {
            lock.unlock();
        }
    }

    private Upload find(String registry, String repository, String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OciError.uploadUnknown();
        }
        return store().upload(id)
                .filter(u -> u.registryKey().equals(registry) && u.repository().equals(repository))
                .orElseThrow(OciError::uploadUnknown);
    }

    private boolean mounted(RegistryExchange ex, String registry, String repository, String digest, String from) throws IOException {
        if (from == null || !Names.isRepository(from) || !Digests.isSha256(digest)) return false;
        // allowed only where the caller may pull the source (acr.md §5.6)
        AccessDecision pull = access.check(ex.registry(), ex.header("Authorization"), AccessScope.repository(from, "pull"));
        if (!(pull instanceof AccessDecision.Allowed)) return false;
        var source = store().repository(registry, from);
        if (source.isEmpty() || !source.get().attributes().readEnabled()) return false;
        if (blobs.visible(registry, from, digest).isEmpty()) return false;
        content.transactions().run(() -> {
            store().ensureRepository(registry, repository, content.now());
            store().link(registry, repository, digest, content.now());
        });
        created(ex, repository, digest);
        return true;
    }

    /** Appends the request body at the session's offset; the session advances only once the bytes are durable. */
    private long append(RegistryExchange ex, Upload upload) throws IOException {
        String range = ex.header("Content-Range");
        long expected = -1;
        if (range != null) {
            Matcher m = CONTENT_RANGE.matcher(range.trim());
            if (!m.matches()) throw OciError.rangeInvalid(upload.size());
            long start = Names.bytePosition(m.group(1));
            long end = Names.bytePosition(m.group(2));
            // out of order, or an end past any length (its count would overflow) → 416
            if (start != upload.size() || end < start || end == Long.MAX_VALUE) throw OciError.rangeInvalid(upload.size());
            expected = end - start + 1;
        }
        long length = ex.contentLength();
        if (expected >= 0 && length >= 0 && length != expected) {
            throw OciError.sizeInvalid("Content-Range names " + expected + " bytes, Content-Length " + length);
        }
        long size = content.blobs().append(upload.id(), upload.size(), ex.body());
        long received = size - upload.size();
        if (expected >= 0 && received != expected) {
            throw OciError.sizeInvalid("Content-Range names " + expected + " bytes, the body had " + received);
        }
        if (!store().advanceUpload(upload.id(), upload.size(), size, content.now())) throw OciError.rangeInvalid(upload.size());
        return size;
    }

    private void finish(RegistryExchange ex, Upload upload) throws IOException {
        String digest = ex.query("digest");
        if (digest == null || !Digests.isSha256(digest)) {
            throw OciError.digestInvalid(digest == null ? "digest parameter missing" : "unsupported or malformed digest " + digest);
        }
        requireWritable(upload.registryKey(), upload.repository());
        long size = upload.size();
        if (ex.contentLength() > 0 || ex.header("Transfer-Encoding") != null) {
            size = append(ex, upload);
        }
        BlobStore.Staged staged = content.blobs().finishUpload(upload.id(), size);
        verify(staged, digest, -1, upload.id());
        String registry = upload.registryKey();
        String repository = upload.repository();
        content.commit(staged, () -> {
            store().ensureRepository(registry, repository, content.now());
            store().link(registry, repository, digest, content.now());
            store().deleteUpload(upload.id());
        });
        created(ex, repository, digest);
    }

    /** The staged bytes must have the digest (and length) the client named; otherwise nothing is kept. */
    private void verify(BlobStore.Staged staged, String digest, long contentLength, String uploadId) throws IOException {
        if (staged.digest().equals(digest) && (contentLength < 0 || contentLength == staged.size())) return;
        content.blobs().discard(staged);
        if (uploadId != null) store().deleteUpload(uploadId);
        if (!staged.digest().equals(digest)) throw OciError.digestInvalid("content has digest " + staged.digest());
        throw OciError.sizeInvalid("Content-Length " + contentLength + ", received " + staged.size());
    }

    private void requireWritable(String registry, String repository) {
        store().repository(registry, repository).ifPresent(r -> {
            if (!r.attributes().writeEnabled()) throw OciError.disallowed();
        });
    }

    private static void created(RegistryExchange ex, String repository, String digest) {
        ex.header("Location", "/v2/" + repository + "/blobs/" + digest).header("Docker-Content-Digest", digest).empty(201);
    }

    private static RegistryExchange sessionHeaders(RegistryExchange ex, String repository, String id, long size) {
        return ex.header("Location", "/v2/" + repository + "/blobs/uploads/" + id).header("Docker-Upload-UUID", id)
                .header("Range", "0-" + Math.max(0, size - 1));
    }
}
