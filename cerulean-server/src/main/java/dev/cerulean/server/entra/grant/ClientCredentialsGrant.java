package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.server.entra.TenantDirectory;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;

import java.util.List;

/**
 * {@code grant_type=client_credentials}: a service principal proves its secret and gets an app-only
 * token for one resource (entra.md §4-§5; the az/SDK request is in clients.md §2.3).
 */
public final class ClientCredentialsGrant implements Grant {

    public static final String TYPE = "client_credentials";

    private final IdentityStore identities;
    private final TenantDirectory tenants;
    private final ClientAuthenticator clients;
    private final TokenMinter minter;
    private final String defaultTenantId;

    public ClientCredentialsGrant(IdentityStore identities, TenantDirectory tenants, ClientAuthenticator clients,
                                  TokenMinter minter, String defaultTenantId) {
        this.identities = identities;
        this.tenants = tenants;
        this.clients = clients;
        this.minter = minter;
        this.defaultTenantId = defaultTenantId;
    }

    @Override
    public TokenResult issue(TokenRequest request) {
        String appId = request.clientId();
        RequestedAccess access = RequestedAccess.forApp(request);
        Tenant tenant = tenantOf(request, appId);
        AuthenticatedClient client = clients.confidential(request, tenant);
        return TokenResult.app(minter.appToken(tenant, client, access), minter.expiresIn(), access.resource());
    }

    private Tenant tenantOf(TokenRequest request, String appId) {
        if (request.authority().isSpecific()) {
            return request.authority().tenant();
        }
        if (request.protocol() != TokenProtocol.ADFS) {
            throw EntraErrors.noTenantIdentified(); // client credentials at /common or /organizations
        }
        // /adfs/oauth2/token names no tenant (clients.md §2.2 setup A): the app id identifies it,
        // and when several tenants hold that app the development tenant wins.
        List<ServicePrincipal> candidates = identities.servicePrincipalsByAppId(appId);
        ServicePrincipal chosen = candidates.stream()
                .filter(p -> p.tenantId().equalsIgnoreCase(defaultTenantId))
                .findFirst()
                .orElseGet(() -> candidates.isEmpty() ? null : candidates.get(0));
        if (chosen == null) {
            throw EntraErrors.unknownClient(appId, request.authority().segment());
        }
        return tenants.byId(chosen.tenantId())
                .orElseThrow(() -> EntraErrors.unknownClient(appId, request.authority().segment()));
    }
}
