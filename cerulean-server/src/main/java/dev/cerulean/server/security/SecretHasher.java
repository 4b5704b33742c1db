package dev.cerulean.server.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes secrets for storage and checks presented secrets against the stored form, in constant time.
 *
 * <p>Two forms, chosen by what is hashed. Client secrets, ACR token passwords and other values that
 * Cerulean generates itself ({@link SecretGenerator}: at least 128 random bits) are stored as one
 * salted SHA-256, {@code sha256$<salt>$<hash>}: guessing such a value is infeasible however fast the
 * hash is, and a deliberately slow KDF would only cap how many tokens a second the server can issue,
 * since every client-credentials request checks a secret. Passwords a person chose (the development
 * user's) have little entropy and are stored with PBKDF2-HMAC-SHA256, {@code pbkdf2$<iterations>$<salt>$<hash>}
 * (600,000 iterations, the OWASP 2023 figure for this PRF). Salts and hashes are unpadded base64.
 */
public final class SecretHasher {
    private SecretHasher() {}

    private static final String SHA256 = "sha256";
    private static final String PBKDF2 = "pbkdf2";
    private static final int PBKDF2_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int PBKDF2_HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** For high-entropy generated secrets only (see the class comment). */
    public static String hashSecret(String secret) {
        byte[] salt = salt();
        return SHA256 + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(sha256(salt, secret));
    }

    /** For passwords chosen by people. */
    public static String hashPassword(String password) {
        byte[] salt = salt();
        return PBKDF2 + "$" + PBKDF2_ITERATIONS + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(pbkdf2(password, salt, PBKDF2_ITERATIONS));
    }

    /** True when {@code candidate} is the secret {@code stored} was made from; false for any malformed stored form. */
    public static boolean verify(String candidate, String stored) {
        if (candidate == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$", -1);
        try {
            if (parts.length == 3 && parts[0].equals(SHA256)) {
                byte[] salt = B64_DECODER.decode(parts[1]);
                return MessageDigest.isEqual(sha256(salt, candidate), B64_DECODER.decode(parts[2]));
            }
            if (parts.length == 4 && parts[0].equals(PBKDF2)) {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = B64_DECODER.decode(parts[2]);
                return iterations > 0
                        && MessageDigest.isEqual(pbkdf2(candidate, salt, iterations), B64_DECODER.decode(parts[3]));
            }
        } catch (IllegalArgumentException malformed) { // bad base64 or iteration count
            return false;
        }
        return false;
    }

    private static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] sha256(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, PBKDF2_HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
