package dev.cerulean.server.providers.containerregistry;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates registry passwords in ACR's observed format (acr.md §1.9, §3.4): 32 characters over the
 * base64 alphabet, i.e. the base64 of 24 random bytes (192 bits) from a CSPRNG.
 */
final class PasswordGenerator {

    private static final int RANDOM_BYTES = 24;

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
