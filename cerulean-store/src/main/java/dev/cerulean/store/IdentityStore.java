package dev.cerulean.store;

import java.util.List;
import java.util.Optional;

/** Tenants and service principals of the Entra ID emulation. */
public interface IdentityStore {

    /** Inserts the tenant unless one with that id exists; returns true when inserted. */
    boolean createTenant(Tenant tenant);

    Optional<Tenant> tenant(String tenantId);

    List<Tenant> tenants();

    /** Inserts the service principal unless (tenantId, appId) exists; returns true when inserted. */
    boolean createServicePrincipal(ServicePrincipal principal);

    Optional<ServicePrincipal> servicePrincipal(String tenantId, String appId);

    /** All tenants' principals with this app id (used where the tenant is not in the request, e.g. /adfs). */
    List<ServicePrincipal> servicePrincipalsByAppId(String appId);

    /** The service principal with this object id (role assignments name principals by object id). */
    Optional<ServicePrincipal> servicePrincipalByObjectId(String tenantId, String objectId);
}
