package dev.cerulean.server.registry.oci;

import dev.cerulean.server.registry.storage.Digests;
import dev.cerulean.server.registry.storage.RegistryContent;
import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.RegistryRecords.Repository;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code HEAD/GET/DELETE /v2/<name>/blobs/<digest>}, with single byte ranges. */
public final class BlobEndpoints {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final RegistryContent content;

    public BlobEndpoints(RegistryContent content) {
        this.content = content;
    }

    public void handle(RegistryExchange ex, String repository, String digest) throws IOException {
        if (!Digests.isSha256(digest)) throw OciError.digestInvalid("unsupported or malformed digest " + digest);
        String registry = ex.registry().key();
        switch (ex.method()) {
            case "GET", "HEAD" -> read(ex, registry, repository, digest);
            case "DELETE" -> {
                requireAttributes(registry, repository, true);
                if (!content.store().unlink(registry, repository, digest)) throw OciError.blobUnknown(digest);
                ex.empty(202);
            }
            default -> throw OciError.unsupported(ex.method() + " on a blob");
        }
    }

    /** The blob, if readable in this repository: linked there (uploaded or mounted) or named by one of its manifests. */
    Optional<Blob> visible(String registry, String repository, String digest) {
        if (!Digests.isSha256(digest)) return Optional.empty();
        if (!content.store().isLinked(registry, repository, digest)
                && !content.store().isReferencedByManifest(registry, repository, digest)) {
            return Optional.empty();
        }
        return content.store().blob(digest);
    }

    private void read(RegistryExchange ex, String registry, String repository, String digest) throws IOException {
        Optional<Repository> repo = content.store().repository(registry, repository);
        if (repo.isEmpty()) throw OciError.blobUnknown(digest);
        if (!repo.get().attributes().readEnabled()) throw OciError.disallowed();
        Blob blob = visible(registry, repository, digest).orElseThrow(() -> OciError.blobUnknown(digest));
        long size = blob.size();
        ex.header("Docker-Content-Digest", digest).header("Accept-Ranges", "bytes")
                .header("ETag", "\"" + digest + "\"").header("Content-Type", "application/octet-stream");
        String range = ex.header("Range");
        if (range == null || ex.isHead()) {
            ex.stream(200, content.blobs().open(digest, 0), size);
            return;
        }
        Matcher m = RANGE.matcher(range.trim());
        long start;
        long end;
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) throw unsatisfiable(size);
        if (m.group(1).isEmpty()) { // suffix: the last n bytes
            long n = Names.bytePosition(m.group(2));
            start = Math.max(0, size - n);
            end = size - 1;
        } else {
            start = Names.bytePosition(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Names.bytePosition(m.group(2)), size - 1);
        }
        if (start >= size || start > end) throw unsatisfiable(size);
        ex.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        ex.stream(206, content.blobs().open(digest, start), end - start + 1);
    }

    private static OciError unsatisfiable(long size) {
        return OciError.of(416, "BLOB_UNKNOWN", "requested range not satisfiable").withHeader("Content-Range", "bytes */" + size);
    }

    private void requireAttributes(String registry, String repository, boolean delete) {
        Repository repo = content.store().repository(registry, repository).orElseThrow(() -> OciError.nameUnknown(repository));
        if (delete && !repo.attributes().deleteEnabled()) throw OciError.disallowed();
    }
}
