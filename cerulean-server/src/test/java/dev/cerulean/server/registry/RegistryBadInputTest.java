package dev.cerulean.server.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.registry.storage.Digests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.cerulean.server.registry.RegistryProtocolTest.OCI_MANIFEST;
import static dev.cerulean.server.registry.RegistryTestbed.ADMIN;
import static dev.cerulean.server.registry.RegistryTestbed.LIMITED;
import static dev.cerulean.server.registry.RegistryTestbed.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input (issue 7 §5), as a table: each request answers the spec's status and code, never a
 * 5xx, and stores nothing (no repository, blob file, blob row or upload session appears).
 */
class RegistryBadInputTest {

    @TempDir
    static Path dir;
    static RegistryTestbed bed;
    static String config;
    static String layer;

    /** One bad request: how to send it, and what must come back. */
    record Case(String name, Request request, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Request {
        HttpResponse<byte[]> send() throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        bed = RegistryTestbed.start(dir, 0);
        config = pushBlob("good", "{}".getBytes(StandardCharsets.UTF_8));
        layer = pushBlob("good", "layer".getBytes(StandardCharsets.UTF_8));
        pushBlob("locked", "x".getBytes(StandardCharsets.UTF_8));
        bed.send("PATCH", "/acr/v1/locked", ADMIN, "{\"writeEnabled\":false}".getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    static String pushBlob(String repo, byte[] content) throws Exception {
        String digest = Digests.of(content);
        assertThat(bed.send("POST", "/v2/" + repo + "/blobs/uploads/?digest=" + digest, ADMIN, content).statusCode()).isEqualTo(201);
        return digest;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String manifest(String c, String l) {
        return RegistryProtocolTest.imageManifest(OCI_MANIFEST, c, 2, l, 5, null);
    }

    static String session() throws Exception {
        return bed.send("POST", "/v2/good/blobs/uploads/", ADMIN, null).headers().firstValue("Location").orElseThrow();
    }

    static Stream<Arguments> cases() {
        String missing = "sha256:" + "0".repeat(64);
        String bigTag = "t".repeat(129);
        byte[] huge = new byte[4 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        List<Case> table = List.of(
                new Case("malformed digest on a blob", () -> bed.send("GET", "/v2/good/blobs/sha256:xyz", ADMIN, null), 400, "DIGEST_INVALID"),
                new Case("unknown blob", () -> bed.send("GET", "/v2/good/blobs/" + missing, ADMIN, null), 404, "BLOB_UNKNOWN"),
                new Case("monolithic upload, mismatched digest",
                        () -> bed.send("POST", "/v2/new1/blobs/uploads/?digest=" + missing, ADMIN, utf8("abc")), 400, "DIGEST_INVALID"),
                new Case("monolithic upload, malformed digest",
                        () -> bed.send("POST", "/v2/new2/blobs/uploads/?digest=sha256:abc", ADMIN, utf8("abc")), 400, "DIGEST_INVALID"),
                new Case("monolithic upload, unsupported algorithm",
                        () -> bed.send("POST", "/v2/new3/blobs/uploads/?digest=md5:" + "a".repeat(32), ADMIN, utf8("abc")), 400, "DIGEST_INVALID"),
                new Case("finishing an upload without digest", () -> bed.send("PUT", session(), ADMIN, utf8("abc")), 400, "DIGEST_INVALID"),
                new Case("finishing an upload with a wrong digest",
                        () -> bed.send("PUT", session() + "?digest=" + missing, ADMIN, utf8("abc")), 400, "DIGEST_INVALID"),
                new Case("malformed Content-Range",
                        () -> bed.send("PATCH", session(), ADMIN, utf8("abc"), "Content-Range", "abc"), 416, "BLOB_UPLOAD_INVALID"),
                new Case("Content-Range not at the session's offset",
                        () -> bed.send("PATCH", session(), ADMIN, utf8("abc"), "Content-Range", "5-7"), 416, "BLOB_UPLOAD_INVALID"),
                new Case("Content-Range disagreeing with the body",
                        () -> bed.send("PATCH", session(), ADMIN, utf8("abc"), "Content-Range", "0-9"), 400, "SIZE_INVALID"),
                new Case("unknown upload id",
                        () -> bed.send("PATCH", "/v2/good/blobs/uploads/" + java.util.UUID.randomUUID(), ADMIN, utf8("a")), 404, "BLOB_UPLOAD_UNKNOWN"),
                new Case("malformed upload id", () -> bed.send("GET", "/v2/good/blobs/uploads/not-a-uuid", ADMIN, null), 404, "BLOB_UPLOAD_UNKNOWN"),
                new Case("upload id of another repository", () -> bed.send("GET", session().replace("/good/", "/other/"), ADMIN, null),
                        404, "BLOB_UPLOAD_UNKNOWN"),
                new Case("manifest naming a missing blob", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN,
                        utf8(manifest(config, missing)), "Content-Type", OCI_MANIFEST), 400, "MANIFEST_BLOB_UNKNOWN"),
                new Case("manifest naming a blob of another repository", () -> bed.send("PUT", "/v2/new4/manifests/v1", ADMIN,
                        utf8(manifest(config, layer)), "Content-Type", OCI_MANIFEST), 400, "MANIFEST_BLOB_UNKNOWN"),
                new Case("manifest with a wrong descriptor size", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN,
                        utf8(manifest(config, layer).replace("\"size\":5", "\"size\":6")), "Content-Type", OCI_MANIFEST), 400, "MANIFEST_INVALID"),
                new Case("manifest with a wrong Content-Type", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN,
                        utf8(manifest(config, layer)), "Content-Type", "text/plain"), 400, "MANIFEST_INVALID"),
                new Case("manifest without Content-Type", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN,
                        utf8(manifest(config, layer))), 400, "MANIFEST_INVALID"),
                new Case("manifest whose mediaType contradicts Content-Type", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN,
                        utf8(manifest(config, layer)), "Content-Type", "application/vnd.docker.distribution.manifest.v2+json"),
                        400, "MANIFEST_INVALID"),
                new Case("manifest that is not JSON", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN, utf8("{nope"),
                        "Content-Type", OCI_MANIFEST), 400, "MANIFEST_INVALID"),
                new Case("manifest over 4 MiB", () -> bed.send("PUT", "/v2/good/manifests/v1", ADMIN, huge,
                        "Content-Type", OCI_MANIFEST), 413, "SIZE_INVALID"),
                new Case("manifest under a digest it does not have", () -> bed.send("PUT", "/v2/good/manifests/" + missing, ADMIN,
                        utf8(manifest(config, layer)), "Content-Type", OCI_MANIFEST), 400, "DIGEST_INVALID"),
                new Case("unknown manifest", () -> bed.send("GET", "/v2/good/manifests/nope", ADMIN, null), 404, "MANIFEST_UNKNOWN"),
                new Case("tag over 128 characters", () -> bed.send("PUT", "/v2/good/manifests/" + bigTag, ADMIN,
                        utf8(manifest(config, layer)), "Content-Type", OCI_MANIFEST), 400, "TAG_INVALID"),
                new Case("'..' in a repository name", () -> bed.send("GET", "/v2/a..b/manifests/latest", ADMIN, null), 400, "NAME_INVALID"),
                new Case("upper case in a repository name", () -> bed.send("GET", "/v2/Hello/manifests/latest", ADMIN, null), 400, "NAME_INVALID"),
                new Case("upper case in an upload's repository", () -> bed.send("POST", "/v2/Up/blobs/uploads/", ADMIN, null), 400, "NAME_INVALID"),
                new Case("unknown repository's tags", () -> bed.send("GET", "/v2/nothing/tags/list", ADMIN, null), 404, "NAME_UNKNOWN"),
                new Case("query string that is not URL encoding", () -> bed.send("GET", "/v2/_catalog?n=%C3%28", ADMIN, null), 400,
                        "UNSUPPORTED"),
                new Case("page size that is not a number", () -> bed.send("GET", "/v2/_catalog?n=abc", ADMIN, null), 400,
                        "PAGINATION_NUMBER_INVALID"),
                new Case("write to a repository whose writeEnabled is false",
                        () -> bed.send("POST", "/v2/locked/blobs/uploads/?digest=" + Digests.of(utf8("y")), ADMIN, utf8("y")), 403, "DENIED"),
                new Case("manifest to a repository whose writeEnabled is false", () -> bed.send("PUT", "/v2/locked/manifests/v1", ADMIN,
                        utf8(manifest(config, layer)), "Content-Type", OCI_MANIFEST), 403, "DENIED"),
                new Case("unsupported method on a manifest", () -> bed.send("POST", "/v2/good/manifests/v1", ADMIN, null), 405, "UNSUPPORTED"),
                new Case("no credentials", () -> bed.send("GET", "/v2/good/tags/list", null, null), 401, "UNAUTHORIZED"),
                new Case("wrong Basic credentials", () -> bed.send("GET", "/v2/", RegistryTestbed.basic("myreg", "wrong"), null),
                        401, "UNAUTHORIZED"),
                new Case("push outside the caller's rights", () -> bed.send("POST", "/v2/private/blobs/uploads/", LIMITED, null),
                        401, "DENIED"),
                new Case("Range starting past any length", () -> bed.send("GET", "/v2/good/blobs/" + layer, ADMIN, null,
                        "Range", "bytes=99999999999999999999-"), 416, "BLOB_UNKNOWN"),
                new Case("Content-Range past any length", () -> bed.send("PATCH", session(), ADMIN, utf8("abc"),
                        "Content-Range", "0-99999999999999999999"), 416, "BLOB_UPLOAD_INVALID"));
        return table.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersTheSpecsErrorAndStoresNothing(Case c) throws Exception {
        List<String> repositories = bed.stores.registry().repositoryNames(RegistryTestbed.KEY, null, 1000);
        long blobs = files("registry/blobs");
        long rows = bed.stores.registry().storedBytes(RegistryTestbed.KEY);
        HttpResponse<byte[]> r = c.request().send();
        assertThat(r.statusCode()).as(text(r)).isEqualTo(c.status());
        JsonNode error = Json.parse(text(r)).path("errors").path(0);
        assertThat(error.path("code").asText()).as(text(r)).isEqualTo(c.code());
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(bed.stores.registry().repositoryNames(RegistryTestbed.KEY, null, 1000)).isEqualTo(repositories);
        assertThat(files("registry/blobs")).isEqualTo(blobs);
        assertThat(bed.stores.registry().storedBytes(RegistryTestbed.KEY)).isEqualTo(rows);
        if (c.status() == 401) assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    static long files(String under) throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve(under))) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
