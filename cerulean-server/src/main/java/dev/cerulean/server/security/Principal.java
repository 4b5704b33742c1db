package dev.cerulean.server.security;

import java.time.Instant;

/**
 * Who made a request, as established from a verified bearer token: what ARM records in
 * {@code systemData} and checks against the subscription's tenant.
 *
 * @param tenantId      the token's {@code tid}
 * @param appId         the client application ({@code appid} on v1 tokens, {@code azp} on v2)
 * @param objectId      the caller's {@code oid}: the user, or the application's service principal
 * @param upn           the user principal name, null for applications
 * @param createdBy     what ARM writes as {@code systemData.createdBy}: the UPN for users, the app id for applications
 * @param createdByType {@code User} or {@code Application}
 * @param audience      the token's {@code aud}
 * @param expiresAt     the token's {@code exp}
 */
public record Principal(String tenantId, String appId, String objectId, String upn, String createdBy,
                        String createdByType, String audience, Instant expiresAt) {

    public boolean isUser() {
        return "User".equals(createdByType);
    }
}
