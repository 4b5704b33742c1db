package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.server.entra.TenantDirectory;
import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.UserAccounts;
import dev.cerulean.store.Tenant;

/**
 * {@code grant_type=refresh_token}: continues a user sign-in for the same client and tenant, for
 * any resource, and returns a new refresh token (entra.md §5). Tokens of another client, another
 * tenant or a user that no longer exists are {@code invalid_grant} 9002313; expired ones 700082.
 */
public final class RefreshTokenGrant implements Grant {

    public static final String TYPE = "refresh_token";

    private final TenantDirectory tenants;
    private final UserAccounts users;
    private final ClientAuthenticator clients;
    private final RefreshTokens refreshTokens;
    private final UserTokens tokens;

    public RefreshTokenGrant(TenantDirectory tenants, UserAccounts users, ClientAuthenticator clients,
                             RefreshTokens refreshTokens, UserTokens tokens) {
        this.tenants = tenants;
        this.users = users;
        this.clients = clients;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
    }

    @Override
    public TokenResult issue(TokenRequest request) {
        String clientId = request.clientId();
        RefreshTokenClaims previous = refreshTokens.read(request.required("refresh_token"));
        if (!previous.clientId().equalsIgnoreCase(clientId)) {
            throw EntraErrors.invalidRefreshToken();
        }
        Tenant tenant = tenantOf(request, previous);
        AuthenticatedClient client = clients.forUserSignIn(request, tenant);
        UserAccount user = users.find(tenant.tenantId(), previous.userPrincipalName())
                .filter(u -> u.objectId().equals(previous.objectId()))
                .orElseThrow(EntraErrors::invalidRefreshToken);
        RequestedAccess access = RequestedAccess.forUser(request, previous.resource());
        return tokens.issue(request, tenant, user, client, access);
    }

    private Tenant tenantOf(TokenRequest request, RefreshTokenClaims previous) {
        if (request.authority().isSpecific()) {
            Tenant named = request.authority().tenant();
            if (!named.tenantId().equalsIgnoreCase(previous.tenantId())) {
                throw EntraErrors.invalidRefreshToken();
            }
            return named;
        }
        return tenants.byId(previous.tenantId()).orElseThrow(EntraErrors::invalidRefreshToken);
    }
}
