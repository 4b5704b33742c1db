package dev.cerulean.server.providers.managedidentity;

/**
 * Where a managed identity's service principal lives. The default is the identity store's service
 * principals ({@link StoreIdentityDirectory}); a richer directory (Microsoft Graph's) can take its
 * place without the provider changing.
 */
public interface IdentityDirectory {

    /** The ids of a directory object made for an identity. */
    record ManagedPrincipal(String tenantId, String principalId, String clientId) {}

    /**
     * Creates the service principal of a new managed identity in {@code tenantId}. Runs in the
     * resource write's transaction.
     *
     * @param displayName the identity's name, as Azure names its service principal
     * @param resourceId  the identity's resource id (Azure records it as an alternative name)
     */
    ManagedPrincipal create(String tenantId, String displayName, String resourceId);

    /** Removes the principal when its identity is deleted; a directory that cannot remove keeps it. */
    void remove(ManagedPrincipal principal);
}
