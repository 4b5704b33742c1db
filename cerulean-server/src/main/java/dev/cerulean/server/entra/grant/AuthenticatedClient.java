package dev.cerulean.server.entra.grant;

import dev.cerulean.store.ServicePrincipal;

/**
 * The client application a token is issued to.
 *
 * @param servicePrincipal the confidential client's principal; null for a public client
 * @param appIdAcr         how it authenticated, Entra's {@code appidacr}: "0" public, "1" secret (entra.md §6)
 */
public record AuthenticatedClient(String appId, ServicePrincipal servicePrincipal, String appIdAcr) {

    static AuthenticatedClient confidential(ServicePrincipal principal) {
        return new AuthenticatedClient(principal.appId(), principal, "1");
    }

    static AuthenticatedClient publicClient(String appId) {
        return new AuthenticatedClient(appId, null, "0");
    }
}
