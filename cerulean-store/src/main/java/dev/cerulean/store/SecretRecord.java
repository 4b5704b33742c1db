package dev.cerulean.store;

import java.time.Instant;

/**
 * A credential that belongs to a resource: an ACR token password (stored as a salted hash) or a
 * registry admin password (stored encrypted under a key kept outside the database). The store
 * never sees a plain secret.
 *
 * @param ownerKey  key of the owning resource (e.g. a token's lower-cased resource id)
 * @param name      the credential's name within its owner, e.g. {@code password1}
 * @param kind      how {@code value} is protected, e.g. {@code hash} or {@code sealed}
 * @param value     the hash or ciphertext
 * @param expiresAt null when it does not expire
 */
public record SecretRecord(String ownerKey, String name, String kind, String value, Instant createdAt, Instant expiresAt) {}
