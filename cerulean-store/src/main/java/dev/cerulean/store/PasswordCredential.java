package dev.cerulean.store;

import java.time.Instant;

/**
 * A client secret of an application or of a service principal, stored only as a hash.
 *
 * @param ownerId    object id of the application or service principal holding it
 * @param appId      the owner's client id, so that every secret of a client is found in one read
 * @param hint       the secret's first three characters (Graph shows them)
 * @param secretHash {@code SecretHasher} form, never the secret
 * @param endsAt     null for a secret without end (migrated V1 secrets)
 */
public record PasswordCredential(String tenantId, String ownerId, String appId, String keyId, String displayName,
                                 String hint, String secretHash, Instant startsAt, Instant endsAt) {

    /** Whether the secret may be used at {@code now}. */
    public boolean isValidAt(Instant now) {
        return (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    @Override
    public String toString() {
        return "PasswordCredential[ownerId=" + ownerId + ", keyId=" + keyId + ", appId=" + appId + ", secretHash=***]";
    }
}
