package dev.cerulean.server.entra;

import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.entra.grant.ClientAuthenticator;
import dev.cerulean.server.entra.grant.ClientCredentialsGrant;
import dev.cerulean.server.entra.grant.PasswordGrant;
import dev.cerulean.server.entra.grant.RefreshTokenGrant;
import dev.cerulean.server.entra.grant.RefreshTokens;
import dev.cerulean.server.entra.grant.TokenMinter;
import dev.cerulean.server.entra.grant.UserTokens;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.KeyValueStore;
import dev.cerulean.server.http.Routes;

import java.time.Clock;
import java.util.Map;

/**
 * The Entra ID surface: every route, in one table, and the wiring of its handlers. Handlers throw
 * {@link dev.cerulean.core.error.ApiError}s; the HTTP front writes them with {@link EntraErrorWriter}.
 * Explicit {@code /adfs} and {@code /common} routes come before the {@code /{tenant}} ones, which
 * would also match them.
 */
public final class EntraRoutes {

    private final TokenEndpoint tokens;
    private final OpenIdConfiguration openId;
    private final KeySetDocument keySets;
    private final InstanceDiscovery instanceDiscovery;
    private final UserRealm userRealm;

    public EntraRoutes(ServerConfig config, IdentityStore identities, KeyValueStore values, SigningKeys keys,
                       Clock clock) {
        TenantDirectory tenants = new TenantDirectory(identities);
        UserAccounts users = new UserAccounts(identities);
        ClientAuthenticator clients = new ClientAuthenticator(identities, clock);
        TokenMinter minter = new TokenMinter(keys, config.tokenLifetime(), clock);
        RefreshTokens refreshTokens = new RefreshTokens(keys, clock);
        UserTokens userTokens = new UserTokens(minter, refreshTokens);
        this.tokens = new TokenEndpoint(tenants, Map.of(
                ClientCredentialsGrant.TYPE,
                new ClientCredentialsGrant(identities, tenants, clients, minter, config.tenantId(), clock),
                PasswordGrant.TYPE, new PasswordGrant(tenants, users, clients, userTokens),
                RefreshTokenGrant.TYPE, new RefreshTokenGrant(tenants, users, clients, refreshTokens, userTokens)),
                config.maxBodyBytes());
        this.openId = new OpenIdConfiguration(tenants);
        this.keySets = new KeySetDocument(tenants, keys);
        this.instanceDiscovery = new InstanceDiscovery();
        this.userRealm = new UserRealm(tenants);
    }

    public void register(Routes routes) {
        // MSAL's discovery calls that name no tenant (entra.md §2, §5)
        routes.get("/common/discovery/instance", instanceDiscovery::handle);
        routes.get("/common/userrealm/{username}", userRealm::handle);

        // ADFS-style authority: no tenant in the path (clients.md §2.2 setup A)
        routes.get("/adfs/.well-known/openid-configuration", openId::adfs);
        routes.get("/adfs/discovery/keys", keySets::adfs);
        routes.post("/adfs/oauth2/token", tokens::adfs);

        // OpenID Connect metadata and signing keys (entra.md §3); {tenant} = GUID, domain or common
        routes.get("/{tenant}/v2.0/.well-known/openid-configuration", openId::v2);
        routes.get("/{tenant}/.well-known/openid-configuration", openId::v1);
        routes.get("/{tenant}/discovery/v2.0/keys", keySets::v2);
        routes.get("/{tenant}/discovery/keys", keySets::v1);

        // Token endpoints (entra.md §4 v1, §5 v2); ?api-version=1.0 is accepted and ignored
        routes.post("/{tenant}/oauth2/token", tokens::v1);
        routes.post("/{tenant}/oauth2/v2.0/token", tokens::v2);
    }
}
