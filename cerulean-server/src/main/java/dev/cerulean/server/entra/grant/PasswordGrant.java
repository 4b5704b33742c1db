package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.server.entra.TenantDirectory;
import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.UserAccounts;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.store.Tenant;

/**
 * {@code grant_type=password} (ROPC, what {@code az login -u -p} uses): a user's name and password
 * for user tokens plus a refresh token (entra.md §5). At {@code common}/{@code organizations} the
 * tenant is found from the user name's domain, as Entra's home-realm discovery does.
 */
public final class PasswordGrant implements Grant {

    public static final String TYPE = "password";

    private final TenantDirectory tenants;
    private final UserAccounts users;
    private final ClientAuthenticator clients;
    private final UserTokens tokens;

    public PasswordGrant(TenantDirectory tenants, UserAccounts users, ClientAuthenticator clients, UserTokens tokens) {
        this.tenants = tenants;
        this.users = users;
        this.clients = clients;
        this.tokens = tokens;
    }

    @Override
    public TokenResult issue(TokenRequest request) {
        request.clientId();
        String username = request.required("username");
        String password = request.required("password");
        RequestedAccess access = RequestedAccess.forUser(request, null);
        Tenant tenant = tenantOf(request, username);
        AuthenticatedClient client = clients.forUserSignIn(request, tenant);
        UserAccount user = users.find(tenant.tenantId(), username)
                .orElseThrow(() -> EntraErrors.userNotFound(tenant.tenantId()));
        if (!SecretHasher.verify(password, user.passwordHash())) {
            throw EntraErrors.invalidUserCredentials();
        }
        return tokens.issue(request, tenant, user, client, access);
    }

    private Tenant tenantOf(TokenRequest request, String username) {
        if (request.authority().isSpecific()) {
            return request.authority().tenant();
        }
        int at = username.lastIndexOf('@');
        String domain = at < 0 ? username : username.substring(at + 1);
        return tenants.byDomain(domain).orElseThrow(() -> EntraErrors.userNotFound(domain));
    }
}
