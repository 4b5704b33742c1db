package dev.cerulean.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.storage.Digests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.cerulean.server.registry.RegistryTestbed.ADMIN;
import static dev.cerulean.server.registry.RegistryTestbed.LIMITED;
import static dev.cerulean.server.registry.RegistryTestbed.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The OCI distribution v1.1 endpoints and ACR's {@code /acr/v1}, over HTTPS against the content side. */
class RegistryProtocolTest {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    @TempDir
    static Path dir;
    static RegistryTestbed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = RegistryTestbed.start(dir, 0);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    static String pushBlob(String repo, byte[] content) throws Exception {
        String digest = Digests.of(content);
        HttpResponse<byte[]> r = bed.send("POST", "/v2/" + repo + "/blobs/uploads/?digest=" + digest, ADMIN, content);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        return digest;
    }

    static String imageManifest(String mediaType, String config, long configSize, String layer, long layerSize, String subject) {
        String s = subject == null ? "" : ",\"subject\":{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + subject + "\",\"size\":1}";
        return "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"" + config + "\",\"size\":" + configSize + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\"" + layer + "\",\"size\":" + layerSize + "}]" + s + "}";
    }

    /** Pushes config + layer + manifest tagged {@code tag}; returns the manifest digest. */
    static String pushImage(String repo, String tag, String layerText) throws Exception {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] layer = layerText.getBytes(StandardCharsets.UTF_8);
        String c = pushBlob(repo, config);
        String l = pushBlob(repo, layer);
        byte[] manifest = imageManifest(OCI_MANIFEST, c, config.length, l, layer.length, null).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = bed.send("PUT", "/v2/" + repo + "/manifests/" + tag, ADMIN, manifest, "Content-Type", OCI_MANIFEST);
        assertThat(r.statusCode()).as(text(r)).isEqualTo(201);
        assertThat(r.headers().firstValue("Docker-Content-Digest")).contains(Digests.of(manifest));
        return Digests.of(manifest);
    }

    @Test
    void pingNeedsACredentialAndCarriesAcrHeaders() throws Exception {
        HttpResponse<byte[]> anonymous = bed.send("GET", "/v2/", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains(
                "Bearer realm=\"https://myreg.azurecr.io/oauth2/token\",service=\"myreg.azurecr.io\"");
        assertThat(text(anonymous)).isEqualTo("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required, "
                + "visit https://aka.ms/acr/authorization for more information.\",\"detail\":null}]}\n");
        HttpResponse<byte[]> ok = bed.send("GET", "/v2/", ADMIN, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(text(ok)).isEqualTo("{}\n");
        for (HttpResponse<byte[]> r : new HttpResponse[] {anonymous, ok}) {
            assertThat(r.headers().firstValue("Docker-Distribution-Api-Version")).contains("registry/2.0");
            assertThat(r.headers().firstValue("X-Ms-Correlation-Request-Id")).isPresent();
            assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000; includeSubDomains");
            assertThat(r.headers().firstValue("Access-Control-Expose-Headers"))
                    .contains("Docker-Content-Digest, WWW-Authenticate, Link, X-Ms-Correlation-Request-Id");
        }
    }

    @Test
    void unknownRegistryHostIsAnOci404() throws Exception {
        HttpResponse<byte[]> r = bed.send("GET", "https://127.0.0.1:" + bed.port() + "/v2/", ADMIN, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Json.parse(text(r)).path("errors").path(0).path("code").asText()).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void monolithicBlobReadsWholeAndByRange() throws Exception {
        byte[] content = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        String digest = pushBlob("mono", content);
        HttpResponse<byte[]> head = bed.send("HEAD", "/v2/mono/blobs/" + digest, ADMIN, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains("16");
        assertThat(head.headers().firstValue("Docker-Content-Digest")).contains(digest);
        assertThat(bed.send("GET", "/v2/mono/blobs/" + digest, ADMIN, null).body()).isEqualTo(content);
        HttpResponse<byte[]> range = bed.send("GET", "/v2/mono/blobs/" + digest, ADMIN, null, "Range", "bytes=2-5");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(text(range)).isEqualTo("2345");
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 2-5/16");
        assertThat(bed.send("GET", "/v2/mono/blobs/" + digest, ADMIN, null, "Range", "bytes=99-").statusCode()).isEqualTo(416);
        HttpResponse<byte[]> toHuge = bed.send("GET", "/v2/mono/blobs/" + digest, ADMIN, null, "Range", "bytes=2-99999999999999999999");
        assertThat(toHuge.statusCode()).isEqualTo(206);
        assertThat(toHuge.headers().firstValue("Content-Range")).contains("bytes 2-15/16");
        assertThat(bed.send("GET", "/v2/other/blobs/" + digest, ADMIN, null).statusCode()).isEqualTo(404);
        assertThat(bed.send("DELETE", "/v2/mono/blobs/" + digest, ADMIN, null).statusCode()).isEqualTo(202);
        assertThat(bed.send("HEAD", "/v2/mono/blobs/" + digest, ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void chunkedUploadInOrderCompletesAndOutOfOrderIs416() throws Exception {
        HttpResponse<byte[]> start = bed.send("POST", "/v2/chunked/blobs/uploads/", ADMIN, null);
        assertThat(start.statusCode()).isEqualTo(202);
        assertThat(start.headers().firstValue("Range")).contains("0-0");
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/v2/chunked/blobs/uploads/");
        HttpResponse<byte[]> first = bed.send("PATCH", location, ADMIN, "hello ".getBytes(StandardCharsets.UTF_8),
                "Content-Range", "0-5", "Content-Type", "application/octet-stream");
        assertThat(first.statusCode()).as(text(first)).isEqualTo(202);
        assertThat(first.headers().firstValue("Range")).contains("0-5");
        HttpResponse<byte[]> skipped = bed.send("PATCH", location, ADMIN, "x".getBytes(StandardCharsets.UTF_8), "Content-Range", "9-9");
        assertThat(skipped.statusCode()).isEqualTo(416);
        assertThat(skipped.headers().firstValue("Range")).contains("0-5");
        assertThat(bed.send("PATCH", location, ADMIN, "world".getBytes(StandardCharsets.UTF_8), "Content-Range", "6-10").statusCode())
                .isEqualTo(202);
        HttpResponse<byte[]> status = bed.send("GET", location, ADMIN, null);
        assertThat(status.statusCode()).isEqualTo(204);
        assertThat(status.headers().firstValue("Range")).contains("0-10");
        String digest = Digests.of("hello world".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> done = bed.send("PUT", location + "?digest=" + digest, ADMIN, null);
        assertThat(done.statusCode()).as(text(done)).isEqualTo(201);
        assertThat(done.headers().firstValue("Location")).contains("/v2/chunked/blobs/" + digest);
        assertThat(text(bed.send("GET", "/v2/chunked/blobs/" + digest, ADMIN, null))).isEqualTo("hello world");
        assertThat(bed.send("GET", location, ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void finishingWithTheLastChunkInThePut() throws Exception {
        String location = bed.send("POST", "/v2/putchunk/blobs/uploads/", ADMIN, null).headers().firstValue("Location").orElseThrow();
        bed.send("PATCH", location, ADMIN, "abc".getBytes(StandardCharsets.UTF_8));
        String digest = Digests.of("abcdef".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> done = bed.send("PUT", location + "?digest=" + digest, ADMIN, "def".getBytes(StandardCharsets.UTF_8));
        assertThat(done.statusCode()).as(text(done)).isEqualTo(201);
        HttpResponse<byte[]> cancelled = bed.send("POST", "/v2/putchunk/blobs/uploads/", ADMIN, null);
        String other = cancelled.headers().firstValue("Location").orElseThrow();
        assertThat(bed.send("DELETE", other, ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(bed.send("GET", other, ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void manifestsByTagAndDigestWithAcceptNegotiation() throws Exception {
        String digest = pushImage("app", "v1", "layer-app");
        HttpResponse<byte[]> get = bed.send("GET", "/v2/app/manifests/v1", ADMIN, null,
                "Accept", DOCKER_MANIFEST, "Accept", OCI_MANIFEST + ", " + OCI_INDEX);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).contains(OCI_MANIFEST);
        assertThat(get.headers().firstValue("Docker-Content-Digest")).contains(digest);
        assertThat(Digests.of(get.body())).isEqualTo(digest);
        HttpResponse<byte[]> head = bed.send("HEAD", "/v2/app/manifests/" + digest, ADMIN, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(get.body().length));
        assertThat(bed.send("GET", "/v2/app/manifests/v1", ADMIN, null, "Accept", DOCKER_MANIFEST).statusCode()).isEqualTo(404);
        assertThat(bed.send("GET", "/v2/app/manifests/v2", ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void dockerManifestsAndIndexes() throws Exception {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = "docker-layer".getBytes(StandardCharsets.UTF_8);
        String c = pushBlob("multi", config);
        String l = pushBlob("multi", layer);
        byte[] manifest = imageManifest(DOCKER_MANIFEST, c, 2, l, layer.length, null).replace("application/vnd.oci.image.config.v1+json",
                "application/vnd.docker.container.image.v1+json").getBytes(StandardCharsets.UTF_8);
        assertThat(bed.send("PUT", "/v2/multi/manifests/amd64", ADMIN, manifest, "Content-Type", DOCKER_MANIFEST).statusCode())
                .isEqualTo(201);
        String child = Digests.of(manifest);
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\"" + DOCKER_MANIFEST
                + "\",\"digest\":\"" + child + "\",\"size\":" + manifest.length + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = bed.send("PUT", "/v2/multi/manifests/latest", ADMIN, index, "Content-Type", OCI_INDEX);
        assertThat(put.statusCode()).as(text(put)).isEqualTo(201);
        assertThat(bed.send("GET", "/v2/multi/manifests/latest", ADMIN, null, "Accept", OCI_INDEX).headers().firstValue("Content-Type"))
                .contains(OCI_INDEX);
        byte[] dangling = new String(index, StandardCharsets.UTF_8).replace(child, "sha256:" + "0".repeat(64)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> bad = bed.send("PUT", "/v2/multi/manifests/broken", ADMIN, dangling, "Content-Type", OCI_INDEX);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(text(bad)).contains("MANIFEST_BLOB_UNKNOWN");
    }

    @Test
    void referrersListSubjectsWithArtifactTypeFilter() throws Exception {
        String subject = pushImage("signed", "v1", "signed-layer");
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        String e = pushBlob("signed", empty);
        String sig = pushBlob("signed", "signature".getBytes(StandardCharsets.UTF_8));
        byte[] referrer = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"application/vnd.example.sig\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + e + "\",\"size\":2},"
                + "\"layers\":[{\"mediaType\":\"application/octet-stream\",\"digest\":\"" + sig + "\",\"size\":9}],"
                + "\"subject\":{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + subject + "\",\"size\":10},"
                + "\"annotations\":{\"org.example\":\"yes\"}}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> put = bed.send("PUT", "/v2/signed/manifests/" + Digests.of(referrer), ADMIN, referrer, "Content-Type", OCI_MANIFEST);
        assertThat(put.statusCode()).as(text(put)).isEqualTo(201);
        assertThat(put.headers().firstValue("OCI-Subject")).contains(subject);
        JsonNode all = Json.parse(text(bed.send("GET", "/v2/signed/referrers/" + subject, ADMIN, null)));
        assertThat(all.path("mediaType").asText()).isEqualTo(OCI_INDEX);
        assertThat(all.path("manifests").path(0).path("digest").asText()).isEqualTo(Digests.of(referrer));
        assertThat(all.path("manifests").path(0).path("artifactType").asText()).isEqualTo("application/vnd.example.sig");
        assertThat(all.path("manifests").path(0).path("annotations").path("org.example").asText()).isEqualTo("yes");
        HttpResponse<byte[]> filtered = bed.send("GET", "/v2/signed/referrers/" + subject + "?artifactType=application/other", ADMIN, null);
        assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).contains("artifactType");
        assertThat(Json.parse(text(filtered)).path("manifests").size()).isZero();
    }

    @Test
    void tagsAndCatalogPageWithAcrLinks() throws Exception {
        for (String t : new String[] {"a", "b", "c"}) pushImage("paged/repo", t, "paged");
        HttpResponse<byte[]> first = bed.send("GET", "/v2/paged/repo/tags/list?n=2", ADMIN, null);
        assertThat(text(first)).isEqualTo("{\"name\":\"paged/repo\",\"tags\":[\"a\",\"b\"]}\n");
        assertThat(first.headers().firstValue("Link")).contains("</v2/paged/repo/tags/list?last=b&n=2&orderby=>; rel=\"next\"");
        HttpResponse<byte[]> second = bed.send("GET", "/v2/paged/repo/tags/list?last=b&n=2&orderby=", ADMIN, null);
        assertThat(Json.parse(text(second)).path("tags").toString()).isEqualTo("[\"c\"]");
        assertThat(second.headers().firstValue("Link")).isEmpty();
        HttpResponse<byte[]> catalog = bed.send("GET", "/v2/_catalog?n=1", ADMIN, null);
        assertThat(catalog.headers().firstValue("Link").orElseThrow()).matches("</v2/_catalog\\?last=[^&]+&n=1&orderby=>; rel=\"next\"");
        assertThat(bed.send("GET", "/v2/_catalog", null, null).headers().firstValue("WWW-Authenticate").orElseThrow())
                .endsWith(",scope=\"registry:catalog:*\"");
    }

    @Test
    void crossRepositoryMountNeedsPullOnTheSource() throws Exception {
        byte[] content = "shared layer".getBytes(StandardCharsets.UTF_8);
        String digest = pushBlob("private", content);
        pushBlob("public", "other".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> refused = bed.send("POST", "/v2/target/blobs/uploads/?mount=" + digest + "&from=private", LIMITED, null);
        assertThat(refused.statusCode()).isEqualTo(202); // falls back to a plain upload
        HttpResponse<byte[]> mounted = bed.send("POST", "/v2/target/blobs/uploads/?mount=" + digest + "&from=private", ADMIN, null);
        assertThat(mounted.statusCode()).isEqualTo(201);
        assertThat(bed.send("GET", "/v2/target/blobs/" + digest, LIMITED, null).body()).isEqualTo(content);
        HttpResponse<byte[]> denied = bed.send("GET", "/v2/private/blobs/" + digest, LIMITED, null);
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(text(denied)).isEqualTo("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\","
                + "\"detail\":[{\"Type\":\"repository\",\"Name\":\"private\",\"Action\":\"pull\"}]}]}\n");
    }

    @Test
    void acrMetadataEndpointsAndChangeableAttributes() throws Exception {
        String digest = pushImage("acr/app", "v1", "acr-layer");
        JsonNode repo = Json.parse(text(bed.send("GET", "/acr/v1/acr/app", ADMIN, null)));
        assertThat(repo.path("registry").asText()).isEqualTo("myreg.azurecr.io");
        assertThat(repo.path("imageName").asText()).isEqualTo("acr/app");
        assertThat(repo.path("manifestCount").asInt()).isEqualTo(1);
        assertThat(repo.path("tagCount").asInt()).isEqualTo(1);
        JsonNode tags = Json.parse(text(bed.send("GET", "/acr/v1/acr/app/_tags?n=100", ADMIN, null)));
        assertThat(tags.path("tags").path(0).path("digest").asText()).isEqualTo(digest);
        JsonNode manifests = Json.parse(text(bed.send("GET", "/acr/v1/acr/app/_manifests", ADMIN, null)));
        assertThat(manifests.path("manifests").path(0).path("architecture").asText()).isEqualTo("amd64");
        assertThat(manifests.path("manifests").path(0).path("tags").toString()).isEqualTo("[\"v1\"]");
        HttpResponse<byte[]> locked = bed.send("PATCH", "/acr/v1/acr/app", ADMIN, "{\"writeEnabled\":false,\"deleteEnabled\":false}"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
        assertThat(Json.parse(text(locked)).path("changeableAttributes").path("writeEnabled").asBoolean()).isFalse();
        HttpResponse<byte[]> write = bed.send("POST", "/v2/acr/app/blobs/uploads/", ADMIN, null);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(text(write)).contains("DENIED");
        assertThat(bed.send("DELETE", "/acr/v1/acr/app", ADMIN, null).statusCode()).isEqualTo(403);
        bed.send("PATCH", "/acr/v1/acr/app", ADMIN, "{\"writeEnabled\":true,\"deleteEnabled\":true,\"listEnabled\":false}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(text(bed.send("GET", "/v2/_catalog", ADMIN, null))).doesNotContain("acr/app");
        bed.send("PATCH", "/acr/v1/acr/app/_tags/v1", ADMIN, "{\"readEnabled\":false}".getBytes(StandardCharsets.UTF_8));
        assertThat(bed.send("GET", "/v2/acr/app/manifests/v1", ADMIN, null).statusCode()).isEqualTo(403);
        assertThat(bed.send("DELETE", "/acr/v1/acr/app/_tags/v1", ADMIN, null).statusCode()).isEqualTo(202);
        assertThat(bed.send("GET", "/acr/v1/acr/app/_tags/v1", ADMIN, null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> deleted = bed.send("DELETE", "/acr/v1/acr/app", ADMIN, null);
        assertThat(deleted.statusCode()).isEqualTo(202);
        assertThat(Json.parse(text(deleted)).path("manifestsDeleted").toString()).contains(digest);
        assertThat(bed.send("GET", "/acr/v1/acr/app", ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAManifestDeletesItsTagsAndStoredBytesAreCounted() throws Exception {
        String digest = pushImage("del", "v1", "to be deleted");
        assertThat(bed.wiring.storedBytes(RegistryTestbed.KEY)).isPositive();
        assertThat(bed.send("DELETE", "/v2/del/manifests/" + digest, ADMIN, null).statusCode()).isEqualTo(202);
        assertThat(bed.send("GET", "/v2/del/manifests/v1", ADMIN, null).statusCode()).isEqualTo(404);
        assertThat(Json.parse(text(bed.send("GET", "/v2/del/tags/list", ADMIN, null))).path("tags").size()).isZero();
    }

    @Test
    void aBlobPushedToTwoRepositoriesIsStoredOnce() throws Exception {
        byte[] content = new byte[1000];
        Arrays.fill(content, (byte) 7);
        String digest = pushBlob("once/a", content);
        pushBlob("once/b", content);
        long files;
        try (var s = java.nio.file.Files.walk(dir.resolve("registry/blobs"))) {
            files = s.filter(p -> p.getFileName().toString().equals(Digests.hex(digest))).count();
        }
        assertThat(files).isEqualTo(1);
    }

    @Test
    void aRepositoryNameWithAnEncodedSlashIsTheSameRepository() throws Exception {
        // the Azure SDK sends /v2/team%2Fapp/... (clients.md §8); ACR reads %2F as '/'
        String digest = pushImage("team/encoded", "v1", "encoded slash");
        HttpResponse<byte[]> got = bed.send("GET", "/v2/team%2Fencoded/manifests/v1", ADMIN, null, "Accept", OCI_MANIFEST);
        assertThat(got.statusCode()).as(text(got)).isEqualTo(200);
        assertThat(got.headers().firstValue("Docker-Content-Digest")).contains(digest);
        assertThat(bed.send("GET", "/acr/v1/team%2Fencoded/_tags", ADMIN, null).statusCode()).isEqualTo(200);
    }
}
