package dev.cerulean.server.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.storage.Digests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A manifest as pushed: Docker v2 schema 2, Docker manifest list, OCI image manifest or OCI index,
 * checked against the image and distribution specs far enough to know what it references.
 *
 * @param blobs     config and layers (image manifests)
 * @param manifests child manifests (lists and indexes)
 * @param subject   the {@code subject} descriptor, or null
 */
public record ManifestDocument(String mediaType, JsonNode root, List<Descriptor> blobs, List<Descriptor> manifests,
                               Descriptor subject, String artifactType, String configMediaType) {

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final Set<String> SUPPORTED = Set.of(DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX);
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public record Descriptor(String mediaType, String digest, long size) {}

    public boolean isIndex() {
        return mediaType.equals(DOCKER_LIST) || mediaType.equals(OCI_INDEX);
    }

    /** Parses {@code body} sent with {@code contentType}; a {@code MANIFEST_INVALID} error says what is wrong. */
    public static ManifestDocument parse(byte[] body, String contentType) {
        String type = contentType == null ? null : contentType.split(";")[0].trim();
        if (type == null || type.isEmpty()) throw OciError.manifestInvalid("Content-Type missing");
        if (!SUPPORTED.contains(type)) throw OciError.manifestInvalid("unsupported manifest media type " + type);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw OciError.manifestInvalid("not a JSON document");
        }
        if (root == null || !root.isObject()) throw OciError.manifestInvalid("not a JSON object");
        if (root.path("schemaVersion").asInt(-1) != 2) throw OciError.manifestInvalid("schemaVersion must be 2");
        JsonNode declared = root.get("mediaType");
        if (declared != null && !declared.asText().equals(type)) {
            throw OciError.manifestInvalid("mediaType " + declared.asText() + " does not match Content-Type " + type);
        }
        if (declared == null && (type.equals(DOCKER_MANIFEST) || type.equals(DOCKER_LIST))) {
            throw OciError.manifestInvalid("mediaType missing");
        }
        List<Descriptor> blobs = new ArrayList<>();
        List<Descriptor> manifests = new ArrayList<>();
        String configType = null;
        if (type.equals(DOCKER_LIST) || type.equals(OCI_INDEX)) {
            JsonNode list = root.get("manifests");
            if (list == null || !list.isArray()) throw OciError.manifestInvalid("manifests must be an array");
            for (JsonNode d : list) manifests.add(descriptor(d, "manifests[]"));
        } else {
            Descriptor config = descriptor(root.get("config"), "config");
            configType = config.mediaType();
            blobs.add(config);
            JsonNode layers = root.get("layers");
            if (layers == null || !layers.isArray()) throw OciError.manifestInvalid("layers must be an array");
            for (JsonNode d : layers) blobs.add(descriptor(d, "layers[]"));
        }
        Descriptor subject = root.has("subject") ? descriptor(root.get("subject"), "subject") : null;
        String artifactType = root.hasNonNull("artifactType") ? root.get("artifactType").asText() : null;
        return new ManifestDocument(type, root, blobs, manifests, subject, artifactType, configType);
    }

    private static Descriptor descriptor(JsonNode d, String where) {
        if (d == null || !d.isObject()) throw OciError.manifestInvalid(where + " must be a descriptor");
        String digest = d.path("digest").asText(null);
        if (!Digests.isSha256(digest)) throw OciError.manifestInvalid(where + " has an invalid digest " + digest);
        if (!d.path("size").canConvertToLong() || d.path("size").asLong() < 0) {
            throw OciError.manifestInvalid(where + " has an invalid size");
        }
        String mediaType = d.path("mediaType").asText(null);
        if (mediaType == null) throw OciError.manifestInvalid(where + " has no mediaType");
        return new Descriptor(mediaType, digest, d.path("size").asLong());
    }

    /** The referrers API's artifact type: {@code artifactType}, else the config's media type. */
    public String referrerType() {
        return artifactType != null ? artifactType : configMediaType;
    }
}
