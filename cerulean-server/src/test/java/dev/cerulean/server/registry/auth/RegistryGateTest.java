package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.registry.auth.FakeRegistryCredentials.Token;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.cerulean.server.registry.auth.AuthTestbed.SP_APP;
import static dev.cerulean.server.registry.auth.AuthTestbed.SP_OID;
import static dev.cerulean.server.registry.auth.AuthTestbed.SP_SECRET;
import static dev.cerulean.server.registry.auth.AuthTestbed.SUB;
import static dev.cerulean.server.registry.auth.AuthTestbed.basic;
import static dev.cerulean.server.registry.auth.AuthTestbed.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The decision table of acr.md §5.2-§5.7: every credential kind, allowed and refused, and every way to lose access. */
class RegistryGateTest {

    static final String ZERO = "00000000-0000-0000-0000-000000000000";
    static final AccessScope PING = null;
    static final AccessScope PULL = AccessScope.repository("hello", "pull");
    static final AccessScope PUSH = AccessScope.repository("hello", "push", "pull");
    static final AccessScope DELETE = AccessScope.repository("hello", "delete");
    static final AccessScope CATALOG = AccessScope.catalog();

    final AuthTestbed bed = new AuthTestbed();
    RegistryView reg = bed.creds.add(SUB, "myregistry", true, false);

    {
        bed.creds.adminPassword(reg, "password", "admin-pw-1");
        bed.creds.adminPassword(reg, "password2", "admin-pw-2");
    }

    AccessDecision check(String authorization, AccessScope needed) {
        return bed.gate.check(reg, authorization, needed);
    }

    static void allowed(AccessDecision d, String subject) {
        assertThat(d).isEqualTo(new AccessDecision.Allowed(subject));
    }

    static AccessDecision.Refused refused(AccessDecision d, String code, String challengePrefix) {
        assertThat(d).isInstanceOf(AccessDecision.Refused.class);
        AccessDecision.Refused r = (AccessDecision.Refused) d;
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.wwwAuthenticate()).startsWith(challengePrefix);
        return r;
    }

    // --- no credential -----------------------------------------------------------------------

    @Test
    void noCredentialIsChallengedWithTheScopeTheOperationNeeds() {
        AccessDecision.Refused ping = refused(check(null, PING), "UNAUTHORIZED", "Bearer ");
        assertThat(ping.wwwAuthenticate()).isEqualTo("Bearer realm=\"https://myregistry.azurecr.io/oauth2/token\",service=\"myregistry.azurecr.io\"");
        assertThat(new String(ping.body(), StandardCharsets.UTF_8)).hasSize(149).endsWith("\"detail\":null}]}\n");

        AccessDecision.Refused pull = refused(check(null, PULL), "UNAUTHORIZED", "Bearer ");
        assertThat(pull.wwwAuthenticate()).endsWith(",scope=\"repository:hello:pull\"");
        assertThat(new String(pull.body(), StandardCharsets.UTF_8))
                .contains("\"detail\":[{\"Type\":\"repository\",\"Name\":\"hello\",\"Action\":\"pull\"}]");
        assertThat(refused(check(null, CATALOG), "UNAUTHORIZED", "Bearer ").wwwAuthenticate()).endsWith(",scope=\"registry:catalog:*\"");
        assertThat(refused(check("Negotiate abc", PULL), "UNAUTHORIZED", "Bearer ").status()).isEqualTo(401);
    }

    @Test
    void anonymousPullStillChallengesARequestWithoutAnyCredential() {
        reg = bed.creds.update(reg, true, true);
        refused(check(null, PULL), "UNAUTHORIZED", "Bearer ");
    }

    // --- admin user --------------------------------------------------------------------------

    @Test
    void adminUserWithEitherPasswordMayDoEverything() {
        allowed(check(basic("myregistry", "admin-pw-1"), PING), "myregistry");
        allowed(check(basic("MyRegistry", "admin-pw-2"), PUSH), "myregistry");
        allowed(check(basic("myregistry", "admin-pw-1"), CATALOG), "myregistry");
        allowed(check(basic("myregistry", "admin-pw-1"), DELETE), "myregistry");
    }

    @Test
    void wrongOrDisabledAdminGetsTheBasicChallenge() {
        AccessDecision.Refused wrong = refused(check(basic("myregistry", "nope"), PING), "UNAUTHORIZED", "Basic ");
        assertThat(wrong.wwwAuthenticate()).isEqualTo("Basic realm=\"Azure Container Registry\"");
        reg = bed.creds.update(reg, false, false);
        refused(check(basic("myregistry", "admin-pw-1"), PULL), "UNAUTHORIZED", "Basic ");
    }

    @Test
    void adminAccessTokenDiesWithTheAdminUserAndWithItsPassword() {
        String token = bed.accessToken(reg, basic("myregistry", "admin-pw-1"), "repository:hello:pull,push");
        allowed(check(bearer(token), PUSH), "myregistry");
        refused(check(bearer(token), DELETE), "DENIED", "Bearer ");

        bed.clock.advance(Duration.ofSeconds(1));
        bed.creds.adminPassword(reg, "password", "admin-pw-regenerated");
        refused(check(bearer(token), PULL), "UNAUTHORIZED", "Bearer ");
        refused(check(basic("myregistry", "admin-pw-1"), PULL), "UNAUTHORIZED", "Basic ");

        String second = bed.accessToken(reg, basic("myregistry", "admin-pw-2"), "repository:hello:pull");
        allowed(check(bearer(second), PULL), "myregistry");
        reg = bed.creds.update(reg, false, false);
        refused(check(bearer(second), PULL), "UNAUTHORIZED", "Bearer ");
    }

    // --- repository-scoped tokens ------------------------------------------------------------

    @Test
    void tokenMayDoWhatItsScopeMapSaysAndNoMore() {
        Token t = bed.creds.token(reg, "puller", "repositories/hello/content/read", "repositories/hello/metadata/read");
        bed.creds.tokenPassword(t, "password1", "tok-pw-1", null);
        allowed(check(basic("puller", "tok-pw-1"), PING), "puller");
        allowed(check(basic("puller", "tok-pw-1"), PULL), "puller");

        AccessDecision.Refused push = refused(check(basic("puller", "tok-pw-1"), PUSH), "DENIED", "Bearer ");
        assertThat(push.message()).isEqualTo("requested access to the resource is denied");
        assertThat(push.wwwAuthenticate()).endsWith(",scope=\"repository:hello:push,pull\",error=\"insufficient_scope\"");
        assertThat(push.missing()).isEqualTo(AccessScope.repository("hello", "push"));
        refused(check(basic("puller", "tok-pw-1"), AccessScope.repository("other", "pull")), "DENIED", "Bearer ");
        refused(check(basic("puller", "tok-pw-1"), CATALOG), "DENIED", "Bearer ");
    }

    @Test
    void wildcardRulesCoverEveryRepositoryOrAPrefix() {
        Token all = bed.creds.token(reg, "everything", "repositories/*/content/read");
        bed.creds.tokenPassword(all, "password1", "pw-all", null);
        allowed(check(basic("everything", "pw-all"), AccessScope.repository("a/b/c", "pull")), "everything");

        Token prefix = bed.creds.token(reg, "samples", "repositories/samples/*/content/read", "repositories/samples/*/content/write");
        bed.creds.tokenPassword(prefix, "password2", "pw-samples", null);
        allowed(check(basic("samples", "pw-samples"), AccessScope.repository("samples/hello", "push", "pull")), "samples");
        refused(check(basic("samples", "pw-samples"), AccessScope.repository("samples", "pull")), "DENIED", "Bearer ");
        refused(check(basic("samples", "pw-samples"), AccessScope.repository("samplesx/a", "pull")), "DENIED", "Bearer ");
    }

    @Test
    void disablingATokenLocksOutItsPasswordsAndItsAccessTokensAtOnce() {
        Token t = bed.creds.token(reg, "pusher", "repositories/hello/content/read", "repositories/hello/content/write");
        bed.creds.tokenPassword(t, "password1", "tok-pw-1", null);
        String token = bed.accessToken(reg, basic("pusher", "tok-pw-1"), "repository:hello:pull,push");
        allowed(check(bearer(token), PUSH), "pusher");

        t.enabled = false;
        refused(check(basic("pusher", "tok-pw-1"), PULL), "UNAUTHORIZED", "Basic ");
        refused(check(bearer(token), PULL), "UNAUTHORIZED", "Bearer ");
        t.enabled = true;
        allowed(check(bearer(token), PULL), "pusher");
    }

    @Test
    void deletingOrRegeneratingAPasswordLocksOutWhatItIssued() {
        Token t = bed.creds.token(reg, "pusher", "repositories/hello/content/read");
        bed.creds.tokenPassword(t, "password1", "pw-1", null);
        bed.creds.tokenPassword(t, "password2", "pw-2", null);
        String fromOne = bed.accessToken(reg, basic("pusher", "pw-1"), "repository:hello:pull");
        String fromTwo = bed.accessToken(reg, basic("pusher", "pw-2"), "repository:hello:pull");

        t.passwords.remove("password1");
        refused(check(basic("pusher", "pw-1"), PULL), "UNAUTHORIZED", "Basic ");
        refused(check(bearer(fromOne), PULL), "UNAUTHORIZED", "Bearer ");
        allowed(check(bearer(fromTwo), PULL), "pusher");

        bed.clock.advance(Duration.ofSeconds(1));
        bed.creds.tokenPassword(t, "password2", "pw-2-new", null);
        refused(check(bearer(fromTwo), PULL), "UNAUTHORIZED", "Bearer ");
        allowed(check(basic("pusher", "pw-2-new"), PULL), "pusher");
    }

    @Test
    void anExpiredPasswordLocksOutItsTokensToo() {
        Token t = bed.creds.token(reg, "pusher", "repositories/hello/content/read");
        bed.creds.tokenPassword(t, "password1", "pw-1", bed.clock.instant().plus(Duration.ofMinutes(10)));
        String token = bed.accessToken(reg, basic("pusher", "pw-1"), "repository:hello:pull");
        allowed(check(bearer(token), PULL), "pusher");
        bed.clock.advance(Duration.ofMinutes(10));
        refused(check(basic("pusher", "pw-1"), PULL), "UNAUTHORIZED", "Basic ");
        refused(check(bearer(token), PULL), "UNAUTHORIZED", "Bearer ");
    }

    @Test
    void scopeMapChangesApplyToBasicAtOnceAndToIssuedTokensAtTheirExpiry() {
        Token t = bed.creds.token(reg, "pusher", "repositories/hello/content/read");
        bed.creds.tokenPassword(t, "password1", "pw-1", null);
        String token = bed.accessToken(reg, basic("pusher", "pw-1"), "repository:hello:pull");
        t.actions = java.util.List.of("repositories/other/content/read");
        refused(check(basic("pusher", "pw-1"), PULL), "DENIED", "Bearer ");
        allowed(check(bearer(token), PULL), "pusher");
    }

    @Test
    void aTokenMayShareTheRegistrysName() {
        Token t = bed.creds.token(reg, "myregistry", "repositories/hello/content/read");
        bed.creds.tokenPassword(t, "password1", "token-pw", null);
        allowed(check(basic("myregistry", "token-pw"), PULL), "myregistry");
        refused(check(basic("myregistry", "token-pw"), PUSH), "DENIED", "Bearer ");
    }

    // --- Entra identities --------------------------------------------------------------------

    @Test
    void servicePrincipalGetsWhatItsRolesAllow() {
        bed.grant(SP_OID, Rights.ARM_PULL);
        allowed(check(basic(SP_APP, SP_SECRET), PULL), SP_APP);
        allowed(check(basic(SP_APP, SP_SECRET), CATALOG), SP_APP);
        refused(check(basic(SP_APP, SP_SECRET), PUSH), "DENIED", "Bearer ");
        refused(check(basic(SP_APP, "wrong"), PULL), "UNAUTHORIZED", "Basic ");

        bed.grant(SP_OID, Rights.ARM_PULL, Rights.ARM_PUSH, Rights.ARM_DELETE);
        allowed(check(basic(SP_APP, SP_SECRET), PUSH), SP_APP);
        allowed(check(basic(SP_APP, SP_SECRET), DELETE), SP_APP);
        bed.grant(SP_OID);
        refused(check(basic(SP_APP, SP_SECRET), PULL), "DENIED", "Bearer ");
    }

    @Test
    void zeroGuidWithARefreshTokenActsAsItsIdentity() {
        bed.grant(SP_OID, Rights.ARM_PULL);
        String refresh = bed.refreshToken(reg);
        allowed(check(basic(ZERO, refresh), PULL), SP_APP);
        refused(check(basic(ZERO, refresh), PUSH), "DENIED", "Bearer ");
        refused(check(bearer(refresh), PULL), "UNAUTHORIZED", "Bearer "); // a refresh token is not an access token

        RegistryView other = bed.creds.add(SUB, "otherregistry", true, false);
        assertThat(bed.gate.check(other, basic(ZERO, refresh), PULL)).isInstanceOf(AccessDecision.Refused.class);

        bed.clock.advance(Duration.ofHours(3));
        refused(check(basic(ZERO, refresh), PULL), "UNAUTHORIZED", "Basic ");
    }

    @Test
    void zeroGuidWithAnAccessTokenGetsWhatTheTokenGrants() {
        String access = bed.accessToken(reg, basic("myregistry", "admin-pw-1"), "repository:hello:pull");
        allowed(check(basic(ZERO, access), PULL), "myregistry");
        refused(check(basic(ZERO, access), PUSH), "DENIED", "Bearer ");
    }

    @Test
    void accessTokensExpireAfter75Minutes() {
        String access = bed.accessToken(reg, basic("myregistry", "admin-pw-1"), "repository:hello:pull");
        bed.clock.advance(Duration.ofMinutes(74));
        allowed(check(bearer(access), PULL), "myregistry");
        bed.clock.advance(Duration.ofMinutes(1));
        refused(check(bearer(access), PULL), "UNAUTHORIZED", "Bearer ");
    }

    @Test
    void aTokenForAnotherRegistryIsRefused() {
        RegistryView other = bed.creds.add(SUB, "otherregistry", true, false);
        bed.creds.adminPassword(other, "password", "other-pw");
        String access = bed.accessToken(other, basic("otherregistry", "other-pw"), "repository:hello:pull");
        refused(check(bearer(access), PULL), "UNAUTHORIZED", "Bearer ");
    }

    // --- anonymous pull ----------------------------------------------------------------------

    @Test
    void anonymousTokensPullWhileAnonymousPullIsOn() {
        reg = bed.creds.update(reg, true, true);
        String anonymous = bed.accessToken(reg, null, "repository:hello:pull,push", "registry:catalog:*");
        allowed(check(bearer(anonymous), PULL), "anonymous");
        allowed(check(bearer(anonymous), AccessScope.repository("hello", "metadata_read")), "anonymous");
        refused(check(bearer(anonymous), PUSH), "DENIED", "Bearer ");
        refused(check(bearer(anonymous), CATALOG), "DENIED", "Bearer ");

        reg = bed.creds.update(reg, true, false);
        refused(check(bearer(anonymous), PULL), "UNAUTHORIZED", "Bearer ");
    }
}
