package dev.cerulean.it.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A one-layer OCI image layout written by the test (no image is ever pulled from the internet):
 * a gzip'd tar holding one file, a config whose {@code diff_ids} names the uncompressed tar, a
 * manifest, {@code index.json} with the tag {@code latest}, and {@code oci-layout}.
 */
final class OciLayout {
    private OciLayout() {}

    /** Writes the layout into {@code dir} and returns {@code oci:<dir>:latest} for skopeo. */
    static String write(Path dir, String fileContent) {
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
            byte[] tar = tar("hello.txt", fileContent.getBytes(StandardCharsets.UTF_8));
            byte[] layer = gzip(tar);
            String layerDigest = blob(dir, layer);
            byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                    + "\"diff_ids\":[\"sha256:" + sha256(tar) + "\"]}}").getBytes(StandardCharsets.UTF_8);
            String configDigest = blob(dir, config);
            byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                    + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                    + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
            String manifestDigest = blob(dir, manifest);
            Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                    + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":" + manifest.length
                    + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            return "oci:" + dir + ":latest";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blob(Path dir, byte[] bytes) throws IOException {
        String hex = sha256(bytes);
        Files.write(dir.resolve("blobs/sha256/" + hex), bytes);
        return "sha256:" + hex;
    }

    /** A ustar archive of one regular file. */
    private static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 1_700_000_000L));
        for (int i = 148; i < 156; i++) header[i] = ' ';
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int sum = 0;
        for (byte b : header) sum += b & 0xff;
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int at, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
