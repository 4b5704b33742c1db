package dev.cerulean.server.registry.auth;

import dev.cerulean.server.entra.grant.BasicCredentials;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link RegistryAccess} as ACR decides it (acr.md §5.2-§5.7): Basic credentials of any kind on
 * every endpoint, or a Bearer ACR access token. No credential → 401 {@code UNAUTHORIZED} with the
 * Bearer challenge (with the scope the operation needs, none on the {@code /v2/} ping); a Basic
 * credential that fails → 401 with the Basic challenge; a token that fails → 401 with the Bearer
 * challenge; a valid credential without the rights → 401 {@code DENIED}, {@code insufficient_scope},
 * naming the missing actions. Anonymous pull works through the token endpoint's anonymous token,
 * as in ACR: a request with no credential at all is always challenged.
 */
public final class RegistryGate implements RegistryAccess {

    private final Authenticator authenticator;
    private final Rights rights;

    RegistryGate(Authenticator authenticator, Rights rights) {
        this.authenticator = authenticator;
        this.rights = rights;
    }

    @Override
    public AccessDecision check(RegistryView registry, String authorization, AccessScope needed) {
        String ls = registry.loginServer();
        if (authorization == null || authorization.isBlank()) return RegistryErrors.unauthorized(ls, needed);
        String value = authorization.strip();
        RegistryCaller caller;
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            BasicCredentials basic = BasicCredentials.parse(value);
            caller = basic == null ? null : authenticator.password(registry, basic.clientId(), basic.secret());
            if (caller == null) return RegistryErrors.basicRejected(needed);
        } else if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = authenticator.accessToken(registry, value.substring(7).strip());
            if (caller == null) return RegistryErrors.unauthorized(ls, needed);
        } else {
            return RegistryErrors.unauthorized(ls, needed);
        }
        if (needed == null) return new AccessDecision.Allowed(caller.subject());
        List<String> granted = rights.granted(caller, registry, needed);
        List<String> missing = new ArrayList<>(Rights.expand(needed));
        missing.removeAll(granted);
        if (missing.isEmpty()) return new AccessDecision.Allowed(caller.subject());
        return RegistryErrors.denied(ls, needed, needed.withActions(missing));
    }
}
