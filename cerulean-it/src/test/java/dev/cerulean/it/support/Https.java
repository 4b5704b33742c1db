package dev.cerulean.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.CeruleanServer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

/** A plain HTTPS client for raw-protocol assertions against a started server, trusting its CA. */
public final class Https {

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            return body == null || body.isEmpty() ? null : Json.parse(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final CeruleanServer server;
    private final HttpClient client;
    private String token;

    public Https(CeruleanServer server) {
        this.server = server;
        this.client = HttpClient.newBuilder().sslContext(sslContext(server)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public String base() {
        return "https://localhost:" + server.httpsPort();
    }

    /** An ARM token for the development service principal (v1 client credentials, as seed 004 does). */
    public synchronized String token() {
        if (token == null) {
            var c = server.config();
            Response r = form("/" + c.tenantId() + "/oauth2/token", Map.of("grant_type", "client_credentials",
                    "resource", "https://management.azure.com/", "client_id", c.clientId(), "client_secret", c.clientSecret()));
            if (r.status() != 200) throw new AssertionError("token request failed: " + r);
            token = r.json().get("access_token").asText();
        }
        return token;
    }

    /** An ARM request with the development principal's bearer token. */
    public Response arm(String method, String path, String jsonBody) {
        return send(method, path, jsonBody, Map.of("Authorization", "Bearer " + token(), "Content-Type", "application/json"));
    }

    public Response form(String path, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> {
            if (b.length() > 0) b.append('&');
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return send("POST", path, b.toString(), Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    public Response send(String method, String pathOrUrl, String body, Map<String, String> headers) {
        String url = pathOrUrl.startsWith("https://") ? pathOrUrl : base() + pathOrUrl;
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(rb::header);
        try {
            HttpResponse<String> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static SSLContext sslContext(CeruleanServer server) {
        try (InputStream in = Files.newInputStream(server.trustStore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, server.trustStorePassword().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the server's trust store", e);
        }
    }
}
