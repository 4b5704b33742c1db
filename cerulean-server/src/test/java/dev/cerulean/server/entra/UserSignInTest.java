package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static dev.cerulean.server.entra.EntraTestServer.form;
import static dev.cerulean.server.entra.EntraTestServer.json;
import static dev.cerulean.server.entra.OAuthErrorAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** The password (ROPC) and refresh-token grants for the development user. */
class UserSignInTest {

    static final String AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
    static final String ARM_SCOPE = "https://management.core.windows.net//.default";
    static EntraTestServer server;
    static JsonNode signIn;

    @BeforeAll
    static void start() {
        server = EntraTestServer.start();
        signIn = json(ropc("organizations", ARM_SCOPE + " offline_access openid profile"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> ropc(String tenant, String scope) {
        return server.post("/" + tenant + "/oauth2/v2.0/token", form("client_id", AZURE_CLI, "grant_type", "password",
                "username", server.devUser(), "password", EntraBootstrap.DEV_USER_PASSWORD, "scope", scope,
                "client_info", "1"));
    }

    private static HttpResponse<String> refresh(String refreshToken, String scope) {
        return server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form("client_id", AZURE_CLI,
                "grant_type", "refresh_token", "refresh_token", refreshToken, "scope", scope));
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void passwordGrantAnswersWithUserTokenShape() {
        assertThat(signIn.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(signIn.get("expires_in").isInt()).isTrue();
        assertThat(signIn.get("scope").asText()).isEqualTo(
                "https://management.core.windows.net//user_impersonation https://management.core.windows.net//.default");
        assertThat(signIn.get("refresh_token").asText()).isNotBlank();
        assertThat(signIn.get("id_token").asText()).isNotBlank();
        assertThat(signIn.get("client_info").asText()).isNotBlank();
    }

    @Test
    void organizationsAuthorityFindsTenantFromUserName() throws Exception {
        assertThat(claims(signIn.get("access_token").asText()).getStringClaim("tid")).isEqualTo(server.tenantId());
    }

    @Test
    void accessTokenCarriesUserClaims() throws Exception {
        JWTClaimsSet c = claims(signIn.get("access_token").asText());
        UserAccount user = new UserAccounts(server.identities).find(server.tenantId(), server.devUser()).orElseThrow();

        assertThat(c.getAudience()).containsExactly("https://management.core.windows.net/");
        assertThat(c.getIssuer()).isEqualTo("https://sts.windows.net/" + server.tenantId() + "/");
        assertThat(c.getStringClaim("upn")).isEqualTo(server.devUser());
        assertThat(c.getStringClaim("unique_name")).isEqualTo(server.devUser());
        assertThat(c.getStringClaim("name")).isEqualTo("Cerulean Developer");
        assertThat(c.getStringClaim("scp")).isEqualTo("user_impersonation");
        assertThat(c.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(c.getStringClaim("acr")).isEqualTo("1");
        assertThat(c.getStringClaim("appid")).isEqualTo(AZURE_CLI);
        assertThat(c.getStringClaim("appidacr")).isEqualTo("0");
        assertThat(c.getStringClaim("idtyp")).isEqualTo("user");
        assertThat(c.getStringClaim("oid")).isEqualTo(user.objectId());
        assertThat(c.getStringClaim("puid")).isEqualTo(user.puid()).matches("[0-9A-F]{16}");
        assertThat(c.getSubject()).isNotEqualTo(user.objectId());
    }

    @Test
    void idTokenIsForTheClient() throws Exception {
        JWTClaimsSet c = claims(signIn.get("id_token").asText());

        assertThat(c.getAudience()).containsExactly(AZURE_CLI);
        assertThat(c.getStringClaim("preferred_username")).isEqualTo(server.devUser());
        assertThat(c.getStringClaim("tid")).isEqualTo(server.tenantId());
        assertThat(c.getExpirationTime()).isAfter(c.getNotBeforeTime());
    }

    @Test
    void clientInfoNamesUserAndTenant() throws Exception {
        JsonNode info = Json.parse(new String(Base64.getUrlDecoder().decode(signIn.get("client_info").asText()),
                StandardCharsets.UTF_8));
        String objectId = claims(signIn.get("access_token").asText()).getStringClaim("oid");

        assertThat(info.get("uid").asText()).isEqualTo(objectId);
        assertThat(info.get("utid").asText()).isEqualTo(server.tenantId());
    }

    @Test
    void refreshTokenCannotPassAsAccessToken() throws Exception {
        SignedJWT refresh = SignedJWT.parse(signIn.get("refresh_token").asText());

        assertThat(refresh.getHeader().getType().getType()).isEqualTo("rt+jwt");
        assertThat(refresh.getJWTClaimsSet().getStringClaim("token_use")).isEqualTo("refresh");
        assertThat(refresh.getJWTClaimsSet().getExpirationTime().toInstant())
                .isAfter(Instant.now().plus(Duration.ofDays(89)));
    }

    @Test
    void refreshGrantRotatesRefreshTokenAndServesAnotherResource() throws Exception {
        String first = signIn.get("refresh_token").asText();
        HttpResponse<String> response = refresh(first, "https://containerregistry.azure.net/.default offline_access");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("refresh_token").asText()).isNotEqualTo(first);
        assertThat(claims(body.get("access_token").asText()).getAudience())
                .containsExactly("https://containerregistry.azure.net");
        assertThat(claims(body.get("access_token").asText()).getStringClaim("upn")).isEqualTo(server.devUser());

        HttpResponse<String> again = refresh(body.get("refresh_token").asText(), ARM_SCOPE);
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void v1PasswordGrantWritesStringsAndEchoesResource() {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/token", form(
                "grant_type", "password", "client_id", AZURE_CLI, "username", server.devUser(),
                "password", EntraBootstrap.DEV_USER_PASSWORD, "resource", "https://management.azure.com/"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("expires_in").asText()).isEqualTo("3599");
        assertThat(body.get("expires_in").isTextual()).isTrue();
        assertThat(body.get("resource").asText()).isEqualTo("https://management.azure.com/");
        assertThat(body.get("scope").asText()).isEqualTo("user_impersonation");
        assertThat(body.get("refresh_token").asText()).isNotBlank();
    }

    @Test
    void v1RefreshWithoutResourceKeepsThePreviousOne() throws Exception {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/token", form(
                "grant_type", "refresh_token", "client_id", AZURE_CLI,
                "refresh_token", signIn.get("refresh_token").asText()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("resource").asText()).isEqualTo("https://management.core.windows.net/");
        assertThat(claims(json(response).get("access_token").asText()).getAudience())
                .containsExactly("https://management.core.windows.net/");
    }

    @Test
    void confidentialClientSignsInWithItsSecret() throws Exception {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form(
                "grant_type", "password", "client_id", server.config.clientId(),
                "client_secret", server.config.clientSecret(), "username", server.devUser(),
                "password", EntraBootstrap.DEV_USER_PASSWORD, "scope", ARM_SCOPE));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(claims(json(response).get("access_token").asText()).getStringClaim("appidacr")).isEqualTo("1");
    }

    @Test
    void refreshTokenOfAnotherClientIsInvalidGrant9002313() {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form(
                "grant_type", "refresh_token", "client_id", server.config.clientId(),
                "client_secret", server.config.clientSecret(),
                "refresh_token", signIn.get("refresh_token").asText(), "scope", ARM_SCOPE));

        assertOAuthError(response, 400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant700082() {
        Instant now = server.clock.instant();
        server.clock.advance(Duration.ofDays(91));
        try {
            assertOAuthError(refresh(signIn.get("refresh_token").asText(), ARM_SCOPE), 400, "invalid_grant", 700082,
                    "The refresh token has expired due to inactivity. The token was issued on ");
        } finally {
            server.clock.set(now);
        }
    }
}
