package dev.cerulean.server.entra.grant;

import java.time.Instant;

/**
 * What a verified refresh token says: whose sign-in it continues, for which client and tenant.
 *
 * @param resource the audience of the sign-in it came from, used by v1 requests that name none
 */
public record RefreshTokenClaims(String tenantId, String objectId, String userPrincipalName, String clientId,
                                 String resource, Instant issuedAt) {}
