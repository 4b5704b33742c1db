package dev.cerulean.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import dev.cerulean.server.tls.LocalCa;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Real clients through the proxy to a Jetty HTTPS listener configured the way Cerulean's server
 * is, with {@link LocalCa#serverKeyStore()}: curl (OpenSSL) and the JDK's HttpClient reach
 * {@code https://management.azure.com/...} and trust the chain under the public host name.
 */
class ProxyEndToEndTest {

    @TempDir
    static Path dataDir;

    private static LocalCa ca;
    private static Server jetty;
    private static int httpsPort;
    private static ConnectProxy proxy;

    @BeforeAll
    static void start() throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.eclipse.jetty")).setLevel(Level.INFO);
        ca = LocalCa.loadOrCreate(dataDir.resolve("tls"), ".azurecr.io", List.of());
        jetty = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(ca.serverKeyStore());
        tls.setKeyStorePassword(ca.serverKeyStorePassword());
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer());
        ServerConnector connector = new ServerConnector(jetty, tls, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
                Content.Sink.write(response, true, "healthy " + Request.getServerName(request), callback);
                return true;
            }
        });
        jetty.start();
        httpsPort = connector.getLocalPort();
        proxy = new ConnectProxy("127.0.0.1", 0, httpsPort, ConnectProxy.defaultAllowList(".azurecr.io")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) proxy.close();
        if (jetty != null) jetty.stop();
    }

    @Test
    void curlReachesArmHostNameThroughTheProxyTrustingOnlyCaPem() throws Exception {
        Curl result = curl("https://management.azure.com/health");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("healthy management.azure.com");
    }

    @Test
    void curlReachesRegistryHostNameThroughTheProxy() throws Exception {
        Curl result = curl("https://myregistry.azurecr.io/v2/");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("healthy myregistry.azurecr.io");
    }

    @Test
    void curlToHostOutsideAzureIsRefusedByTheProxy() throws Exception {
        Curl result = curl("https://example.com/");

        assertThat(result.exitCode()).isEqualTo(56); // CURLE_RECV_ERROR: the CONNECT failed
        assertThat(result.stderr()).contains("403");
    }

    @Test
    void javaHttpClientReachesEntraHostNameThroughTheProxy() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
                .sslContext(ca.clientSslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://login.microsoftonline.com/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy login.microsoftonline.com");
    }

    @Test
    void javaHttpClientReachesLocalhostDirectly() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ca.clientSslContext()).build();

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy localhost");
    }

    record Curl(int exitCode, String stdout, String stderr) {}

    private static Curl curl(String url) throws IOException, InterruptedException {
        assumeTrue(onPath("curl"), "curl is not on PATH");
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20",
                "--proxy", "http://127.0.0.1:" + proxy.port(), "--cacert", ca.caCertificatePem().toString(), url));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        for (String variable : List.copyOf(env.keySet())) {
            if (variable.toLowerCase().endsWith("_proxy")) env.remove(variable); // only --proxy applies
        }
        env.remove("CURL_CA_BUNDLE");
        env.remove("SSL_CERT_FILE");
        env.remove("SSL_CERT_DIR");
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        return new Curl(process.exitValue(), stdout, stderr);
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
