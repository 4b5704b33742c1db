package dev.cerulean.server.arm.spi;

/**
 * Encrypts secrets a provider must show again later (registry admin passwords, storage account
 * keys) before they are stored; {@code context} (owner key and secret name) must match to open.
 * Implemented by {@code SecretSealer}; providers depend on this interface, not on each other.
 */
public interface Sealer {

    String seal(String plaintext, String context);

    /** @throws IllegalStateException when the value was altered or sealed under another key or context */
    String open(String sealed, String context);
}
