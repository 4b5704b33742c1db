package dev.cerulean.store;

import java.time.Instant;

/**
 * An application registration with its service principal, in one tenant.
 *
 * @param secretHash the client secret as a salted hash (never the secret itself); see {@code SecretHasher} for why
 *                   generated high-entropy secrets use salted SHA-256 rather than a slow KDF
 */
public record ServicePrincipal(String tenantId, String appId, String objectId, String displayName,
                               String secretHash, Instant createdAt) {}
