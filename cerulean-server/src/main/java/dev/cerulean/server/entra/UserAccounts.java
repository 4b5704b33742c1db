package dev.cerulean.server.entra;

import dev.cerulean.store.DirectoryUser;
import dev.cerulean.store.IdentityStore;

import java.util.Optional;

/** The users of the emulated tenants, as sign-in sees them, in the directory's {@code users} table. */
public final class UserAccounts {

    private final IdentityStore identities;

    public UserAccounts(IdentityStore identities) {
        this.identities = identities;
    }

    /** By user principal name, case-insensitively. */
    public Optional<UserAccount> find(String tenantId, String userPrincipalName) {
        return identities.userByPrincipalName(tenantId, userPrincipalName).map(UserAccounts::account);
    }

    /** Stores the account unless its UPN or object id exists in the tenant; returns true when stored. */
    public boolean create(UserAccount a, java.time.Instant createdAt) {
        return identities.createUser(new DirectoryUser(a.tenantId(), a.objectId(), a.userPrincipalName(),
                a.displayName(), a.givenName(), a.surname(), a.puid(), a.passwordHash(), createdAt));
    }

    private static UserAccount account(DirectoryUser u) {
        return new UserAccount(u.tenantId(), u.objectId(), u.userPrincipalName(), u.displayName(), u.givenName(),
                u.surname(), u.puid(), u.passwordHash());
    }
}
