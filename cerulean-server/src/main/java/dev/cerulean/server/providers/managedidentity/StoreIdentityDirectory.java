package dev.cerulean.server.providers.managedidentity;

import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;

import java.time.Clock;
import java.util.UUID;

/**
 * Managed identities as service principals of the identity store: a fresh app id (the client id)
 * and object id (the principal id), no secret (nobody can sign in with a client secret as a
 * managed identity). Graph shows them with {@code servicePrincipalType} {@code ManagedIdentity} and
 * the resource id among {@code alternativeNames}, as Entra does; {@link #remove} deletes the principal.
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
        com.fasterxml.jackson.databind.node.ObjectNode document = dev.cerulean.core.json.Json.object();
        document.putArray("alternativeNames").add("isExplicit=True").add(resourceId);
        identities.createServicePrincipal(new ServicePrincipal(tenantId, clientId, principalId, displayName,
                ServicePrincipal.MANAGED_IDENTITY, dev.cerulean.core.json.Json.write(document), clock.instant()));
        return new ManagedPrincipal(tenantId, principalId, clientId);
    }

    @Override
    public void remove(ManagedPrincipal principal) {
        identities.removePasswordCredentials(principal.principalId());
        identities.deleteServicePrincipal(principal.tenantId(), principal.principalId());
    }
}
