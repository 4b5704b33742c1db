package dev.cerulean.store;

import java.util.List;
import java.util.Optional;

/**
 * The directory of the Entra ID emulation: tenants, applications, service principals, their
 * password credentials, and users. Creates are insert-if-absent and answer whether they inserted;
 * updates and deletes answer whether a row was there. Object ids are GUIDs, unique across tenants;
 * lists are per tenant, ordered by object id. Cascades (an application's principal and secrets) are
 * the caller's, inside one {@link Transactions#inTransaction}.
 */
public interface IdentityStore {

    /** Inserts the tenant unless one with that id exists; returns true when inserted. */
    boolean createTenant(Tenant tenant);

    Optional<Tenant> tenant(String tenantId);

    List<Tenant> tenants();

    // --- applications

    /** Inserts unless the object id or (tenant, app id) exists. */
    boolean createApplication(Application application);

    Optional<Application> application(String tenantId, String objectId);

    Optional<Application> applicationByAppId(String tenantId, String appId);

    List<Application> applications(String tenantId);

    /** Replaces display name and document of the application with this object id. */
    boolean updateApplication(Application application);

    boolean deleteApplication(String tenantId, String objectId);

    // --- service principals

    /** Inserts the service principal unless (tenantId, appId) or its object id exists; returns true when inserted. */
    boolean createServicePrincipal(ServicePrincipal principal);

    Optional<ServicePrincipal> servicePrincipal(String tenantId, String appId);

    Optional<ServicePrincipal> servicePrincipalByObjectId(String tenantId, String objectId);

    /** All tenants' principals with this app id (used where the tenant is not in the request, e.g. /adfs). */
    List<ServicePrincipal> servicePrincipalsByAppId(String appId);

    List<ServicePrincipal> servicePrincipals(String tenantId);

    /** Replaces display name and document of the principal with this object id. */
    boolean updateServicePrincipal(ServicePrincipal principal);

    boolean deleteServicePrincipal(String tenantId, String objectId);

    // --- password credentials

    /** Inserts unless (owner, key id) exists. */
    boolean addPasswordCredential(PasswordCredential credential);

    boolean removePasswordCredential(String ownerId, String keyId);

    /** Removes every credential of the owner; returns how many. */
    int removePasswordCredentials(String ownerId);

    /** The owner's credentials, ordered by key id. */
    List<PasswordCredential> passwordCredentials(String ownerId);

    /** Every credential of the application and service principal with this client id in the tenant. */
    List<PasswordCredential> passwordCredentialsByAppId(String tenantId, String appId);

    // --- users

    /** Inserts unless the object id or the user principal name (case-insensitively, per tenant) exists. */
    boolean createUser(DirectoryUser user);

    Optional<DirectoryUser> user(String tenantId, String objectId);

    /** By user principal name, case-insensitively. */
    Optional<DirectoryUser> userByPrincipalName(String tenantId, String userPrincipalName);

    List<DirectoryUser> users(String tenantId);
}
