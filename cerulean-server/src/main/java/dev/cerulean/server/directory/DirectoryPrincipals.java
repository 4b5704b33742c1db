package dev.cerulean.server.directory;

import java.util.Optional;

/**
 * The directory as other packages need it: does a principal exist (role assignments answer
 * {@code PrincipalNotFound} otherwise), who is it, and, for managed identities, a service principal
 * with ids chosen by the caller. Ids compare case-insensitively.
 */
public interface DirectoryPrincipals {

    /** A user or service principal of the tenant by object id. */
    Optional<DirectoryPrincipal> byObjectId(String tenantId, String objectId);

    /** The service principal of a client id. */
    Optional<DirectoryPrincipal> servicePrincipalByAppId(String tenantId, String appId);

    /** A user by sign-in name, case-insensitively. */
    Optional<DirectoryPrincipal> userByPrincipalName(String tenantId, String userPrincipalName);

    /**
     * Creates a service principal without an application (a managed identity's), with the given ids;
     * {@code principalType} is {@code ManagedIdentity} or {@code Application}. Returns the existing
     * principal when one with this object id already exists in the tenant.
     *
     * @throws IllegalArgumentException when the object id or app id is taken by another principal
     */
    DirectoryPrincipal createServicePrincipal(String tenantId, String objectId, String appId, String displayName,
                                              String principalType);

    /** Deletes a service principal and its secrets; false when there was none. */
    boolean deleteServicePrincipal(String tenantId, String objectId);
}
