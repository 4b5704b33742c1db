package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.arm.ArmErrorWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The front's own behaviour, over plain HTTP: routing rules, request context, errors, timers. */
class HttpFrontTest {

    static final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    static final HttpClient http = HttpClient.newHttpClient();
    static HttpFront front;

    @BeforeAll
    static void start() {
        Handler core = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                if (path.equals("/v2/fail")) throw ApiError.of(400, "UNSUPPORTED", "core surface refused");
                if (!path.startsWith("/v2/")) return false;
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap(RequestContext.of(request).requestId().getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        front = new HttpFront(new HttpFront.Settings("127.0.0.1", 0, null, null, 16, metrics),
                new SurfaceResolver(".azurecr.io"),
                Map.of(Surface.ARM, new ArmErrorWriter("t"), Surface.OPS, new ArmErrorWriter("t")),
                List.of(r -> r
                        .get("/cerulean/Echo/{name}", ex -> ex.send("text/plain", ex.pathParam("name").getBytes(StandardCharsets.UTF_8)))
                        .post("/cerulean/body", ex -> ex.send("text/plain", ex.body(16)))
                        .any("/subscriptions/*", ex -> ex.send("application/json", "{}".getBytes(StandardCharsets.UTF_8)))),
                List.of(core)).start();
    }

    @AfterAll
    static void stop() {
        front.stop();
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesMatchCaseInsensitivelyWithTrailingSlashesAndDecodedParams() throws Exception {
        assertThat(send("GET", "/CERULEAN/echo/a%40b/", null).body()).isEqualTo("a@b");
    }

    @Test
    void armAnswersCarryArmHeaders() throws Exception {
        HttpResponse<String> r = send("GET", "/subscriptions/x", null);
        assertThat(r.headers().firstValue("x-ms-request-id")).isPresent();
        assertThat(r.headers().firstValue("x-ms-ratelimit-remaining-subscription-reads")).contains("11999");
        assertThat(r.headers().allValues("Cache-Control")).containsExactly("no-cache");
        assertThat(r.headers().allValues("Expires")).containsExactly("-1");
        assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(r.headers().allValues("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
        assertThat(r.headers().allValues("x-ms-routing-request-id")).singleElement()
                .satisfies(v -> assertThat(v).startsWith("LOCAL:").endsWith(":" + r.headers().firstValue("x-ms-request-id").orElseThrow()));
    }

    @Test
    void unknownPathsAndMethodsAreErrorsInTheSurfacesShape() throws Exception {
        assertThat(send("GET", "/cerulean/nothing", null).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send("DELETE", "/cerulean/echo/x", null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"code\":\"MethodNotAllowed\"");
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        assertThat(send("POST", "/cerulean/body", "x".repeat(17)).statusCode()).isEqualTo(413);
        assertThat(send("POST", "/cerulean/body", "x".repeat(16)).body()).hasSize(16);
    }

    @Test
    void coreSurfacesGetTheRequestContextAndTimers() throws Exception {
        HttpResponse<String> r = send("GET", "/v2/", null);
        assertThat(r.body()).matches("[0-9a-f-]{36}");
        for (int i = 0; i < 100 && metrics.find("cerulean.http.requests").tag("surface", "core").timer() == null; i++) {
            Thread.sleep(20); // recorded when the answer's write completes, which may be after the client has it
        }
        assertThat(metrics.find("cerulean.http.requests").tag("status", "200").tag("surface", "core").timer())
                .isNotNull();
        HttpResponse<String> refused = send("GET", "/v2/fail", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("UNSUPPORTED");
    }
}
