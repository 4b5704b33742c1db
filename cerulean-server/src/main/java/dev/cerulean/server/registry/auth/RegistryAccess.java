package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;

/**
 * What the registry's protocol handlers ask before serving a request (acr.md §5.2-§5.7): do the
 * request's credentials (Basic, an ACR access token, none) allow what the operation needs? The
 * answer carries everything a refusal needs on the wire, so handlers never build challenges.
 */
public interface RegistryAccess {

    /**
     * @param registry      the registry the request is addressed to
     * @param authorization the request's {@code Authorization} header, or null
     * @param needed        what the operation needs; null for the {@code /v2/} ping (any valid credential)
     */
    AccessDecision check(RegistryView registry, String authorization, AccessScope needed);
}
