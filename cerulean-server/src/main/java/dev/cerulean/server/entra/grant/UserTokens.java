package dev.cerulean.server.entra.grant;

import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.store.Tenant;

/**
 * The answer to a user sign-in (password or refresh-token grant): access token, ID token, a new
 * refresh token, {@code client_info} and the granted scope (entra.md §5 "User token additionally").
 */
public final class UserTokens {

    private final TokenMinter minter;
    private final RefreshTokens refreshTokens;

    public UserTokens(TokenMinter minter, RefreshTokens refreshTokens) {
        this.minter = minter;
        this.refreshTokens = refreshTokens;
    }

    TokenResult issue(TokenRequest request, Tenant tenant, UserAccount user, AuthenticatedClient client,
                      RequestedAccess access) {
        MintedToken accessToken = minter.userToken(tenant, user, client, access, request.clientIp());
        return new TokenResult(accessToken.token(), accessToken.issuedAt(), accessToken.expiresAt(),
                minter.expiresIn(), access.resource(), access.grantedScope(),
                refreshTokens.issue(tenant, user, client.appId(), access.resource()),
                minter.idToken(tenant, user, client, request.protocol()),
                TokenMinter.clientInfo(tenant, user));
    }
}
