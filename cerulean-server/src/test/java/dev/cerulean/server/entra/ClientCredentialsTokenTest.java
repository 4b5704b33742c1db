package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.server.directory.NewServicePrincipal;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static dev.cerulean.server.entra.EntraTestServer.form;
import static dev.cerulean.server.entra.EntraTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsTokenTest {

    static EntraTestServer server;

    @BeforeAll
    static void start() {
        server = EntraTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> v2(String scope) {
        return server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form("grant_type", "client_credentials",
                "client_id", server.config.clientId(), "client_secret", server.config.clientSecret(), "scope", scope));
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void v2AnswerHasIntegerLifetimesAndNoResource() {
        HttpResponse<String> response = v2("https://management.core.windows.net//.default");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).matches(OAuthErrorAssert.JSON_UTF8);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").isInt()).isTrue();
        assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").isInt()).isTrue();
        assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(body.has("resource")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.get("access_token").asText()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void v1AnswerWritesEveryNumberAsStringAndEchoesResource() {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/token?api-version=1.0",
                form("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret(), "resource", "https://management.azure.com/"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("expires_in").isTextual()).isTrue();
        assertThat(body.get("expires_in").asText()).isEqualTo("3599");
        assertThat(body.get("ext_expires_in").asText()).isEqualTo("3599");
        assertThat(body.get("expires_on").isTextual()).isTrue();
        assertThat(body.get("not_before").isTextual()).isTrue();
        assertThat(Long.parseLong(body.get("expires_on").asText()) - Long.parseLong(body.get("not_before").asText()))
                .isEqualTo(3600);
        assertThat(body.get("resource").asText()).isEqualTo("https://management.azure.com/");
    }

    @Test
    void v1ResourceBecomesAudienceExactly() throws Exception {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/token",
                form("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret(), "resource", "https://vault.azure.net"));

        assertThat(claims(json(response).get("access_token").asText()).getAudience())
                .containsExactly("https://vault.azure.net");
    }

    @Test
    void doubleSlashDefaultScopeGivesAudienceWithTrailingSlash() throws Exception {
        String token = json(v2("https://management.core.windows.net//.default")).get("access_token").asText();

        assertThat(claims(token).getAudience()).containsExactly("https://management.core.windows.net/");
    }

    @Test
    void singleSlashDefaultScopeGivesAudienceWithoutTrailingSlash() throws Exception {
        String token = json(v2("https://management.azure.com/.default")).get("access_token").asText();

        assertThat(claims(token).getAudience()).containsExactly("https://management.azure.com");
    }

    @Test
    void oidcScopesClaimsAndClientInfoAreIgnored() throws Exception {
        // msal4j's and az's request shapes (clients.md §2.3, §8)
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form(
                "client_info", "1", "grant_type", "client_credentials",
                "scope", "https://management.core.windows.net//.default openid profile offline_access",
                "client_id", server.config.clientId(), "client_secret", server.config.clientSecret(),
                "claims", "{\"access_token\": {\"xms_cc\": {\"values\": [\"CP1\"]}}}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(json(response).get("access_token").asText()).getAudience())
                .containsExactly("https://management.core.windows.net/");
    }

    @Test
    void basicAuthenticationCarriesClientIdAndSecret() throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (server.config.clientId() + ":" + server.config.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token",
                form("grant_type", "client_credentials", "scope", "https://management.azure.com/.default"),
                "Authorization", "Basic " + basic);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(json(response).get("access_token").asText()).getStringClaim("appid"))
                .isEqualTo(server.config.clientId());
    }

    @Test
    void appTokenCarriesEntraV1Claims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(server.appToken("https://management.core.windows.net//.default"));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        String objectId = server.identities.servicePrincipal(server.tenantId(), server.config.clientId())
                .orElseThrow().objectId();

        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(jwt.getHeader().getX509CertThumbprint().toString());
        assertThat(c.getIssuer()).isEqualTo("https://sts.windows.net/" + server.tenantId() + "/");
        assertThat(c.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(c.getStringClaim("appid")).isEqualTo(server.config.clientId());
        assertThat(c.getStringClaim("appidacr")).isEqualTo("1");
        assertThat(c.getStringClaim("idp")).isEqualTo("https://sts.windows.net/" + server.tenantId() + "/");
        assertThat(c.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(c.getStringClaim("oid")).isEqualTo(objectId);
        assertThat(c.getSubject()).isEqualTo(objectId);
        assertThat(c.getStringClaim("tid")).isEqualTo(server.tenantId());
        assertThat(c.getStringClaim("aio")).isNotBlank();
        assertThat(c.getStringClaim("rh")).isNotBlank();
        assertThat(c.getLongClaim("xms_tcdt")).isPositive();
        assertThat(c.getNotBeforeTime()).isEqualTo(c.getIssueTime());
        assertThat(c.getExpirationTime().getTime() - c.getIssueTime().getTime()).isEqualTo(3_600_000);
    }

    @Test
    void everyTokenHasItsOwnUti() throws Exception {
        String first = claims(server.appToken("https://vault.azure.net/.default")).getStringClaim("uti");
        server.clock.advance(Duration.ofSeconds(1));
        String second = claims(server.appToken("https://vault.azure.net/.default")).getStringClaim("uti");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void identicalRequestWithinOneSecondGetsTheSameTokenWithLessLifetime() {
        String scope = "https://containerregistry.azure.net/.default";
        server.clock.advance(Duration.ofSeconds(5));
        JsonNode first = json(v2(scope));
        server.clock.advance(Duration.ofMillis(999));
        JsonNode again = json(v2(scope));
        server.clock.advance(Duration.ofMillis(1));
        JsonNode later = json(v2(scope));

        assertThat(again.get("access_token").asText()).isEqualTo(first.get("access_token").asText());
        assertThat(later.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(later.get("expires_in").asInt()).isEqualTo(3599);
    }

    @Test
    void reusedTokenIsNotHandedToAWrongSecret() {
        String scope = "https://management.core.windows.net//.default";
        assertThat(v2(scope).statusCode()).isEqualTo(200);

        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form(
                "grant_type", "client_credentials", "client_id", server.config.clientId(),
                "client_secret", "wrong", "scope", scope));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void guidResourceGetsV2Token() throws Exception {
        JWTClaimsSet c = claims(server.appToken("11111111-2222-3333-4444-555555555555/.default"));

        assertThat(c.getIssuer()).isEqualTo("https://login.microsoftonline.com/" + server.tenantId() + "/v2.0");
        assertThat(c.getStringClaim("ver")).isEqualTo("2.0");
        assertThat(c.getStringClaim("azp")).isEqualTo(server.config.clientId());
        assertThat(c.getStringClaim("azpacr")).isEqualTo("1");
        assertThat(c.getClaim("appid")).isNull();
    }

    @Test
    void tenantMayBeNamedByDomain() throws Exception {
        HttpResponse<String> response = server.post("/cerulean.onmicrosoft.com/oauth2/v2.0/token", form(
                "grant_type", "client_credentials", "client_id", server.config.clientId(),
                "client_secret", server.config.clientSecret(), "scope", "https://management.azure.com/.default"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(json(response).get("access_token").asText()).getStringClaim("tid"))
                .isEqualTo(server.tenantId());
    }

    @Test
    void adfsEndpointFindsTenantFromClientId() throws Exception {
        HttpResponse<String> response = server.post("/adfs/oauth2/token", form(
                "grant_type", "client_credentials", "client_id", server.config.clientId(),
                "client_secret", server.config.clientSecret(),
                "scope", "https://management.core.windows.net//.default"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("expires_in").isInt()).isTrue();
        assertThat(claims(body.get("access_token").asText()).getStringClaim("tid")).isEqualTo(server.tenantId());
    }

    @Test
    void createdServicePrincipalCanGetToken() throws Exception {
        NewServicePrincipal created = new Directory(server.identities, server.stores.transactions(), server.clock)
                .createWithSecret(server.tenantId(), "ci-robot");

        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form(
                "grant_type", "client_credentials", "client_id", created.appId(), "client_secret", created.secret(),
                "scope", "https://management.azure.com/.default"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(claims(json(response).get("access_token").asText()).getStringClaim("oid"))
                .isEqualTo(created.objectId());
    }

    @Test
    void expiredSecretIsAadsts7000222() throws Exception {
        Directory directory = new Directory(server.identities, server.stores.transactions(), server.clock);
        NewServicePrincipal created = directory.createWithSecret(server.tenantId(), "expiring");
        String objectId = created.objectId();
        var old = directory.addPassword(server.tenantId(), objectId, created.appId(), "old",
                server.clock.instant().minus(Duration.ofDays(2)), server.clock.instant().minus(Duration.ofDays(1)));

        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token", form(
                "grant_type", "client_credentials", "client_id", created.appId(), "client_secret", old.secretText(),
                "scope", "https://management.azure.com/.default"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_codes").get(0).asInt()).isEqualTo(7000222);
    }
}
