package dev.cerulean.server.registry.auth;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.entra.InMemoryDirectory;
import dev.cerulean.server.entra.InMemoryKeyValueStore;
import dev.cerulean.server.entra.MutableClock;
import dev.cerulean.server.entra.grant.ClientAuthenticator;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.server.security.TokenFailures;
import dev.cerulean.server.security.TokenVerifier;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry's authentication over in-memory stores, a movable clock and a table of role grants. */
final class AuthTestbed {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String TENANT = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    static final String SP_APP = "11111111-2222-3333-4444-555555555555";
    static final String SP_OID = "99999999-8888-7777-6666-555555555555";
    static final String SP_SECRET = "abc8Q~secret-of-the-test-principal-0123456";

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final FakeRegistryCredentials creds = new FakeRegistryCredentials(clock);
    final dev.cerulean.store.IdentityStore identities = InMemoryDirectory.open().identities();
    /** Shared: generating the two RSA keys once keeps the tests fast. */
    private static final InMemoryKeyValueStore VALUES = new InMemoryKeyValueStore();
    final InMemoryKeyValueStore values = VALUES;
    /** object id → the ARM actions its role assignments at the registry allow */
    final Map<String, Set<String>> roles = new HashMap<>();
    final AcrTokens tokens = new AcrTokens(values, clock);
    final Authenticator authenticator;
    final RegistryGate gate;
    final TokenService service;

    AuthTestbed() {
        identities.createTenant(new Tenant(TENANT, "t", "t.onmicrosoft.com", clock.instant()));
        identities.createServicePrincipal(ServicePrincipal.ofApplication(TENANT, SP_APP, SP_OID, "ci", clock.instant()));
        identities.addPasswordCredential(new dev.cerulean.store.PasswordCredential(TENANT, SP_OID, SP_APP,
                "0a0a0a0a-0000-0000-0000-000000000001", null, "abc", SecretHasher.hashSecret(SP_SECRET), null, null));
        authenticator = new Authenticator(creds, new ClientAuthenticator(identities), identities, tokens,
                sub -> sub.equalsIgnoreCase(SUB) ? TENANT : null, clock);
        Rights rights = new Rights((oid, action, scope, data) -> roles.getOrDefault(oid, Set.of()).contains(action));
        gate = new RegistryGate(authenticator, rights);
        TokenVerifier entra = new TokenVerifier(SigningKeys.loadOrCreate(values, clock), identities, ArmErrors.ARM_AUDIENCES,
                TokenFailures.ARM, clock);
        service = new TokenService(authenticator, rights, tokens, entra, (oid, action, scope, data) ->
                roles.getOrDefault(oid, Set.of()).contains(action));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** An access token from GET /oauth2/token with {@code authorization}, for {@code scopes}. */
    String accessToken(RegistryView r, String authorization, String... scopes) {
        return service.tokenForHeader(r, authorization, r.loginServer(), List.of(scopes));
    }

    /** A refresh token as /oauth2/exchange would issue it to the test principal. */
    String refreshToken(RegistryView r) {
        return tokens.refreshToken(r.loginServer(), new EntraIdentity(TENANT, SP_OID, SP_APP), List.of());
    }

    void grant(String oid, String... armActions) {
        roles.put(oid, Set.of(armActions));
    }
}
