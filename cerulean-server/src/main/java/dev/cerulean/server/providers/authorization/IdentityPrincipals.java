package dev.cerulean.server.providers.authorization;

import dev.cerulean.server.directory.DirectoryPrincipals;
import dev.cerulean.server.entra.EntraBootstrap;
import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.UserAccounts;
import dev.cerulean.store.IdentityStore;

import java.util.Locale;
import java.util.Optional;

/**
 * Role assignments' view of the directory: which kind of principal an object id is (service
 * principal, managed identity, user), and the development user the subscription's Owner is seeded for.
 */
public final class IdentityPrincipals implements PrincipalDirectory {

    private final IdentityStore identities;
    private final DirectoryPrincipals directory;
    private final UserAccounts users;

    public IdentityPrincipals(IdentityStore identities, DirectoryPrincipals directory) {
        this.identities = identities;
        this.directory = directory;
        this.users = new UserAccounts(identities);
    }

    @Override
    public Optional<String> principalType(String tenantId, String objectId) {
        return directory.byObjectId(tenantId.toLowerCase(Locale.ROOT), objectId).map(p -> p.kind().armName());
    }

    /** The development user of the tenant, if it exists. */
    public Optional<UserAccount> developmentUser(String tenantId) {
        return identities.tenant(tenantId.toLowerCase(Locale.ROOT))
                .flatMap(t -> users.find(t.tenantId(), EntraBootstrap.developmentUserName(t)));
    }
}
