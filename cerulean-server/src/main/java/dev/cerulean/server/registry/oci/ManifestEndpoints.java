package dev.cerulean.server.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.storage.BlobStore;
import dev.cerulean.server.registry.storage.Digests;
import dev.cerulean.server.registry.storage.RegistryContent;
import dev.cerulean.store.RegistryRecords.Attributes;
import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Repository;
import dev.cerulean.store.RegistryRecords.Tag;
import dev.cerulean.store.RegistryStore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code HEAD/GET/PUT/DELETE /v2/<name>/manifests/<reference>} by tag or digest. */
public final class ManifestEndpoints {

    private final RegistryContent content;
    private final BlobEndpoints blobs;

    public ManifestEndpoints(RegistryContent content, BlobEndpoints blobs) {
        this.content = content;
        this.blobs = blobs;
    }

    private RegistryStore store() {
        return content.store();
    }

    public void handle(RegistryExchange ex, String repository, String reference) throws IOException {
        boolean byDigest = Digests.looksLikeDigest(reference);
        if (byDigest && !Digests.isSha256(reference)) throw OciError.digestInvalid("unsupported or malformed digest " + reference);
        if (!byDigest && !Names.isTag(reference)) throw OciError.tagInvalid(reference);
        switch (ex.method()) {
            case "GET", "HEAD" -> get(ex, repository, reference, byDigest);
            case "PUT" -> put(ex, repository, reference, byDigest);
            case "DELETE" -> delete(ex, repository, reference, byDigest);
            default -> throw OciError.unsupported(ex.method() + " on a manifest");
        }
    }

    /** The manifest a tag or digest names, with the tag if by tag. */
    private record Resolved(Manifest manifest, Tag tag) {}

    private Resolved resolve(String registry, String repository, String reference, boolean byDigest) {
        if (byDigest) {
            return new Resolved(store().manifest(registry, repository, reference)
                    .orElseThrow(() -> OciError.manifestUnknown(reference)), null);
        }
        Tag tag = store().tag(registry, repository, reference).orElseThrow(() -> OciError.manifestUnknown(reference));
        return new Resolved(store().manifest(registry, repository, tag.digest())
                .orElseThrow(() -> OciError.manifestUnknown(reference)), tag);
    }

    private void get(RegistryExchange ex, String repository, String reference, boolean byDigest) throws IOException {
        String registry = ex.registry().key();
        Repository repo = store().repository(registry, repository).orElseThrow(() -> OciError.nameUnknown(repository));
        Resolved r = resolve(registry, repository, reference, byDigest);
        if (!repo.attributes().readEnabled() || !r.manifest().attributes().readEnabled()
                || (r.tag() != null && !r.tag().attributes().readEnabled())) {
            throw OciError.disallowed();
        }
        Manifest m = r.manifest();
        if (!acceptable(ex, m.mediaType())) {
            throw OciError.manifestUnknown(reference + " (stored as " + m.mediaType() + ", which the Accept header excludes)");
        }
        ex.header("Content-Type", m.mediaType()).header("Docker-Content-Digest", m.digest()).header("ETag", "\"" + m.digest() + "\"");
        ex.stream(200, content.blobs().open(m.digest(), 0), m.size());
    }

    /** No Accept, or one naming the stored type or a wildcard, gets the manifest as stored (no conversion). */
    private static boolean acceptable(RegistryExchange ex, String mediaType) {
        List<String> accepted = RegistryExchange.splitList(ex.headers("Accept"));
        if (accepted.isEmpty()) return true;
        for (String a : accepted) {
            if (a.equals(mediaType) || a.equals("*/*") || a.equals("application/*") || a.equals("application/json")) return true;
        }
        return false;
    }

    private void put(RegistryExchange ex, String repository, String reference, boolean byDigest) throws IOException {
        String registry = ex.registry().key();
        Optional<Repository> repo = store().repository(registry, repository);
        if (repo.isPresent() && !repo.get().attributes().writeEnabled()) throw OciError.disallowed();
        if (!byDigest) {
            store().tag(registry, repository, reference).ifPresent(t -> {
                if (!t.attributes().writeEnabled()) throw OciError.disallowed();
            });
        }
        byte[] body;
        try (InputStream in = ex.body()) {
            body = ex.contentLength() > ManifestDocument.MAX_BYTES ? new byte[0] : in.readNBytes(ManifestDocument.MAX_BYTES + 1);
            if (ex.contentLength() > ManifestDocument.MAX_BYTES || body.length > ManifestDocument.MAX_BYTES) {
                // Read (and drop) a moderately over-size body before answering: a client still sending
                // when the connection closes may lose the 413 to a reset. Beyond the bound it closes.
                long rest = ex.contentLength() < 0 ? DRAIN_BYTES : ex.contentLength() - body.length;
                in.skipNBytes(Math.min(Math.max(0, rest), DRAIN_BYTES));
                throw tooLarge();
            }
        } catch (java.io.EOFException e) {
            throw tooLarge();
        }
        ManifestDocument doc = ManifestDocument.parse(body, ex.header("Content-Type"));
        String digest = Digests.of(body);
        if (byDigest && !digest.equals(reference)) throw OciError.digestInvalid("manifest has digest " + digest);
        Optional<Manifest> existing = store().manifest(registry, repository, digest);
        if (existing.isPresent() && !existing.get().attributes().writeEnabled() && byDigest) throw OciError.disallowed();

        List<String> refs = new ArrayList<>();
        long imageSize = body.length;
        for (ManifestDocument.Descriptor d : doc.blobs()) {
            Blob b = blobs.visible(registry, repository, d.digest()).orElseThrow(() -> OciError.manifestBlobUnknown(d.digest()));
            if (b.size() != d.size()) throw OciError.manifestInvalid("descriptor size of " + d.digest() + " is not " + b.size());
            refs.add(d.digest());
            imageSize += b.size();
        }
        for (ManifestDocument.Descriptor d : doc.manifests()) {
            if (store().manifest(registry, repository, d.digest()).isEmpty()) throw OciError.manifestBlobUnknown(d.digest());
            refs.add(d.digest());
            imageSize += d.size();
        }
        String[] platform = platform(doc);
        Instant now = content.now();
        Manifest row = new Manifest(registry, repository, digest, doc.mediaType(), body.length, imageSize,
                doc.subject() == null ? null : doc.subject().digest(), doc.referrerType(), doc.configMediaType(),
                platform[0], platform[1], now, now, existing.map(Manifest::attributes).orElse(Attributes.DEFAULT));
        BlobStore.Staged staged = content.blobs().stage(new ByteArrayInputStream(body), ManifestDocument.MAX_BYTES);
        content.commit(staged, () -> {
            store().ensureRepository(registry, repository, now);
            store().putManifest(row, refs.stream().distinct().toList());
            if (!byDigest) store().putTag(new Tag(registry, repository, reference, digest, now, now, Attributes.DEFAULT), null);
        });
        ex.header("Location", "/v2/" + repository + "/manifests/" + digest).header("Docker-Content-Digest", digest);
        if (doc.subject() != null) ex.header("OCI-Subject", doc.subject().digest());
        ex.empty(201);
    }

    /** Architecture and OS from an image's config blob (small JSON), for ACR's manifest listing. */
    private String[] platform(ManifestDocument doc) {
        if (doc.isIndex() || doc.blobs().isEmpty()) return new String[2];
        ManifestDocument.Descriptor config = doc.blobs().get(0);
        if (config.size() > 1024 * 1024 || !config.mediaType().contains("config")) return new String[2];
        try (InputStream in = content.blobs().open(config.digest(), 0)) {
            JsonNode c = Json.MAPPER.readTree(in);
            return new String[] {c.path("architecture").asText(null), c.path("os").asText(null)};
        } catch (IOException | RuntimeException e) {
            return new String[2]; // not JSON: an artifact's config
        }
    }

    private void delete(RegistryExchange ex, String repository, String reference, boolean byDigest) {
        String registry = ex.registry().key();
        Repository repo = store().repository(registry, repository).orElseThrow(() -> OciError.nameUnknown(repository));
        Resolved r = resolve(registry, repository, reference, byDigest);
        if (!repo.attributes().deleteEnabled()) throw OciError.disallowed();
        if (byDigest) {
            if (!r.manifest().attributes().deleteEnabled()) throw OciError.disallowed();
            for (Tag t : store().tags(registry, repository)) {
                if (t.digest().equals(reference) && !t.attributes().deleteEnabled()) throw OciError.disallowed();
            }
            store().deleteManifest(registry, repository, reference);
        } else {
            if (!r.tag().attributes().deleteEnabled()) throw OciError.disallowed();
            store().deleteTag(registry, repository, reference);
        }
        ex.empty(202);
    }

    /** How much of an over-size manifest is read and dropped so the client sees the 413. */
    private static final long DRAIN_BYTES = 2L * ManifestDocument.MAX_BYTES;

    private static OciError tooLarge() {
        return OciError.of(413, "SIZE_INVALID", "manifest exceeds the limit of " + ManifestDocument.MAX_BYTES + " bytes");
    }
}
