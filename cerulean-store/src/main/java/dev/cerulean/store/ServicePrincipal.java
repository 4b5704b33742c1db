package dev.cerulean.store;

import java.time.Instant;

/**
 * An application registration with its service principal, in one tenant.
 *
 * @param secretHash the client secret as a salted, slow hash (never the secret itself)
 */
public record ServicePrincipal(String tenantId, String appId, String objectId, String displayName,
                               String secretHash, Instant createdAt) {}
