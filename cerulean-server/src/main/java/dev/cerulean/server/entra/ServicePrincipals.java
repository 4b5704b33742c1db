package dev.cerulean.server.entra;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.server.security.SecretGenerator;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;

import java.time.Clock;
import java.util.UUID;

/**
 * Creates application registrations with their service principal and client secret (what
 * {@code az ad sp create-for-rbac} does in Azure; {@code cerulean sp create} here).
 */
public final class ServicePrincipals {

    private final IdentityStore identities;
    private final Clock clock;

    public ServicePrincipals(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /** A new app id, object id and generated secret in {@code tenantId}; the secret is stored hashed only. */
    public NewServicePrincipal create(String tenantId, String displayName) {
        if (identities.tenant(tenantId).isEmpty()) {
            throw EntraErrors.tenantNotFound(tenantId);
        }
        String appId = UUID.randomUUID().toString();
        String objectId = UUID.randomUUID().toString();
        String secret = SecretGenerator.clientSecret();
        identities.createServicePrincipal(new ServicePrincipal(tenantId, appId, objectId, displayName,
                SecretHasher.hashSecret(secret), clock.instant()));
        return new NewServicePrincipal(tenantId, appId, objectId, displayName, secret);
    }

    /**
     * Makes sure a principal with this app id exists in the tenant, creating it with the given secret
     * if not (the configured development principal). Returns true when it was created now.
     */
    public boolean ensure(String tenantId, String appId, String displayName, String secret) {
        if (identities.servicePrincipal(tenantId, appId).isPresent()) {
            return false;
        }
        return identities.createServicePrincipal(new ServicePrincipal(tenantId, appId, UUID.randomUUID().toString(),
                displayName, SecretHasher.hashSecret(secret), clock.instant()));
    }
}
