package dev.cerulean.it.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.acr.ProxyCurl;
import dev.cerulean.it.acr.ProxyCurl.Reply;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry host's authentication with curl and az 2.45 through the proxy (acr.md §5.2-§5.7,
 * §6): the challenge byte for byte, the Basic refusal, the token endpoints and their error shapes,
 * {@code az acr login --expose-token} and the refresh token it prints used as a password.
 */
class RegistryLoginIT {

    static final String UNAUTHORIZED_BODY = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required, "
            + "visit https://aka.ms/acr/authorization for more information.\",\"detail\":null}]}\n";

    static CeruleanServer server;
    static AcrFixtures fx;
    static ProxyCurl curl;
    static String name;
    static String registryId;
    static String ls;
    static String adminPassword;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        curl = new ProxyCurl(server);
        name = AcrFixtures.unique("login");
        registryId = fx.registry(fx.resourceGroup("reglogin-"), name, "Standard", true);
        ls = name + ".azurecr.io";
        adminPassword = fx.arm("POST", registryId + "/listCredentials", null).json().at("/passwords/0/value").asText();
    }

    @Test
    void thePingChallengesByteForByte() {
        Reply r = curl.call("https://" + ls + "/v2/");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("www-authenticate")).isEqualTo("Bearer realm=\"https://" + ls + "/oauth2/token\",service=\"" + ls + "\"");
        assertThat(r.body()).isEqualTo(UNAUTHORIZED_BODY);
        assertThat(r.body().getBytes(StandardCharsets.UTF_8)).hasSize(149);
        assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("docker-distribution-api-version")).isEqualTo("registry/2.0");
        assertThat(r.header("x-ms-correlation-request-id")).matches("[0-9a-f-]{36}");
        assertThat(r.header("access-control-expose-headers"))
                .isEqualTo("Docker-Content-Digest, WWW-Authenticate, Link, X-Ms-Correlation-Request-Id");
        assertThat(r.header("strict-transport-security")).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void theLoginServerMatchesWhateverTheCase() {
        Reply r = curl.call("https://" + name.toUpperCase() + ".AZURECR.IO/v2/", "-u", name + ":" + adminPassword);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().strip()).isEqualTo("{}");
    }

    @Test
    void aWrongBasicCredentialGetsTheBasicChallenge() {
        Reply r = curl.call("https://" + ls + "/v2/", "-u", name + ":wrong");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("www-authenticate")).isEqualTo("Basic realm=\"Azure Container Registry\"");
        assertThat(r.body()).isEqualTo(UNAUTHORIZED_BODY);
    }

    @Test
    void anUnknownRegistryHostIsNameUnknown() {
        Reply r = curl.call("https://nosuchregistry0001.azurecr.io/oauth2/token?service=nosuchregistry0001.azurecr.io");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/errors/0/code").asText()).isEqualTo("NAME_UNKNOWN");
    }

    @Test
    void theAdminUserGetsAnAccessTokenThatOpensThePing() {
        Reply token = curl.call("https://" + ls + "/oauth2/token?account=" + name + "&scope=repository%3Ahello%3Apull%2Cpush"
                + "&scope=registry%3Acatalog%3A*&service=" + ls, "-u", name + ":" + adminPassword);
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(token.header("content-type")).isEqualTo("application/json; charset=utf-8");
        String jwt = token.json().get("access_token").asText();
        JsonNode header = part(jwt, 0);
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(header.has("kid")).isTrue();
        JsonNode claims = part(jwt, 1);
        assertThat(claims.get("iss").asText()).isEqualTo("Azure Container Registry");
        assertThat(claims.get("aud").asText()).isEqualTo(ls);
        assertThat(claims.get("sub").asText()).isEqualTo(name);
        assertThat(claims.get("grant_type").asText()).isEqualTo("access_token");
        assertThat(claims.get("version").asText()).isEqualTo("1.0");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(75 * 60);
        // pull brings metadata_read where the caller has it (acr.md §5.6), so skopeo list-tags works
        assertThat(claims.get("access").toString()).isEqualTo("[{\"type\":\"repository\",\"name\":\"hello\",\"actions\":[\"pull\",\"push\",\"metadata_read\"]},"
                + "{\"type\":\"registry\",\"name\":\"catalog\",\"actions\":[\"*\"]}]");

        Reply ping = curl.call("https://" + ls + "/v2/", "-H", "Authorization: Bearer " + jwt);
        assertThat(ping.status()).isEqualTo(200);
        Reply forged = curl.call("https://" + ls + "/v2/", "-H", "Authorization: Bearer " + jwt.substring(0, jwt.length() - 4) + "AAAA");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.header("www-authenticate")).startsWith("Bearer realm=");
    }

    @Test
    void tokenEndpointErrorsHaveAcrShape() {
        Reply anonymous = curl.call("https://" + ls + "/oauth2/token?service=" + ls + "&scope=repository%3Ahello%3Apull");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required, "
                + "visit https://aka.ms/acr/authorization for more information.\"}]}\n");

        Reply grant = curl.call("-X", "POST", "https://" + ls + "/oauth2/token", "-d", "grant_type=client_credentials&service=" + ls);
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().at("/errors/0/code").asText()).isEqualTo("UNSUPPORTED");

        Reply exchange = curl.call("-X", "POST", "https://" + ls + "/oauth2/exchange",
                "-d", "grant_type=access_token&service=" + ls + "&access_token=not.a.jwt");
        assertThat(exchange.status()).isEqualTo(401);
        assertThat(exchange.json().at("/errors/0/code").asText()).isEqualTo("UNAUTHORIZED");

        Reply wrongService = curl.call("https://" + ls + "/oauth2/token?service=other.azurecr.io", "-u", name + ":" + adminPassword);
        assertThat(wrongService.status()).isEqualTo(401);

        Reply badQuery = curl.call("https://" + ls + "/oauth2/token?service=%zz", "-u", name + ":" + adminPassword);
        assertThat(badQuery.status()).as(badQuery.body()).isEqualTo(400);
        assertThat(badQuery.json().at("/errors/0/code").asText()).isEqualTo("UNSUPPORTED");
    }

    @Test
    void passwordGrantAndRefreshGrantFromTheExchange() {
        Reply password = curl.call("-X", "POST", "https://" + ls + "/oauth2/token", "--data-urlencode", "grant_type=password",
                "--data-urlencode", "service=" + ls, "--data-urlencode", "username=" + name,
                "--data-urlencode", "password=" + adminPassword, "--data-urlencode", "scope=repository:hello:pull");
        assertThat(password.status()).as(password.toString()).isEqualTo(200);

        Reply exchange = curl.call("-X", "POST", "https://" + ls + "/oauth2/exchange", "--data-urlencode", "grant_type=access_token",
                "--data-urlencode", "service=" + ls, "--data-urlencode", "tenant=" + server.config().tenantId(),
                "--data-urlencode", "access_token=" + curl.token());
        assertThat(exchange.status()).as(exchange.toString()).isEqualTo(200);
        assertThat(exchange.json().size()).isEqualTo(1);
        String refresh = exchange.json().get("refresh_token").asText();
        JsonNode claims = part(refresh, 1);
        assertThat(claims.get("grant_type").asText()).isEqualTo("refresh_token");
        assertThat(claims.get("tenant").asText()).isEqualTo(server.config().tenantId());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3 * 3600);
        assertThat(claims.at("/permissions/actions").toString()).contains("Microsoft.ContainerRegistry/registries/pull/read");

        Reply access = curl.call("-X", "POST", "https://" + ls + "/oauth2/token", "--data-urlencode", "grant_type=refresh_token",
                "--data-urlencode", "service=" + ls, "--data-urlencode", "scope=registry:catalog:*",
                "--data-urlencode", "refresh_token=" + refresh);
        assertThat(access.status()).as(access.toString()).isEqualTo(200);
        assertThat(part(access.json().get("access_token").asText(), 1).at("/access/0/actions/0").asText()).isEqualTo("*");

        // the refresh token as a Basic password with the zero GUID (docker login -u 00000000-... -p $TOKEN)
        Reply basic = curl.call("https://" + ls + "/oauth2/token?service=" + ls + "&scope=repository%3Ahello%3Apull",
                "-u", "00000000-0000-0000-0000-000000000000:" + refresh);
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
        // a refresh token is no access token
        assertThat(curl.call("https://" + ls + "/v2/", "-H", "Authorization: Bearer " + refresh).status()).isEqualTo(401);
    }

    @Test
    void azAcrLoginExposeToken() {
        Az az = Az.viaProxy(server).login(server);
        var r = az.run("acr", "login", "-n", name, "--expose-token");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode out = Json.parse(r.stdout());
        assertThat(out.get("loginServer").asText()).isEqualTo(ls);
        String token = out.get("accessToken").asText();
        assertThat(part(token, 1).get("aud").asText()).isEqualTo(ls);
        assertThat(r.stderr()).contains("docker login loginServer -u 00000000-0000-0000-0000-000000000000 -p accessToken");

        String tsv = az.ok("acr", "login", "--name", name, "--expose-token", "--output", "tsv", "--query", "accessToken").strip();
        Reply basic = curl.call("https://" + ls + "/oauth2/token?service=" + ls + "&scope=repository%3Ahello%3Apull%2Cpush",
                "-u", "00000000-0000-0000-0000-000000000000:" + tsv);
        assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
    }

    static JsonNode part(String jwt, int index) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
