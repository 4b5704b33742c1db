package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.PasswordCredential;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Establishes which client application is asking, in one tenant: a service principal proving its
 * secret (two indexed reads and a SHA-256 per secret of the client, cheap enough for every token):
 * any unexpired password credential of its application or of the principal itself, since
 * {@code az ad sp credential reset} puts secrets on the principal. Or, for user sign-in,
 * a well-known Microsoft public client that every tenant has.
 */
public final class ClientAuthenticator {

    /**
     * Microsoft first-party public clients that exist in every real tenant without registration:
     * Azure CLI (entra.md §5, {@code azure/cli/core/auth/identity.py} AZURE_CLI_CLIENT_ID).
     */
    static final Set<String> WELL_KNOWN_PUBLIC_CLIENTS = Set.of("04b07795-8ddb-461a-bbee-02f9e1bf7b46");

    private final IdentityStore identities;
    private final Clock clock;

    public ClientAuthenticator(IdentityStore identities) {
        this(identities, Clock.systemUTC());
    }

    public ClientAuthenticator(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /** Client credentials: the client must be a service principal of {@code tenant} and send its secret. */
    public AuthenticatedClient confidential(TokenRequest request, Tenant tenant) {
        String appId = request.clientId();
        ServicePrincipal principal = identities.servicePrincipal(tenant.tenantId(), appId)
                .orElseThrow(() -> EntraErrors.unknownClient(appId, request.authority().segment()));
        return checkSecret(request, principal);
    }

    /**
     * Password and refresh-token grants: a service principal of {@code tenant} must send its secret;
     * a well-known public client sends none. Anything else is unknown in the tenant.
     */
    public AuthenticatedClient forUserSignIn(TokenRequest request, Tenant tenant) {
        String appId = request.clientId();
        Optional<ServicePrincipal> principal = identities.servicePrincipal(tenant.tenantId(), appId);
        if (principal.isPresent()) {
            return checkSecret(request, principal.get());
        }
        if (WELL_KNOWN_PUBLIC_CLIENTS.contains(appId)) {
            return AuthenticatedClient.publicClient(appId);
        }
        throw EntraErrors.unknownClient(appId, request.authority().segment());
    }

    /**
     * A service principal of {@code tenantId} proving its secret outside a token request (the registry's
     * Basic authentication with appId and secret, acr.md §5.3); empty when unknown or the secret is wrong
     * or no longer valid.
     */
    public Optional<ServicePrincipal> verifySecret(String tenantId, String appId, String secret) {
        if (tenantId == null || appId == null || secret == null) {
            return Optional.empty();
        }
        return identities.servicePrincipal(tenantId, appId).filter(p -> match(p, secret) == SecretMatch.VALID);
    }

    private AuthenticatedClient checkSecret(TokenRequest request, ServicePrincipal principal) {
        String secret = request.clientSecret();
        if (secret == null) {
            throw request.param("client_assertion") != null
                    ? EntraErrors.clientAssertionNotSupported()
                    : EntraErrors.missingClientSecret();
        }
        return switch (match(principal, secret)) {
            case VALID -> AuthenticatedClient.confidential(principal);
            case EXPIRED -> throw EntraErrors.expiredClientSecret(principal.appId());
            case NONE -> throw EntraErrors.invalidClientSecret(principal.appId());
        };
    }

    private enum SecretMatch { VALID, EXPIRED, NONE }

    /**
     * How {@code secret} matches the principal's password credentials now: one valid credential is
     * enough; otherwise EXPIRED when it matches one whose end has passed. Every comparison is
     * SecretHasher's constant-time one.
     */
    private SecretMatch match(ServicePrincipal principal, String secret) {
        Instant now = clock.instant();
        boolean expired = false;
        for (PasswordCredential credential : identities.passwordCredentialsByAppId(principal.tenantId(), principal.appId())) {
            if (SecretHasher.verify(secret, credential.secretHash())) {
                if (credential.isValidAt(now)) return SecretMatch.VALID;
                expired |= credential.endsAt() != null && !now.isBefore(credential.endsAt());
            }
        }
        return expired ? SecretMatch.EXPIRED : SecretMatch.NONE;
    }
}
