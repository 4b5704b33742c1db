package dev.cerulean.server.registry.auth;

import dev.cerulean.core.id.ResourceId;
import dev.cerulean.server.entra.grant.ClientAuthenticator;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.TokenPassword;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.TokenView;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the credentials of acr.md §5.3 into a {@link RegistryCaller}, reading the stores on every
 * call so disabling a token, deleting or regenerating a password, switching the admin user or
 * anonymous pull off takes effect on the next request (§5.7). Every method answers null for a
 * credential that does not (or no longer does) authenticate.
 */
final class Authenticator {

    /** The user name that goes with an ACR refresh token (acr.md §5.3, §6.3). */
    static final String TOKEN_USER = "00000000-0000-0000-0000-000000000000";

    private final RegistryCredentials credentials;
    private final ClientAuthenticator clients;
    private final IdentityStore identities;
    private final AcrTokens tokens;
    private final Function<String, String> tenantOfSubscription;
    private final Clock clock;

    Authenticator(RegistryCredentials credentials, ClientAuthenticator clients, IdentityStore identities, AcrTokens tokens,
                  Function<String, String> tenantOfSubscription, Clock clock) {
        this.credentials = credentials;
        this.clients = clients;
        this.identities = identities;
        this.tokens = tokens;
        this.tenantOfSubscription = tenantOfSubscription;
        this.clock = clock;
    }

    /** The tenant a registry belongs to: its subscription's. */
    String tenantOf(RegistryView registry) {
        ResourceId id = ResourceId.parse(registry.id());
        return id == null ? null : tenantOfSubscription.apply(id.subscriptionId());
    }

    /**
     * A user name and password (Basic, or the password grant): the zero GUID with an ACR token, the
     * admin user, a service principal's appId and secret, or a repository token, tried in that order
     * (a token may share the registry's name or look like a GUID).
     */
    RegistryCaller password(RegistryView registry, String user, String password) {
        if (user == null || user.isEmpty() || password == null || password.isEmpty()) return null;
        if (user.equals(TOKEN_USER)) return acrToken(registry, password);
        if (user.equalsIgnoreCase(registry.name())) {
            Optional<TokenPassword> slot = credentials.matchAdminPassword(registry.key(), password);
            if (slot.isPresent()) return new RegistryCaller.Admin(registry.name(), slotRef(CredentialRef.ADMIN, registry.name(), slot.get()));
        }
        if (ResourceId.isGuid(user)) {
            String tenant = tenantOf(registry);
            Optional<ServicePrincipal> sp = clients.verifySecret(tenant, user, password);
            if (sp.isPresent()) {
                return new RegistryCaller.Entra(new EntraIdentity(tenant, sp.get().objectId(), sp.get().appId()),
                        CredentialRef.of(CredentialRef.SERVICE_PRINCIPAL, sp.get().appId()));
            }
        }
        Optional<TokenView> token = credentials.token(registry.key(), user);
        if (token.isEmpty()) return null;
        Optional<TokenPassword> slot = credentials.matchTokenPassword(token.get().key(), password);
        return slot.map(s -> new RegistryCaller.RepositoryToken(token.get(), slotRef(CredentialRef.TOKEN, token.get().name(), s)))
                .orElse(null);
    }

    /** The zero-GUID user's password: an ACR refresh token (its Entra identity) or access token (what it grants). */
    private RegistryCaller acrToken(RegistryView registry, String token) {
        Optional<AcrTokenClaims> claims = tokens.verify(token, registry.loginServer());
        if (claims.isEmpty()) return null;
        return claims.get().isRefreshToken() ? refreshed(registry, claims.get()) : holder(registry, claims.get());
    }

    /** An ACR refresh token (the refresh-token grant): the Entra identity it was issued to. */
    RegistryCaller refreshToken(RegistryView registry, String token) {
        Optional<AcrTokenClaims> claims = tokens.verify(token, registry.loginServer());
        return claims.filter(AcrTokenClaims::isRefreshToken).map(c -> refreshed(registry, c)).orElse(null);
    }

    /** An ACR access token (Bearer): what it grants, while the credential it was issued against still holds. */
    RegistryCaller accessToken(RegistryView registry, String token) {
        Optional<AcrTokenClaims> claims = tokens.verify(token, registry.loginServer());
        return claims.filter(c -> !c.isRefreshToken()).map(c -> holder(registry, c)).orElse(null);
    }

    private RegistryCaller refreshed(RegistryView registry, AcrTokenClaims c) {
        if (c.objectId() == null || c.tenant() == null || !c.tenant().equalsIgnoreCase(tenantOf(registry))) return null;
        return new RegistryCaller.Entra(new EntraIdentity(c.tenant(), c.objectId(), c.subject()), c.credential());
    }

    private RegistryCaller holder(RegistryView registry, AcrTokenClaims c) {
        return stillValid(registry, c) ? new RegistryCaller.Holder(c) : null;
    }

    /** Whether the credential an access token was issued against would still authenticate (acr.md §5.7). */
    private boolean stillValid(RegistryView registry, AcrTokenClaims c) {
        CredentialRef ref = c.credential();
        return switch (ref.kind()) {
            case CredentialRef.ADMIN -> registry.adminUserEnabled()
                    && credentials.adminPasswordSlot(registry.key(), ref.slot()).filter(s -> sameSlot(ref, s)).isPresent();
            case CredentialRef.TOKEN -> credentials.enabledTokenSlot(registry.key(), ref.name(), ref.slot())
                    .filter(s -> sameSlot(ref, s) && live(s)).isPresent();
            case CredentialRef.SERVICE_PRINCIPAL -> c.tenant() != null && identities.servicePrincipal(c.tenant(), ref.name()).isPresent();
            case CredentialRef.ENTRA -> c.tenant() != null && c.tenant().equalsIgnoreCase(tenantOf(registry));
            case CredentialRef.ANONYMOUS -> registry.anonymousPullEnabled();
            default -> false;
        };
    }

    private boolean live(TokenPassword slot) {
        return slot.expiresAt() == null || clock.instant().isBefore(slot.expiresAt());
    }

    private static boolean sameSlot(CredentialRef ref, TokenPassword slot) {
        return slot.name().equals(ref.slot()) && slot.createdAt() != null && slot.createdAt().toEpochMilli() == ref.slotCreated();
    }

    private static CredentialRef slotRef(String kind, String name, TokenPassword slot) {
        return new CredentialRef(kind, name, slot.name(), slot.createdAt() == null ? 0 : slot.createdAt().toEpochMilli());
    }
}
