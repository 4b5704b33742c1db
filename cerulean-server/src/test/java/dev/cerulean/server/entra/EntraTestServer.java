package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.http.RequestContext;
import dev.cerulean.server.http.Surface;
import dev.cerulean.store.Tenant;
import dev.cerulean.server.http.RoutesServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Entra routes on a real Jetty over plain HTTP on port 0, with in-memory stores, the
 * development bootstrap already run, and a small HTTP client. Start one per test class: key
 * generation and the development user's PBKDF2 hash make starting cost a few hundred milliseconds.
 */
public final class EntraTestServer implements AutoCloseable {

    public final ServerConfig config = ServerConfig.defaults();
    public final dev.cerulean.store.Stores stores = InMemoryDirectory.open();
    public final dev.cerulean.store.IdentityStore identities = stores.identities();
    public final InMemoryKeyValueStore values = new InMemoryKeyValueStore();
    public final MutableClock clock = MutableClock.atSystemTime();
    public final SigningKeys keys;
    public final Tenant tenant;
    private final RoutesServer app;
    private final HttpClient http = HttpClient.newHttpClient();

    private EntraTestServer(String publicBaseUrl) {
        keys = SigningKeys.loadOrCreate(values, clock);
        new EntraBootstrap(config, identities, stores.transactions(), values, clock).run();
        tenant = identities.tenant(config.tenantId()).orElseThrow();
        EntraRoutes routes = new EntraRoutes(config, identities, values, keys, clock);
        EntraErrorWriter writer = new EntraErrorWriter(clock);
        app = new RoutesServer(routes::register, writer, publicBaseUrl == null ? null
                : request -> new RequestContext("trace-1", "corr-1", Surface.ENTRA, publicBaseUrl));
    }

    public static EntraTestServer start() {
        return new EntraTestServer(null);
    }

    /** A server whose HTTP front says the client addressed it as {@code publicBaseUrl}. */
    public static EntraTestServer startAddressedAs(String publicBaseUrl) {
        return new EntraTestServer(publicBaseUrl);
    }

    public int port() {
        return app.port();
    }

    public String base() {
        return "http://localhost:" + app.port();
    }

    public String tenantId() {
        return tenant.tenantId();
    }

    public String devUser() {
        return EntraBootstrap.developmentUserName(tenant);
    }

    public static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A client-credentials token for {@code scope} from the v2 endpoint of the development tenant. */
    public String appToken(String scope) {
        HttpResponse<String> response = post("/" + tenantId() + "/oauth2/v2.0/token", form(
                "grant_type", "client_credentials", "client_id", config.clientId(),
                "client_secret", config.clientSecret(), "scope", scope));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + response.body());
        }
        return json(response).get("access_token").asText();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return Json.parse(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
        stores.close();
    }
}
