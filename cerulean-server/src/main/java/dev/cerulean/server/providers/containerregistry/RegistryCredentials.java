package dev.cerulean.server.providers.containerregistry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the registry host (data plane, acr.md §5) needs from the control plane to authenticate and
 * authorize: find the registry a request is addressed to, read a repository-scoped token with its
 * scope map's actions, and check admin and token passwords. Read-only; every call reads the stores
 * afresh, so disabling a token or regenerating a password takes effect on the next request (§5.7).
 * Keys are ARM resource keys (lower-cased resource ids).
 */
public interface RegistryCredentials {

    /**
     * The registry served at {@code host} (a login server such as {@code myregistry.azurecr.io}, with or
     * without a port), matched case-insensitively.
     */
    Optional<RegistryView> registryByLoginServer(String host);

    /** The token {@code tokenName} (case-insensitive) of the registry with key {@code registryKey}. */
    Optional<TokenView> token(String registryKey, String tokenName);

    /**
     * True when {@code password} is the current value of {@code password1} or {@code password2} of the
     * token, that password has not expired and the token is enabled. Constant time in the password.
     */
    boolean verifyTokenPassword(String tokenKey, String password);

    /**
     * True when the registry's admin user is enabled and {@code password} is its {@code password} or
     * {@code password2}. Constant time in the password.
     */
    boolean verifyAdminPassword(String registryKey, String password);

    /**
     * The slot {@code password} opens under the conditions of {@link #verifyTokenPassword}, else empty.
     * The data plane records the slot's name and creation time in the access tokens it issues, so a
     * slot deleted or regenerated afterwards locks those tokens out too.
     */
    default Optional<TokenPassword> matchTokenPassword(String tokenKey, String password) {
        return verifyTokenPassword(tokenKey, password) ? Optional.of(UNKNOWN_SLOT) : Optional.empty();
    }

    /** The admin slot ({@code password}, {@code password2}) {@code password} opens, as {@link #verifyAdminPassword}. */
    default Optional<TokenPassword> matchAdminPassword(String registryKey, String password) {
        return verifyAdminPassword(registryKey, password) ? Optional.of(UNKNOWN_SLOT) : Optional.empty();
    }

    /** The admin user's password slots that exist now, without values (empty while it is disabled). */
    default List<TokenPassword> adminPasswords(String registryKey) {
        return List.of();
    }

    /**
     * One admin password slot as stored now, without its value, whether or not the admin user is
     * enabled (the caller knows that from {@link RegistryView}); one read for the per-request check
     * of access tokens issued to the admin user.
     */
    default Optional<TokenPassword> adminPasswordSlot(String registryKey, String slot) {
        return adminPasswords(registryKey).stream().filter(s -> s.name().equals(slot)).findFirst();
    }

    /**
     * One password slot of the token {@code tokenName}, without its value, when the token exists and
     * is enabled: two reads (no scope map) for the per-request check of access tokens issued to it.
     */
    default Optional<TokenPassword> enabledTokenSlot(String registryKey, String tokenName, String slot) {
        return token(registryKey, tokenName).filter(TokenView::enabled)
                .flatMap(t -> t.passwords().stream().filter(s -> s.name().equals(slot)).findFirst());
    }

    /**
     * What the defaults above answer for an implementation that cannot name slots (test doubles): such
     * a credential authenticates, but access tokens issued with it fail their per-request re-check.
     */
    TokenPassword UNKNOWN_SLOT = new TokenPassword("", null, null);

    /**
     * A registry as the data plane sees it.
     *
     * @param key                        the registry's resource key
     * @param id                         its ARM id as stored
     * @param name                       its name as created (the admin user name)
     * @param loginServer                its host
     * @param sku                        {@code Basic}, {@code Standard} or {@code Premium}
     * @param adminUserEnabled           whether admin credentials are accepted
     * @param anonymousPullEnabled       whether unauthenticated pulls are allowed (§5.7)
     * @param aadAuthenticationAsArm     {@code policies.azureADAuthenticationAsArmPolicy} enabled (§6.1)
     */
    record RegistryView(String key, String id, String name, String loginServer, String sku, boolean adminUserEnabled,
                        boolean anonymousPullEnabled, boolean aadAuthenticationAsArm) {}

    /**
     * A repository-scoped token.
     *
     * @param key        the token's resource key (owner of its password hashes)
     * @param name       the token name (its user name)
     * @param enabled    {@code status} is {@code enabled}
     * @param scopeMapId the scope map id as stored
     * @param actions    the scope map's actions now (empty if the scope map is gone), e.g.
     *                   {@code repositories/hello-world/content/read}
     * @param passwords  the password slots that exist, without values
     */
    record TokenView(String key, String name, boolean enabled, String scopeMapId, List<String> actions,
                     List<TokenPassword> passwords) {}

    /**
     * One password slot: a token's {@code password1} or {@code password2}, or the admin user's
     * {@code password} or {@code password2}; {@code expiresAt} null = never.
     */
    record TokenPassword(String name, Instant createdAt, Instant expiresAt) {}
}
