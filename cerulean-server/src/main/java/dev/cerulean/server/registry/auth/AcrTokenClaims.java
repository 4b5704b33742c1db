package dev.cerulean.server.registry.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a verified ACR token says (acr.md §5.6).
 *
 * @param subject    {@code sub}: the user name, token name, appId or UPN it was issued to
 * @param grantType  {@code refresh_token} or {@code access_token}
 * @param audience   {@code aud}: the login server
 * @param tenant     {@code tenant} of an Entra identity, else null
 * @param objectId   {@code oid} of an Entra identity (what role assignments name), else null
 * @param credential what to re-check on every use
 * @param access     the granted scopes of an access token (empty for refresh tokens)
 * @param expiresAt  {@code exp}
 */
record AcrTokenClaims(String subject, String grantType, String audience, String tenant, String objectId,
                      CredentialRef credential, List<AccessScope> access, Instant expiresAt) {

    boolean isRefreshToken() {
        return AcrTokens.REFRESH_GRANT.equals(grantType);
    }
}
