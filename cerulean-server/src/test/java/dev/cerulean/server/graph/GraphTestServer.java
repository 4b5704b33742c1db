package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.entra.EntraBootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** A whole server (in-memory store, port 0, no proxy) and a client for its Graph surface at {@code /graph}. */
final class GraphTestServer implements AutoCloseable {

    static final String AZ_CLIENT = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    record Answer(int status, String body) {
        JsonNode json() {
            return Json.parse(body);
        }
    }

    final CeruleanServer server;
    private final HttpClient http;
    final String appToken;

    GraphTestServer() {
        try {
            Path dir = Files.createTempDirectory("cerulean-graph-");
            server = CeruleanServer.start(ServerConfig.defaults().withPorts(0, -1).withDataDir(dir).withInMemory(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http = HttpClient.newBuilder().sslContext(sslContext()).build();
        appToken = clientToken(server.config().clientId(), server.config().clientSecret(), "https://graph.microsoft.com/");
    }

    private javax.net.ssl.SSLContext sslContext() {
        try {
            return dev.cerulean.server.tls.LocalCa.loadOrCreate(server.config().dataDir().resolve("tls"),
                    server.config().registrySuffix(), java.util.List.of()).clientSslContext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        return "https://localhost:" + server.httpsPort();
    }

    String tenantId() {
        return server.config().tenantId();
    }

    /** A client-credentials token; null when the token endpoint refuses. */
    String clientToken(String clientId, String secret, String resource) {
        Answer a = form("/" + tenantId() + "/oauth2/token", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret, "resource", resource));
        return a.status() == 200 ? a.json().get("access_token").asText() : null;
    }

    String userToken(String resource) {
        Answer a = form("/" + tenantId() + "/oauth2/token", Map.of("grant_type", "password", "client_id", AZ_CLIENT,
                "username", "dev@" + EntraBootstrap.DEFAULT_DOMAIN, "password", EntraBootstrap.DEV_USER_PASSWORD,
                "resource", resource));
        return a.json().get("access_token").asText();
    }

    Answer form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A Graph call with the development principal's Graph token; {@code path} is under {@code /graph/v1.0}. */
    Answer graph(String method, String path, String body) {
        return graph(method, path, body, appToken);
    }

    Answer graph(String method, String path, String body, String token) {
        String url = path.startsWith("https://") ? path : base() + "/graph/v1.0" + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        return send(b.build());
    }

    Answer arm(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
