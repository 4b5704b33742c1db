package dev.cerulean.server.providers.containerregistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Salted SHA-256 hashes of token passwords (acr.md §3.4: a password is shown once, only its hash is
 * kept). A slow KDF would buy nothing here: the passwords are 192-bit random values from
 * {@link PasswordGenerator}, out of reach of guessing at any hash speed, while every registry request
 * authenticated with a token verifies one. Comparison is constant-time ({@link MessageDigest#isEqual}).
 * Same signatures as the shared {@code SecretHasher} being written elsewhere, so it can replace this.
 * Format: {@code sha256$<base64 salt>$<base64 digest>}.
 */
final class TokenPasswordHasher {

    private static final String SCHEME = "sha256";
    private static final int SALT_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(digest(salt, secret));
    }

    /** True when {@code secret} hashes to {@code stored}; false for any other secret or a malformed hash. */
    boolean verify(String secret, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
        if (parts.length != 3 || !parts[0].equals(SCHEME)) return false;
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, digest(salt, secret));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
