package dev.cerulean.server.registry;

import dev.cerulean.server.registry.storage.Digests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a one-layer OCI image layout a test can push with real clients (skopeo's {@code oci:} transport):
 * a gzip'd tar layer holding one file, a config whose {@code diff_ids} names the uncompressed tar,
 * the manifest, {@code index.json} with the tag, and {@code oci-layout}. Nothing comes from the internet.
 */
public final class OciLayout {

    /** What was written: the manifest's digest and the layer's digest. */
    public record Image(String manifestDigest, String layerDigest) {}

    private OciLayout() {}

    public static Image write(Path dir, String tag, String fileName, byte[] fileContent) throws IOException {
        Path blobs = Files.createDirectories(dir.resolve("blobs/sha256"));
        byte[] tar = tar(fileName, fileContent);
        byte[] layer = gzip(tar);
        String layerDigest = blob(blobs, layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + Digests.of(tar) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(blobs, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(blobs, manifest);
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag + "\"}}]}");
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return new Image(manifestDigest, layerDigest);
    }

    /** A layout tagged {@code latest} holding {@code hello.txt}; returns {@code oci:<dir>:latest}, as skopeo and podman name it. */
    public static String writeLatest(Path dir, String fileContent) throws IOException {
        write(dir, "latest", "hello.txt", fileContent.getBytes(StandardCharsets.UTF_8));
        return "oci:" + dir + ":latest";
    }

    private static String blob(Path blobs, byte[] content) throws IOException {
        String digest = Digests.of(content);
        Files.write(blobs.resolve(Digests.hex(digest)), content);
        return digest;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A POSIX ustar archive with one regular file. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 0));
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        long sum = 0;
        for (byte b : header) sum += b & 0xff;
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        header[155] = ' ';
        int padded = (content.length + 511) / 512 * 512;
        byte[] out = new byte[512 + padded + 1024];
        System.arraycopy(header, 0, out, 0, 512);
        System.arraycopy(content, 0, out, 512, content.length);
        return out;
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
