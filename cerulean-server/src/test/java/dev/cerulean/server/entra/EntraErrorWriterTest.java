package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.RequestContext;
import dev.cerulean.server.http.Surface;
import dev.cerulean.server.http.RoutesServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EntraErrorWriterTest {

    static RoutesServer app;
    static final HttpClient http = HttpClient.newHttpClient();
    static final MutableClock clock = new MutableClock(Instant.parse("2023-06-02T21:00:26.512Z"));

    @BeforeAll
    static void start() {
        EntraErrorWriter writer = new EntraErrorWriter(clock);
        app = new RoutesServer(routes -> routes
                .get("/secret", ex -> { throw EntraErrors.invalidClientSecret("app-1"); })
                .get("/traced", ex -> { throw EntraErrors.invalidClientSecret("app-1"); })
                .get("/throttled", ex -> { throw EntraErrors.invalidScope("x").withHeader("Retry-After", "60"); })
                .get("/plain", ex -> { throw EntraErrors.endpointNotFound("/plain"); }),
                writer, request -> request.getHttpURI().getPath().equals("/traced")
                        ? new RequestContext("trace-guid", "corr-guid", Surface.ENTRA, "https://localhost:8443") : null);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void writesTheOAuthErrorShape() throws Exception {
        HttpResponse<String> response = get("/secret");
        JsonNode body = Json.parse(response.body());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).matches(OAuthErrorAssert.JSON_UTF8);
        assertThat(body.get("error").asText()).isEqualTo("invalid_client");
        assertThat(body.get("error_codes").get(0).isInt()).isTrue();
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.get("timestamp").asText()).isEqualTo("2023-06-02 21:00:26Z");
        assertThat(body.get("error_uri").asText()).isEqualTo("https://login.microsoftonline.com/error?code=7000215");
        assertThat(body.get("trace_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("error_description").asText()).isEqualTo(
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the "
                        + "client secret value, not the client secret ID, for a secret added to app 'app-1'."
                        + "\r\nTrace ID: " + body.get("trace_id").asText()
                        + "\r\nCorrelation ID: " + body.get("correlation_id").asText()
                        + "\r\nTimestamp: 2023-06-02 21:00:26Z");
    }

    @Test
    void echoesClientRequestIdAsCorrelationId() throws Exception {
        JsonNode body = Json.parse(get("/secret", "client-request-id", "5f3b0c1e-aaaa-bbbb-cccc-000000000001").body());

        assertThat(body.get("correlation_id").asText()).isEqualTo("5f3b0c1e-aaaa-bbbb-cccc-000000000001");
        assertThat(body.get("error_description").asText())
                .contains("\r\nCorrelation ID: 5f3b0c1e-aaaa-bbbb-cccc-000000000001\r\n");
    }

    @Test
    void usesTheRequestIdOfTheHttpFrontAsTraceId() throws Exception {
        JsonNode body = Json.parse(get("/traced").body());

        assertThat(body.get("trace_id").asText()).isEqualTo("trace-guid");
        assertThat(body.get("correlation_id").asText()).isEqualTo("corr-guid");
    }

    @Test
    void neverSendsRetryAfterOnA4xx() throws Exception {
        HttpResponse<String> response = get("/throttled");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void errorWithoutAadstsNumberHasNoPrefix() throws Exception {
        HttpResponse<String> response = get("/plain");
        JsonNode body = Json.parse(response.body());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body.get("error_codes").size()).isZero();
        assertThat(body.get("error_description").asText()).startsWith("The requested path '/plain' was not found.");
        assertThat(body.has("error_uri")).isFalse();
    }
}
