package dev.cerulean.server.http;

import dev.cerulean.server.arm.ArmErrorWriter;
import dev.cerulean.server.tls.LocalCa;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Core surface handlers answer their own requests first and leave the others to the routed surfaces. */
class CoreSurfacesTest {

    @Test
    void coreHandlersAreConsultedFirst(@TempDir Path dir) throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir.resolve("tls"), ".azurecr.io", List.of());
        Handler probe = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (Request.getPathInContext(request).equals("/core-broken")) throw new AssertionError("internal detail");
                if (!Request.getPathInContext(request).equals("/core-probe")) return false;
                response.setStatus(200);
                response.write(true, ByteBuffer.wrap("core".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        HttpFront front = new HttpFront(
                new HttpFront.Settings("127.0.0.1", 0, ca.serverKeyStore(), ca.serverKeyStorePassword(), 1 << 20,
                        new SimpleMeterRegistry()),
                new SurfaceResolver(".azurecr.io"), Map.of(Surface.ARM, new ArmErrorWriter("t"), Surface.OPS, new ArmErrorWriter("t")),
                List.of(r -> r.get("/cerulean/routed", ex -> ex.send("text/plain", "routed".getBytes(StandardCharsets.UTF_8)))),
                List.of(probe)).start();
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(ca.clientSslContext()).build();
            String base = "https://localhost:" + front.port();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/core-probe")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("core");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/cerulean/routed")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("routed");
            // an Error escaping a surface answers ARM's 5xx shape without echoing what was thrown
            HttpResponse<String> broken = http.send(HttpRequest.newBuilder(URI.create(base + "/core-broken")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).contains("InternalServerError").doesNotContain("internal detail")
                    .doesNotContain("AssertionError");
        } finally {
            front.stop();
        }
    }
}
