package dev.cerulean.server.providers.authorization;

import dev.cerulean.server.entra.EntraBootstrap;
import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.UserAccounts;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.KeyValueStore;

import java.util.Locale;
import java.util.Optional;

/**
 * The principals of today's identity store: service principals by object id, and the development
 * user (the only user the store keeps). The Microsoft Graph directory replaces this with its own lookup.
 */
public final class IdentityPrincipals implements PrincipalDirectory {

    private final IdentityStore identities;
    private final UserAccounts users;

    public IdentityPrincipals(IdentityStore identities, KeyValueStore values) {
        this.identities = identities;
        this.users = new UserAccounts(values);
    }

    @Override
    public Optional<String> principalType(String tenantId, String objectId) {
        String tenant = tenantId.toLowerCase(Locale.ROOT);
        if (identities.servicePrincipalByObjectId(tenant, objectId).isPresent()) return Optional.of("ServicePrincipal");
        return developmentUser(tenant).filter(u -> u.objectId().equalsIgnoreCase(objectId)).map(u -> "User");
    }

    /** The development user of the tenant, if it exists. */
    public Optional<UserAccount> developmentUser(String tenantId) {
        return identities.tenant(tenantId.toLowerCase(Locale.ROOT))
                .flatMap(t -> users.find(t.tenantId(), EntraBootstrap.developmentUserName(t)));
    }
}
