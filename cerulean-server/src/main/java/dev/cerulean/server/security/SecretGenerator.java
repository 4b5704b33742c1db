package dev.cerulean.server.security;

import java.security.SecureRandom;

/**
 * Generates credentials in the shape Azure gives them, from {@link SecureRandom}, so scripts that
 * parse or validate them keep working.
 */
public final class SecretGenerator {
    private SecretGenerator() {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = ALPHANUMERIC + "_~.-";

    /**
     * A 40-character Entra client secret such as {@code abc8Q~...}: three alphanumerics, the format
     * digit {@code 8} that current Entra secrets carry, {@code Q~}, then 34 characters of
     * {@code [A-Za-z0-9_~.-]} (about 205 random bits, well above the 128 bits {@link SecretHasher} assumes).
     */
    public static String clientSecret() {
        StringBuilder secret = new StringBuilder(40);
        append(secret, ALPHANUMERIC, 3);
        secret.append("8Q~");
        append(secret, SECRET_ALPHABET, 34);
        return secret.toString();
    }

    private static void append(StringBuilder out, String alphabet, int count) {
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
    }
}
