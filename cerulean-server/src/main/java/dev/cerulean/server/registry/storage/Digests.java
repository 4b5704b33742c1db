package dev.cerulean.server.registry.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** OCI digests ({@code algorithm:encoded}); Cerulean stores and verifies sha256. */
public final class Digests {

    private static final Pattern GRAMMAR = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");
    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    private Digests() {}

    /** True for a well-formed sha256 digest, the only algorithm content is addressed by. */
    public static boolean isSha256(String digest) {
        return digest != null && SHA256.matcher(digest).matches();
    }

    /** True for anything the OCI digest grammar accepts (used to tell digests from tags). */
    public static boolean looksLikeDigest(String reference) {
        return reference != null && reference.indexOf(':') > 0 && GRAMMAR.matcher(reference).matches();
    }

    public static String algorithm(String digest) {
        return digest.substring(0, digest.indexOf(':'));
    }

    public static String hex(String digest) {
        return digest.substring(digest.indexOf(':') + 1);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(MessageDigest sha) {
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    public static String of(byte[] content) {
        MessageDigest sha = sha256();
        sha.update(content);
        return of(sha);
    }
}
