package dev.cerulean.server.providers.managedidentity;

import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;

import java.time.Clock;
import java.util.UUID;

/**
 * Managed identities as service principals of the identity store: a fresh app id (the client id)
 * and object id (the principal id), no secret (nobody can sign in with a client secret as a
 * managed identity). The store has no delete yet, so {@link #remove} keeps the principal; its ids
 * are never reused.
 */
public final class StoreIdentityDirectory implements IdentityDirectory {

    private final IdentityStore identities;
    private final Clock clock;

    public StoreIdentityDirectory(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public ManagedPrincipal create(String tenantId, String displayName, String resourceId) {
        String clientId = UUID.randomUUID().toString();
        String principalId = UUID.randomUUID().toString();
        identities.createServicePrincipal(new ServicePrincipal(tenantId, clientId, principalId, displayName, null,
                clock.instant()));
        return new ManagedPrincipal(tenantId, principalId, clientId);
    }

    @Override
    public void remove(ManagedPrincipal principal) {
        // IdentityStore cannot delete principals yet; a principal without a secret cannot sign in anyway
    }
}
