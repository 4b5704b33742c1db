package dev.cerulean.server.security;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.entra.InMemoryKeyValueStore;
import dev.cerulean.server.entra.MutableClock;
import dev.cerulean.server.entra.UserAccount;
import dev.cerulean.server.entra.grant.AuthenticatedClient;
import dev.cerulean.server.entra.grant.RefreshTokens;
import dev.cerulean.server.entra.grant.RequestedAccess;
import dev.cerulean.server.entra.grant.TokenMinter;
import dev.cerulean.server.entra.keys.SigningKey;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {

    static final Instant START = Instant.parse("2024-01-02T15:04:05Z");
    static final String TID = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    static final String ARM = "https://management.core.windows.net/";
    static final MutableClock clock = new MutableClock(START);
    static final dev.cerulean.store.IdentityStore identities = dev.cerulean.server.entra.InMemoryDirectory.open().identities();
    static final Tenant tenant = new Tenant(TID, "Test", "test.onmicrosoft.com", START.minus(Duration.ofDays(1)));
    static final ServicePrincipal principal =
            ServicePrincipal.ofApplication(TID, "app-id-1", "sp-object-1", "robot", START);
    static final AuthenticatedClient client = new AuthenticatedClient("app-id-1", principal, "1");
    static final UserAccount user = new UserAccount(TID, "user-object-1", "dev@test.onmicrosoft.com", "Dev",
            "De", "V", "1000AAAA2222BBBB", "pbkdf2$1$x$y");
    static SigningKeys keys;
    static TokenMinter minter;
    static TokenVerifier verifier;

    @BeforeAll
    static void setUp() {
        identities.createTenant(tenant);
        keys = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), clock);
        minter = new TokenMinter(keys, Duration.ofHours(1), clock);
        verifier = TokenVerifier.forArm(keys, identities, clock);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    private static String appToken(String audience) {
        return minter.appToken(tenant, client, new RequestedAccess(audience, null, null)).token();
    }

    private static String signed(SigningKeys with, String claimsJson) {
        return with.current().sign(SigningKey.Kind.ACCESS, claimsJson.getBytes(StandardCharsets.UTF_8));
    }

    private static String claims(String issuer, String tid, String extra) {
        long iat = START.getEpochSecond();
        return "{\"aud\":\"" + ARM + "\",\"iss\":\"" + issuer + "\",\"iat\":" + iat + ",\"nbf\":" + iat
                + ",\"exp\":" + (iat + 3600) + ",\"tid\":\"" + tid + "\"" + extra + "}";
    }

    private static void assertRejected(Executable call, int status, String code, String messageStart) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.message()).startsWith(messageStart);
        });
    }

    @Test
    void appTokenGivesApplicationPrincipal() {
        Principal p = verifier.verify("Bearer " + appToken(ARM));

        assertThat(p).isEqualTo(new Principal(TID, "app-id-1", "sp-object-1", null, "app-id-1", "Application", ARM,
                START.plus(Duration.ofHours(1))));
    }

    @Test
    void userTokenGivesUserPrincipal() {
        String token = minter.userToken(tenant, user, new AuthenticatedClient("04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                null, "0"), new RequestedAccess(ARM, "user_impersonation", "x"), "127.0.0.1").token();

        Principal p = verifier.verify("Bearer " + token);

        assertThat(p.createdByType()).isEqualTo("User");
        assertThat(p.createdBy()).isEqualTo("dev@test.onmicrosoft.com");
        assertThat(p.upn()).isEqualTo("dev@test.onmicrosoft.com");
        assertThat(p.objectId()).isEqualTo("user-object-1");
        assertThat(p.appId()).isEqualTo("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
    }

    @Test
    void v2IssuerIsAccepted() {
        String token = signed(keys, claims("https://login.microsoftonline.com/" + TID + "/v2.0", TID,
                ",\"oid\":\"o\",\"azp\":\"a\",\"idtyp\":\"app\""));

        assertThat(verifier.verify("Bearer " + token).appId()).isEqualTo("a");
    }

    @Test
    void missingHeaderIsAuthenticationFailed() {
        assertRejected(() -> verifier.verify(null), 401, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is missing.");
        assertRejected(() -> verifier.verify(" "), 401, "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is missing.");
    }

    @Test
    void nonBearerHeaderIsInvalidHeader() {
        assertRejected(() -> verifier.verify("Basic dXNlcjpwdw=="), 401, "AuthenticationFailedInvalidHeader",
                "Authentication failed. The 'Authorization' header is provided in an invalid format.");
        assertRejected(() -> verifier.verify("Bearer"), 401, "AuthenticationFailedInvalidHeader",
                "Authentication failed.");
    }

    @Test
    void unparsableTokenIsInvalidAuthenticationToken() {
        assertRejected(() -> verifier.verify("Bearer not-a-jwt"), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token is not a well-formed signed JWT.");
    }

    @Test
    void tokenOfAnotherKeyIsRejected() {
        SigningKeys foreign = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), clock);
        String token = signed(foreign, claims("https://sts.windows.net/" + TID + "/", TID, ",\"oid\":\"o\""));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token's signing key '" + foreign.current().keyId() + "' is not known");
    }

    @Test
    void forgedSignatureUnderOurKeyIdIsRejected() {
        SigningKeys foreign = SigningKeys.loadOrCreate(new InMemoryKeyValueStore(), clock);
        String theirs = signed(foreign, claims("https://sts.windows.net/" + TID + "/", TID, ",\"oid\":\"o\""));
        String ours = appToken(ARM);
        // our header and payload, their signature
        String forged = ours.substring(0, ours.lastIndexOf('.')) + theirs.substring(theirs.lastIndexOf('.'));

        assertRejected(() -> verifier.verify("Bearer " + forged), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token signature could not be verified.");
        assertRejected(() -> verifier.verify("Bearer " + forged), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token signature could not be verified.");
    }

    @Test
    void expiredTokenIsExpiredAuthenticationTokenInArmTimeFormat() {
        String token = appToken(ARM);
        clock.advance(Duration.ofHours(2));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "ExpiredAuthenticationToken",
                "The access token expiry UTC time '1/2/2024 4:04:05 PM' is earlier than current UTC time "
                        + "'1/2/2024 5:04:05 PM'.");
    }

    @Test
    void cachedTokenStillExpires() {
        String token = appToken(ARM);
        verifier.verify("Bearer " + token);
        clock.advance(Duration.ofMinutes(61));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "ExpiredAuthenticationToken",
                "The access token expiry UTC time");
    }

    @Test
    void tokenFromTheFutureIsRejectedBeyondFiveMinutesSkew() {
        String soon = appToken(ARM);
        clock.set(START.minus(Duration.ofMinutes(4)));
        assertThat(verifier.verify("Bearer " + soon).objectId()).isEqualTo("sp-object-1");

        clock.set(START);
        String later = appToken(ARM);
        clock.set(START.minus(Duration.ofMinutes(6)));
        assertRejected(() -> verifier.verify("Bearer " + later), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token is not valid before");
    }

    @Test
    void wrongAudienceIsInvalidAuthenticationTokenAudience() {
        assertRejected(() -> verifier.verify("Bearer " + appToken("https://vault.azure.net")), 401,
                "InvalidAuthenticationTokenAudience",
                "The access token has been obtained for wrong audience or resource 'https://vault.azure.net'.");
    }

    @Test
    void unknownTenantIssuerIsRejected() {
        String other = "12345678-1234-1234-1234-123456789012";
        String token = signed(keys, claims("https://sts.windows.net/" + other + "/", other, ",\"oid\":\"o\""));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token issuer 'https://sts.windows.net/" + other + "/' is not trusted.");
    }

    @Test
    void issuerNotMatchingTidIsRejected() {
        String token = signed(keys, claims("https://evil.example/" + TID + "/", TID, ",\"oid\":\"o\""));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The token issuer 'https://evil.example/" + TID + "/' is not trusted.");
    }

    @Test
    void tokenWithoutOidIsRejected() {
        String token = signed(keys, claims("https://sts.windows.net/" + TID + "/", TID, ",\"appid\":\"a\""));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "InvalidAuthenticationToken",
                "The access token is invalid. The received access token is not valid: at least one of the claims "
                        + "'puid' or 'altsecid' or 'oid' should be present.");
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        String refresh = new RefreshTokens(keys, clock).issue(tenant, user, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", ARM);

        assertRejected(() -> verifier.verify("Bearer " + refresh), 401, "InvalidAuthenticationToken",
                "The access token is invalid. A refresh token cannot be used as an access token.");
    }

    @Test
    void refreshClaimsUnderAccessHeaderAreStillRefused() {
        String token = signed(keys, claims("https://sts.windows.net/" + TID + "/", TID,
                ",\"oid\":\"o\",\"token_use\":\"refresh\""));

        assertRejected(() -> verifier.verify("Bearer " + token), 401, "InvalidAuthenticationToken",
                "The access token is invalid. A refresh token cannot be used as an access token.");
    }

    @Test
    void verifierForOtherAudiencesAcceptsThem() {
        TokenVerifier registry = new TokenVerifier(keys, identities, List.of("https://containerregistry.azure.net"),
                TokenFailures.ARM, clock);

        assertThat(registry.verify("Bearer " + appToken("https://containerregistry.azure.net")).audience())
                .isEqualTo("https://containerregistry.azure.net");
    }

    @Test
    void successfulVerificationIsCached() {
        TokenVerifier fresh = TokenVerifier.forArm(keys, identities, clock);
        String token = appToken(ARM);

        Principal first = fresh.verify("Bearer " + token);
        Principal second = fresh.verify("bearer   " + token);

        assertThat(second).isSameAs(first);
        assertThat(fresh.cachedCount()).isEqualTo(1);
    }

    @Test
    void aCachedTokenDoesNotVouchForAnEditedCopyOrAnotherHeaderForm() {
        TokenVerifier fresh = TokenVerifier.forArm(keys, identities, clock);
        String token = appToken(ARM);
        fresh.verify("Bearer " + token);
        String edited = token.substring(0, token.length() - 2) + (token.charAt(token.length() - 2) == 'A' ? "B" : "A") + token.charAt(token.length() - 1);

        assertRejected(() -> fresh.verify("Bearer " + edited), 401, "InvalidAuthenticationToken",
                "The access token is invalid.");
        assertRejected(() -> fresh.verify("Bearer " + token + " x"), 401, "AuthenticationFailedInvalidHeader",
                "");
        assertThat(fresh.verify("Bearer " + token + " ").objectId()).isEqualTo(fresh.verify("Bearer " + token).objectId());
        assertThat(fresh.cachedCount()).isEqualTo(1);
    }
}
