package dev.cerulean.server.registry.auth;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.entra.grant.BasicCredentials;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.rbac.AccessEvaluator;
import dev.cerulean.server.security.Principal;
import dev.cerulean.server.security.TokenVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The registry's token endpoints without HTTP (acr.md §5.4, §5.5): {@code /oauth2/exchange} turns an
 * Entra access token into an ACR refresh token; {@code /oauth2/token} turns a credential (Basic,
 * the password grant, an ACR refresh token, or none where anonymous pull is on) into an ACR access
 * token granting, per requested scope, what was asked and is allowed. Failures are {@link ApiError}s
 * in the registry's codes.
 */
final class TokenService {

    /** ACR's own audience, the only one accepted when "Entra authentication as ARM" is disabled (§5.4). */
    static final List<String> ACR_AUDIENCES = List.of("https://containerregistry.azure.net", "https://containerregistry.azure.net/");

    private final Authenticator authenticator;
    private final Rights rights;
    private final AcrTokens tokens;
    private final TokenVerifier entraTokens;
    private final AccessEvaluator rbac;

    TokenService(Authenticator authenticator, Rights rights, AcrTokens tokens, TokenVerifier entraTokens, AccessEvaluator rbac) {
        this.authenticator = authenticator;
        this.rights = rights;
        this.tokens = tokens;
        this.entraTokens = entraTokens;
        this.rbac = rbac;
    }

    /** {@code POST /oauth2/exchange}: the refresh token for the Entra identity of {@code access_token}. */
    String exchange(RegistryView registry, Function<String, String> form) {
        String grant = form.apply("grant_type");
        if (grant == null) throw unsupported("The parameter 'grant_type' is required.");
        if (!grant.equals("access_token") && !grant.equals("access_token_refresh_token")) {
            throw unsupported("The grant type '" + grant + "' is not supported; use 'access_token'.");
        }
        checkService(registry, form.apply("service"), true);
        String accessToken = form.apply("access_token");
        if (accessToken == null || accessToken.isBlank()) throw unsupported("The parameter 'access_token' is required.");
        Principal p;
        try {
            p = entraTokens.verify("Bearer " + accessToken.strip());
        } catch (ApiError rejected) {
            throw unauthorized(rejected.message());
        }
        boolean acrAudience = ACR_AUDIENCES.contains(p.audience());
        if (!acrAudience && !registry.aadAuthenticationAsArm()) {
            throw unauthorized("The registry accepts only Entra tokens for 'https://containerregistry.azure.net' "
                    + "(azureADAuthenticationAsArmPolicy is disabled); the token's audience is '" + p.audience() + "'.");
        }
        String registryTenant = authenticator.tenantOf(registry);
        String tenant = form.apply("tenant");
        if (!p.tenantId().equalsIgnoreCase(registryTenant) || (tenant != null && !tenant.isBlank() && !tenant.equalsIgnoreCase(p.tenantId()))) {
            throw unauthorized("The token's tenant '" + p.tenantId() + "' is not the registry's tenant.");
        }
        EntraIdentity who = new EntraIdentity(p.tenantId(), p.objectId(), p.isUser() ? p.upn() : p.appId());
        return tokens.refreshToken(registry.loginServer(), who, permissions(registry, who));
    }

    /** The identity's ARM actions that matter to the registry, for the refresh token's {@code permissions} (§5.6). */
    private List<String> permissions(RegistryView registry, EntraIdentity who) {
        List<String> out = new ArrayList<>();
        for (String action : List.of(Rights.ARM_PULL, Rights.ARM_PUSH, Rights.ARM_DELETE)) {
            if (rbac.allows(who.objectId(), action, registry.id(), false)) out.add(action);
        }
        return out;
    }

    /** {@code GET /oauth2/token}: Basic credentials, an ACR access token, or none (anonymous pull). */
    String tokenForHeader(RegistryView registry, String authorization, String service, List<String> scopes) {
        checkService(registry, service, false);
        RegistryCaller caller;
        if (authorization == null || authorization.isBlank()) {
            caller = anonymous(registry);
        } else if (authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = authenticator.accessToken(registry, authorization.strip().substring(7).strip());
        } else {
            BasicCredentials basic = BasicCredentials.parse(authorization.strip());
            caller = basic == null ? null : authenticator.password(registry, basic.clientId(), basic.secret());
        }
        if (caller == null) throw unauthorized(RegistryErrors.AUTHENTICATION_REQUIRED);
        return accessToken(registry, caller, scopes);
    }

    /** {@code POST /oauth2/token}: the refresh-token and password grants. */
    String tokenForForm(RegistryView registry, Function<String, String> form, List<String> scopes) {
        String grant = form.apply("grant_type");
        checkService(registry, form.apply("service"), false);
        RegistryCaller caller;
        if ("refresh_token".equals(grant)) {
            String refresh = form.apply("refresh_token");
            if (refresh == null || refresh.isBlank()) throw unsupported("The parameter 'refresh_token' is required.");
            caller = authenticator.refreshToken(registry, refresh.strip());
        } else if ("password".equals(grant)) {
            String user = form.apply("username");
            String password = form.apply("password");
            boolean none = (user == null || user.isEmpty()) && (password == null || password.isEmpty());
            caller = none ? anonymous(registry) : authenticator.password(registry, user, password);
        } else {
            throw unsupported(grant == null ? "The parameter 'grant_type' is required."
                    : "The grant type '" + grant + "' is not supported; use 'refresh_token' or 'password'.");
        }
        if (caller == null) throw unauthorized(RegistryErrors.AUTHENTICATION_REQUIRED);
        return accessToken(registry, caller, scopes);
    }

    private static RegistryCaller anonymous(RegistryView registry) {
        return registry.anonymousPullEnabled() ? new RegistryCaller.Anonymous() : null;
    }

    private String accessToken(RegistryView registry, RegistryCaller caller, List<String> scopes) {
        List<AccessScope> granted = new ArrayList<>();
        for (AccessScope s : parseScopes(scopes)) {
            granted.add(s.withActions(rights.grantedForToken(caller, registry, s)));
        }
        EntraIdentity entra = null;
        if (caller instanceof RegistryCaller.Entra e) entra = e.identity();
        if (caller instanceof RegistryCaller.Holder h && h.token().tenant() != null) {
            entra = new EntraIdentity(h.token().tenant(), h.token().objectId(), h.subject());
        }
        return tokens.accessToken(registry.loginServer(), caller.subject(), caller.credential(), entra, granted);
    }

    /** {@code scope} may repeat and each may hold several scopes separated by spaces (§5.5); malformed ones are ignored. */
    static List<AccessScope> parseScopes(List<String> values) {
        List<AccessScope> out = new ArrayList<>();
        for (String value : values) {
            for (String one : value.strip().split("\\s+")) {
                if (one.isEmpty()) continue;
                AccessScope s = AccessScope.parse(one);
                if (s != null) out.add(s);
            }
        }
        return out;
    }

    /** {@code service} must name this registry; the exchange requires it, the token endpoint tolerates its absence. */
    private static void checkService(RegistryView registry, String service, boolean required) {
        if (service == null || service.isBlank()) {
            if (required) throw unsupported("The parameter 'service' is required.");
            return;
        }
        if (!service.strip().equalsIgnoreCase(registry.loginServer())) {
            throw unauthorized("The service '" + service + "' is not this registry ('" + registry.loginServer() + "').");
        }
    }

    static ApiError unauthorized(String message) {
        return ApiError.of(401, RegistryErrors.UNAUTHORIZED, message);
    }

    static ApiError unsupported(String message) {
        return ApiError.of(400, RegistryErrors.UNSUPPORTED, message);
    }
}
