package dev.cerulean.server.http;

import dev.cerulean.server.arm.ArmErrorWriter;
import dev.cerulean.server.ops.OpsRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector listens before the surfaces are wired: 503 (health says starting) until the front starts on it. */
class StartingGateTest {

    static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers503UntilTheFrontStartsThenServesIt() throws Exception {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpFront.Settings settings = new HttpFront.Settings("127.0.0.1", 0, null, null, 1 << 10, metrics);
        HttpFront.Listening listening = HttpFront.listen(settings);
        HttpFront front = null;
        try {
            int port = listening.port();
            HttpResponse<String> health = get(port, "/cerulean/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"starting\"}");
            HttpResponse<String> arm = get(port, "/subscriptions?api-version=2022-12-01");
            assertThat(arm.statusCode()).isEqualTo(503);
            assertThat(arm.headers().firstValue("Retry-After")).contains("1");
            assertThat(arm.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(arm.body()).contains("\"code\":\"ServiceUnavailable\"");

            front = new HttpFront(settings, new SurfaceResolver(".azurecr.io"),
                    Map.of(Surface.ARM, new ArmErrorWriter("t"), Surface.OPS, new ArmErrorWriter("t")),
                    List.of(new OpsRoutes(() -> true, metrics, "memory")::register), List.of()).start(listening);
            assertThat(front.port()).isEqualTo(port);
            HttpResponse<String> ready = get(port, "/cerulean/health");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"");
        } finally {
            if (front != null) front.stop();
            else listening.close();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
