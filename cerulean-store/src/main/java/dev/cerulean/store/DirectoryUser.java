package dev.cerulean.store;

import java.time.Instant;

/**
 * A user of a tenant, able to sign in with a password.
 *
 * @param userPrincipalName e.g. {@code dev@cerulean.onmicrosoft.com}; unique per tenant case-insensitively
 * @param puid              Entra's 16-hex-digit {@code puid} claim
 * @param passwordHash      {@code SecretHasher.hashPassword} form
 */
public record DirectoryUser(String tenantId, String objectId, String userPrincipalName, String displayName,
                            String givenName, String surname, String puid, String passwordHash, Instant createdAt) {

    @Override
    public String toString() {
        return "DirectoryUser[tenantId=" + tenantId + ", objectId=" + objectId + ", upn=" + userPrincipalName + "]";
    }
}
