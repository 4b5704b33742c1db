package dev.cerulean.it.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.acr.ProxyCurl;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002, {@code Registries - Generate Credentials}: the REST contract with curl through the proxy
 * (docs' host names) and with {@code az rest}: request fields tokenId, expiry and name; the
 * GenerateCredentialsResult (username, passwords with name, value, creationTime, expiry); the
 * ErrorResponse; and the asynchronous form (202 + Location, polled to a 200 with the result) on a
 * server configured for it, which {@code az acr token} must also get through.
 */
class Seed002GenerateCredentialsIT {

    static final String ASYNC = "Microsoft.ContainerRegistry/registries:generateCredentials=location:1";

    static CeruleanServer server;
    static AcrFixtures fx;
    static ProxyCurl curl;
    static String registryId;
    static String url;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        curl = new ProxyCurl(server);
        registryId = fx.registry(fx.resourceGroup("seed002-"), AcrFixtures.unique("seedgen"), "Basic", false);
        url = "https://management.azure.com" + registryId + "/generateCredentials?api-version=2023-01-01-preview";
    }

    private static String newToken(AcrFixtures fixtures, String registry) {
        return fixtures.token(registry, AcrFixtures.unique("tok-"), registry + "/scopeMaps/_repositories_pull");
    }

    @Test
    void bothPasswordsWithAnExpiry() {
        String tokenId = newToken(fx, registryId);
        // the sample's expiry (2020-12-31T15:59:59.0707808Z) is in the past, which Cerulean refuses; same form, future date
        var r = curl.arm("POST", url, "{\"tokenId\": \"" + tokenId + "\", \"expiry\": \"2099-12-31T15:59:59.0707808Z\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode result = r.json();
        assertThat(result.get("username").asText()).isEqualTo(tokenId.substring(tokenId.lastIndexOf('/') + 1));
        assertThat(result.get("passwords")).extracting(p -> p.get("name").asText()).containsExactly("password1", "password2");
        for (JsonNode p : result.get("passwords")) {
            assertThat(p.get("value").asText()).matches("[A-Za-z0-9+/=]{32}");
            assertThat(Instant.parse(p.get("expiry").asText().replace("+00:00", "Z"))).isEqualTo(Instant.parse("2099-12-31T15:59:59.0707808Z"));
            assertThat(p.get("creationTime").asText()).isNotBlank();
        }
        assertThat(result.at("/passwords/0/value").asText()).isNotEqualTo(result.at("/passwords/1/value").asText());

        JsonNode stored = fx.get(tokenId).at("/properties/credentials/passwords");
        assertThat(stored).hasSize(2);
        stored.forEach(p -> assertThat(p.has("value")).as("values are shown once only").isFalse());
    }

    @Test
    void oneNamedPasswordLeavesTheOtherAlone() {
        String tokenId = newToken(fx, registryId);
        assertThat(curl.arm("POST", url, "{\"tokenId\": \"" + tokenId + "\"}").status()).isEqualTo(200);
        JsonNode before = fx.get(tokenId).at("/properties/credentials/passwords");

        var r = curl.arm("POST", url, "{\"tokenId\": \"" + tokenId + "\", \"name\": \"password2\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("passwords")).extracting(p -> p.get("name").asText()).containsExactly("password2");
        assertThat(r.json().at("/passwords/0").has("expiry")).as("no expiry asked, none shown").isFalse();
        JsonNode after = fx.get(tokenId).at("/properties/credentials/passwords");
        assertThat(after.get(0)).as("password1 untouched").isEqualTo(before.get(0));
    }

    @Test
    void errorResponses() {
        String tokenId = newToken(fx, registryId);
        JsonNode before = fx.get(tokenId);
        record Bad(String body, int status, String code) {}
        List<Bad> cases = List.of(
                new Bad("{\"tokenId\": \"" + registryId + "/tokens/nosuchtoken\"}", 404, "ResourceNotFound"),
                new Bad("{\"tokenId\": \"" + tokenId + "\", \"name\": \"password3\"}", 400, "InvalidPasswordName"),
                new Bad("{\"tokenId\": \"" + tokenId + "\", \"expiry\": \"next tuesday\"}", 400, "InvalidParameter"),
                new Bad("{\"tokenId\": \"" + tokenId + "\", \"expiry\": \"2020-12-31T15:59:59.0707808Z\"}", 400, "InvalidParameter"),
                new Bad("{\"expiry\": \"2099-12-31T15:59:59Z\"}", 400, "InvalidParameter"));
        for (Bad bad : cases) {
            var r = curl.arm("POST", url, bad.body());
            assertThat(r.status()).as(bad + " -> " + r).isEqualTo(bad.status());
            // ErrorResponse: {"error": {"code", "message", (details, target)}}
            assertThat(r.json().at("/error/code").asText()).as(bad.body()).isEqualTo(bad.code());
            assertThat(r.json().at("/error/message").asText()).as(bad.body()).isNotBlank();
            assertThat(r.body()).doesNotContain("Exception");
        }
        assertThat(fx.get(tokenId)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void azRest() {
        Az az = Az.viaProxy(server).login(server);
        String tokenId = newToken(fx, registryId);
        JsonNode result = az.json("rest", "--method", "post", "--url", url,
                "--body", "{'tokenId': '" + tokenId + "', 'expiry': '2099-06-30T00:00:00Z', 'name': 'password1'}");
        assertThat(result.get("passwords")).hasSize(1);
        assertThat(result.at("/passwords/0/name").asText()).isEqualTo("password1");
        assertThat(result.at("/passwords/0/expiry").asText()).isEqualTo("2099-06-30T00:00:00+00:00");

        var missing = az.run("rest", "--method", "post", "--url", url, "--body", "{'tokenId': '" + registryId + "/tokens/nosuchtoken'}");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("Not Found(").contains("\"code\":\"ResourceNotFound\"");
    }

    @Test
    void asyncFormWithLocation() {
        try (CeruleanServer async = TestServers.start(c -> c.withLroOverrides(List.of(ASYNC)))) {
            AcrFixtures afx = new AcrFixtures(async);
            ProxyCurl acurl = new ProxyCurl(async);
            String registry = AcrFixtures.unique("seedasync");
            String regId = afx.registry(afx.resourceGroup("seed002a-"), registry, "Basic", false);
            String tokenId = newToken(afx, regId);
            String aurl = "https://management.azure.com" + regId + "/generateCredentials?api-version=2023-01-01-preview";

            var accepted = acurl.arm("POST", aurl, "{\"tokenId\": \"" + tokenId + "\", \"expiry\": \"2099-12-31T15:59:59Z\"}");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            assertThat(accepted.body()).isEmpty();
            String location = accepted.header("Location");
            assertThat(location).startsWith("https://management.azure.com/subscriptions/" + async.config().subscriptionId() + "/");
            assertThat(accepted.header("Retry-After")).isNotNull();

            var polling = acurl.arm("GET", location, null);
            assertThat(polling.status()).as("one poll in progress").isEqualTo(202);
            assertThat(polling.header("Location")).isNotNull();
            var done = acurl.arm("GET", location, null);
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
            assertThat(done.json().get("username").asText()).isEqualTo(tokenId.substring(tokenId.lastIndexOf('/') + 1));
            assertThat(done.json().get("passwords")).extracting(p -> p.get("name").asText()).containsExactly("password1", "password2");
            done.json().get("passwords").forEach(p -> assertThat(p.get("value").asText()).matches("[A-Za-z0-9+/=]{32}"));

            // az polls the Location (acr.md §4.4 step 6) and merges the result into the token it prints
            Az az = Az.viaProxy(async).login(async);
            JsonNode t = az.json("acr", "token", "create", "-n", "asyncToken", "-r", registry, "--scope-map", "_repositories_pull");
            assertThat(t.at("/credentials/username").asText()).isEqualTo("asyncToken");
            assertThat(t.at("/credentials/passwords")).hasSize(2);
            t.at("/credentials/passwords").forEach(p -> assertThat(p.get("value").asText()).matches("[A-Za-z0-9+/=]{32}"));
            JsonNode one = az.json("acr", "token", "credential", "generate", "-n", "asyncToken", "-r", registry, "--password2");
            assertThat(one.get("passwords")).extracting(p -> p.get("name").asText()).containsExactly("password2");
        }
    }

    @Test
    void asyncFormRefusesBadRequestsAtOnce() {
        try (CeruleanServer async = TestServers.start(c -> c.withLroOverrides(List.of(ASYNC)))) {
            AcrFixtures afx = new AcrFixtures(async);
            String regId = afx.registry(afx.resourceGroup("seed002b-"), AcrFixtures.unique("seedasyncerr"), "Basic", false);
            String tokenId = newToken(afx, regId);
            ProxyCurl acurl = new ProxyCurl(async);
            String aurl = "https://management.azure.com" + regId + "/generateCredentials?api-version=2023-01-01-preview";
            // seed 002: "If the resource does not exist, 404 (Not found) is returned" — at once, not as a 202 that fails later
            record Bad(String body, int status, String code) {}
            for (Bad bad : List.of(new Bad("{\"tokenId\": \"" + regId + "/tokens/nosuchtoken\"}", 404, "ResourceNotFound"),
                    new Bad("{\"tokenId\": \"" + tokenId + "\", \"name\": \"password3\"}", 400, "InvalidPasswordName"),
                    new Bad("{\"tokenId\": \"" + tokenId + "\", \"expiry\": \"2020-12-31T15:59:59Z\"}", 400, "InvalidParameter"))) {
                var r = acurl.arm("POST", aurl, bad.body());
                assertThat(r.status()).as(bad + " -> " + r).isEqualTo(bad.status());
                assertThat(r.header("Location")).isNull();
                assertThat(r.json().at("/error/code").asText()).isEqualTo(bad.code());
            }
            assertThat(afx.get(tokenId).at("/properties/credentials/passwords")).as("nothing generated").isEmpty();
        }
    }
}
