package dev.cerulean.it.arm;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, table-driven: each row is a request a client could get wrong and the status and code
 * Azure answers with. After every row the resource it aimed at must not exist (nothing changed),
 * and no answer may be a 500 or carry a stack trace.
 */
class BadInputIT {

    record Case(String name, String method, String path, String body, Map<String, String> headers, int status, String code) {
        @Override public String toString() { return name; }
    }

    static CeruleanServer server;
    static Https https;
    static String sub;
    static String rg;
    static String forgedToken;
    static String vaultToken;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.shared();
        https = new Https(server);
        sub = server.config().subscriptionId();
        rg = "bad-input-" + UUID.randomUUID().toString().substring(0, 8);
        https.arm("PUT", "/subscriptions/" + sub + "/resourceGroups/" + rg + "?api-version=2021-04-01", "{\"location\":\"westus\"}");
        RSAKey other = new RSAKeyGenerator(2048).keyID("forged").generate();
        var claims = new JWTClaimsSet.Builder().audience("https://management.azure.com/")
                .issuer("https://sts.windows.net/" + server.config().tenantId() + "/").subject("x")
                .claim("oid", UUID.randomUUID().toString()).claim("tid", server.config().tenantId())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(), claims);
        jwt.sign(new RSASSASigner(other));
        forgedToken = jwt.serialize();
        var c = server.config();
        vaultToken = https.form("/" + c.tenantId() + "/oauth2/token", Map.of("grant_type", "client_credentials",
                "resource", "https://vault.azure.net", "client_id", c.clientId(), "client_secret", c.clientSecret()))
                .json().get("access_token").asText();
    }

    static Stream<Case> cases() {
        String w = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Cerulean.Test/widgets/target";
        String json = "application/json";
        return Stream.of(
                new Case("malformed JSON", "PUT", w + "?api-version=2024-06-01", "{\"location\": ", h(json), 400, "InvalidRequestContent"),
                new Case("array body", "PUT", w + "?api-version=2024-06-01", "[1,2]", h(json), 400, "InvalidRequestContent"),
                new Case("wrong content type", "PUT", w + "?api-version=2024-06-01", "location=westus", h("text/plain"), 415, "UnsupportedMediaType"),
                new Case("missing api-version", "PUT", w, "{\"location\":\"westus\"}", h(json), 400, "MissingApiVersionParameter"),
                new Case("malformed api-version", "PUT", w + "?api-version=banana", "{\"location\":\"westus\"}", h(json), 400, "InvalidApiVersionParameter"),
                new Case("unknown namespace", "PUT", "/subscriptions/{sub}/resourceGroups/{rg}/providers/Nope.Nothing/things/target?api-version=2024-06-01",
                        "{\"location\":\"westus\"}", h(json), 404, "InvalidResourceNamespace"),
                new Case("unknown type", "PUT", "/subscriptions/{sub}/resourceGroups/{rg}/providers/Cerulean.Test/doohickeys/target?api-version=2024-06-01",
                        "{\"location\":\"westus\"}", h(json), 404, "InvalidResourceType"),
                new Case("location missing", "PUT", w + "?api-version=2024-06-01", "{}", h(json), 400, "LocationRequired"),
                new Case("unknown location", "PUT", w + "?api-version=2024-06-01", "{\"location\":\"mars\"}", h(json), 400, "LocationNotAvailableForResourceType"),
                new Case("resource group name with invalid characters", "PUT", "/subscriptions/{sub}/resourcegroups/bad!name?api-version=2021-04-01",
                        "{\"location\":\"westus\"}", h(json), 400, "InvalidResourceGroup"),
                new Case("resource group name ending with a period", "PUT", "/subscriptions/{sub}/resourcegroups/dot.?api-version=2021-04-01",
                        "{\"location\":\"westus\"}", h(json), 400, "InvalidResourceGroup"),
                new Case("oversized body", "PUT", w + "?api-version=2024-06-01",
                        "{\"location\":\"westus\",\"tags\":{\"x\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}}", h(json), 413, "RequestEntityTooLarge"),
                new Case("wrong method on a resource group", "POST", "/subscriptions/{sub}/resourcegroups/{rg}?api-version=2021-04-01",
                        "{}", h(json), 405, "MethodNotAllowed"),
                new Case("malformed subscription id", "PUT", "/subscriptions/not-a-guid/resourcegroups/x?api-version=2021-04-01",
                        "{\"location\":\"westus\"}", h(json), 400, "InvalidSubscriptionId"),
                new Case("unknown subscription", "PUT", "/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/x?api-version=2021-04-01",
                        "{\"location\":\"westus\"}", h(json), 404, "SubscriptionNotFound"),
                new Case("missing token", "PUT", w + "?api-version=2024-06-01", "{\"location\":\"westus\"}", noAuth(), 401, "AuthenticationFailed"),
                new Case("not a bearer token", "PUT", w + "?api-version=2024-06-01", "{\"location\":\"westus\"}", auth("Basic Zm9vOmJhcg=="), 401, null),
                new Case("garbage token", "PUT", w + "?api-version=2024-06-01", "{\"location\":\"westus\"}", auth("Bearer abc.def.ghi"), 401, "InvalidAuthenticationToken"),
                new Case("forged token", "PUT", w + "?api-version=2024-06-01", "{\"location\":\"westus\"}", null, 401, "InvalidAuthenticationToken"),
                new Case("wrong audience", "PUT", w + "?api-version=2024-06-01", "{\"location\":\"westus\"}", null, 401, "InvalidAuthenticationTokenAudience"),
                new Case("unknown path", "GET", "/subscriptions/{sub}/frobnicate?api-version=2021-04-01", null, h(json), 404, "InvalidResourceType")
        );
    }

    static Map<String, String> h(String contentType) {
        return Map.of("Content-Type", contentType);
    }

    static Map<String, String> noAuth() {
        return Map.of("Content-Type", "application/json", "X-No-Auth", "1");
    }

    static Map<String, String> auth(String value) {
        return Map.of("Content-Type", "application/json", "Authorization", value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAzuresStatusAndCodeAndChangesNothing(Case c) {
        String path = c.path().replace("{sub}", sub).replace("{rg}", rg);
        Map<String, String> headers = new HashMap<>();
        if (c.headers() != null) headers.putAll(c.headers());
        if (c.name().equals("forged token")) headers.put("Authorization", "Bearer " + forgedToken);
        else if (c.name().equals("wrong audience")) headers.put("Authorization", "Bearer " + vaultToken);
        else if (!headers.containsKey("Authorization") && !headers.containsKey("X-No-Auth")) headers.put("Authorization", "Bearer " + https.token());
        headers.remove("X-No-Auth");
        headers.putIfAbsent("Content-Type", "application/json");
        var r = https.send(c.method(), path, c.body(), headers);
        assertThat(r.status()).as(c.name() + ": " + r.body()).isEqualTo(c.status());
        if (c.code() != null) assertThat(r.json().at("/error/code").asText()).as(c.name()).isEqualTo(c.code());
        assertThat(r.json().at("/error/message").asText()).as(c.name()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        if (c.status() == 401) assertThat(r.header("WWW-Authenticate")).as(c.name()).startsWith("Bearer authorization_uri=");
        var after = https.arm("GET", "/subscriptions/" + sub + "/resourceGroups/" + rg
                + "/providers/Cerulean.Test/widgets/target?api-version=2024-06-01", null);
        assertThat(after.status()).as("nothing changed after " + c.name()).isEqualTo(404);
    }

    @Test
    void connectToANonAzureHostIsRefusedWith403() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.proxyPort())) {
            OutputStream out = s.getOutputStream();
            out.write("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 403");
        }
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        try (CeruleanServer shortLived = TestServers.start(c -> new dev.cerulean.server.config.ServerConfig(c.host(), c.httpsPort(),
                c.proxyPort(), c.dataDir(), c.inMemory(), c.databaseUrl(), c.strictApiVersions(), c.tenantId(), c.subscriptionId(),
                c.clientId(), c.clientSecret(), c.registrySuffix(), java.time.Duration.ofSeconds(2), c.maxBodyBytes(), c.lroPolls(),
                c.lroOverrides(), c.authorization()))) {
            Https client = new Https(shortLived);
            String token = client.token();
            Thread.sleep(3500);
            var r = client.send("GET", "/subscriptions/" + sub + "/resourcegroups?api-version=2021-04-01", null,
                    Map.of("Authorization", "Bearer " + token));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("ExpiredAuthenticationToken");
            assertThat(r.header("WWW-Authenticate")).isNotNull();
        }
    }

    @Test
    void strictApiVersionsListTheSupportedOnes() {
        try (CeruleanServer strict = TestServers.start(c -> c.withStrictApiVersions(true))) {
            Https client = new Https(strict);
            var r = client.arm("GET", "/subscriptions/" + sub + "/resourcegroups?api-version=2099-01-01", null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("InvalidApiVersionParameter");
            assertThat(r.json().at("/error/message").asText()).contains("2021-04-01");
            var lenient = https.arm("GET", "/subscriptions/" + sub + "/resourcegroups?api-version=2099-01-01", null);
            assertThat(lenient.status()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedEscapeInThePathIsA400InArmShape() {
        // Java's HttpClient refuses to send such a URL, so curl sends it as is.
        String curl = dev.cerulean.it.support.Tools.require("curl").toString();
        var r = dev.cerulean.it.support.Processes.run(List.of(curl, "-sS", "--path-as-is", "--cacert",
                server.caCertificate().toString(), "-w", "\n%{http_code}", "https://localhost:" + server.httpsPort()
                        + "/subscriptions/" + sub + "/resourcegroups/bad%zzname?api-version=2021-04-01"), Map.of(), null, 30);
        String[] lines = r.stdout().trim().split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("400");
        assertThat(dev.cerulean.core.json.Json.parse(lines[0]).at("/error/code").asText()).isEqualTo("BadRequest");
    }
}
