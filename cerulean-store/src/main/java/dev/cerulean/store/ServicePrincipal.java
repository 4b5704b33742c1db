package dev.cerulean.store;

import java.time.Instant;

/**
 * A service principal: the identity of an application (or a managed identity) in one tenant, the
 * object the token endpoint authenticates and role assignments name. Its secrets are
 * {@link PasswordCredential}s of this principal or of its application.
 *
 * @param objectId      the principal's own id: token {@code oid}, ARM {@code principalId}
 * @param principalType Graph's {@code servicePrincipalType}: {@code Application} or {@code ManagedIdentity}
 * @param document      JSON object of the further Graph properties kept as sent (tags, accountEnabled, ...)
 */
public record ServicePrincipal(String tenantId, String appId, String objectId, String displayName,
                               String principalType, String document, Instant createdAt) {

    public static final String APPLICATION = "Application";
    public static final String MANAGED_IDENTITY = "ManagedIdentity";

    /** An application's principal with no further properties. */
    public static ServicePrincipal ofApplication(String tenantId, String appId, String objectId, String displayName,
                                                 Instant createdAt) {
        return new ServicePrincipal(tenantId, appId, objectId, displayName, APPLICATION, "{}", createdAt);
    }
}
