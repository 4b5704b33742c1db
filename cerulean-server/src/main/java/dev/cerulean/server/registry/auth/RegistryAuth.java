package dev.cerulean.server.registry.auth;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.entra.grant.ClientAuthenticator;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials;
import dev.cerulean.server.rbac.AccessEvaluator;
import dev.cerulean.server.security.TokenFailures;
import dev.cerulean.server.security.TokenVerifier;
import dev.cerulean.server.security.VerificationKeys;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.KeyValueStore;
import org.eclipse.jetty.server.Handler;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Wiring of the registry host's authentication: the {@link RegistryAccess} the protocol handlers ask,
 * and the core handlers of the token endpoints. Built once by {@code CeruleanServer.start}.
 */
public final class RegistryAuth {

    private final RegistryGate access;
    private final TokenEndpoints tokenEndpoints;
    private final RegistryHosts hosts;

    /**
     * @param tenantOfSubscription a subscription id → its tenant id (null when unknown)
     * @param entraKeys            Entra's token-signing keys, to verify what {@code /oauth2/exchange} receives
     */
    public RegistryAuth(String registrySuffix, RegistryCredentials credentials, IdentityStore identities, KeyValueStore values,
                        VerificationKeys entraKeys, AccessEvaluator rbac, Function<String, String> tenantOfSubscription,
                        Clock clock) {
        AcrTokens tokens = new AcrTokens(values, clock);
        Authenticator authenticator = new Authenticator(credentials, new ClientAuthenticator(identities), identities, tokens,
                tenantOfSubscription, clock);
        Rights rights = new Rights(rbac);
        List<String> audiences = new ArrayList<>(ArmErrors.ARM_AUDIENCES);
        audiences.addAll(TokenService.ACR_AUDIENCES);
        TokenVerifier entraTokens = new TokenVerifier(entraKeys, identities, audiences, EXCHANGE_FAILURES, clock);
        this.access = new RegistryGate(authenticator, rights);
        this.hosts = new RegistryHosts(registrySuffix, credentials);
        this.tokenEndpoints = new TokenEndpoints(hosts, new TokenService(authenticator, rights, tokens, entraTokens, rbac));
    }

    /** What the registry's protocol handlers call before serving a request. */
    public RegistryAccess access() {
        return access;
    }

    /** The core handler of {@code /oauth2/exchange} and {@code /oauth2/token}; goes before the registry's protocol handler. */
    public Handler tokenEndpoints() {
        return tokenEndpoints;
    }

    /**
     * STOPGAP: answers the {@code /v2/} ping until the registry's protocol handler is wired; replace it
     * with that handler in {@code CeruleanServer} (see {@link InterimPing}).
     */
    public Handler interimPing() {
        return new InterimPing(hosts, access);
    }

    /** Why an Entra token given to {@code /oauth2/exchange} is refused; always a 401 {@code UNAUTHORIZED} (acr.md §5.4). */
    private static final TokenFailures EXCHANGE_FAILURES = new TokenFailures() {
        @Override public ApiError missing() { return TokenService.unauthorized("The access token is missing."); }
        @Override public ApiError malformedHeader() { return TokenService.unauthorized("The access token is malformed."); }
        @Override public ApiError invalid(String reason) { return TokenService.unauthorized("The access token is invalid: " + reason); }
        @Override public ApiError expired(Instant expiry, Instant now) {
            return TokenService.unauthorized("The access token expired at " + expiry + ".");
        }
        @Override public ApiError wrongAudience(String audience) {
            return TokenService.unauthorized("The access token's audience '" + audience + "' is not accepted by the registry.");
        }
    };
}
