package dev.cerulean.server.registry;

import dev.cerulean.server.arm.ArmErrorWriter;
import dev.cerulean.server.http.HttpFront;
import dev.cerulean.server.http.Surface;
import dev.cerulean.server.http.SurfaceResolver;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials;
import dev.cerulean.server.registry.auth.AccessDecision;
import dev.cerulean.server.registry.auth.RegistryAccess;
import dev.cerulean.server.registry.auth.RegistryErrors;
import dev.cerulean.server.tls.LocalCa;
import dev.cerulean.store.Stores;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's content side on a real HTTPS front, over a SQLite file store and a file blob store
 * in {@code dir}, with one registry ({@code myreg}, at {@code localhost} and {@code myreg.azurecr.io})
 * and a test {@link RegistryAccess}: {@code myreg:secret} may do everything, {@code limited:secret}
 * everything except on repository {@code private}; nothing else is let in.
 */
public final class RegistryTestbed implements AutoCloseable {

    public static final String KEY = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerregistry/registries/myreg";
    public static final RegistryCredentials.RegistryView VIEW = new RegistryCredentials.RegistryView(KEY,
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myreg", "myreg",
            "myreg.azurecr.io", "Standard", true, false, true);
    public static final String ADMIN = basic("myreg", "secret");
    public static final String LIMITED = basic("limited", "secret");

    public final Path dir;
    public final Stores stores;
    public final RegistryWiring wiring;
    public final LocalCa ca;
    private final HttpFront front;
    public final HttpClient http;

    private RegistryTestbed(Path dir, Stores stores, RegistryWiring wiring, LocalCa ca, HttpFront front) {
        this.dir = dir;
        this.stores = stores;
        this.wiring = wiring;
        this.ca = ca;
        this.front = front;
        this.http = HttpClient.newBuilder().sslContext(ca.clientSslContext()).build();
    }

    public static RegistryTestbed start(Path dir, int port) throws Exception {
        return start(dir, port, ACCESS);
    }

    /** With another access policy, e.g. {@link #BASIC_ONLY} for clients that cannot reach a token endpoint. */
    public static RegistryTestbed start(Path dir, int port, RegistryAccess access) throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir.resolve("tls"), ".azurecr.io", List.of());
        Stores stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("cerulean.db")));
        RegistryWiring wiring = RegistryWiring.start(dir, ".azurecr.io", stores, CREDENTIALS, access, Clock.systemUTC());
        HttpFront front = new HttpFront(
                new HttpFront.Settings("127.0.0.1", port, ca.serverKeyStore(), ca.serverKeyStorePassword(), 1 << 20,
                        new SimpleMeterRegistry()),
                new SurfaceResolver(".azurecr.io"), Map.of(Surface.ARM, new ArmErrorWriter("t"), Surface.OPS, new ArmErrorWriter("t")),
                List.of(), List.of(wiring.handler())).start();
        return new RegistryTestbed(dir, stores, wiring, ca, front);
    }

    public int port() {
        return front.port();
    }

    public String base() {
        return "https://localhost:" + port();
    }

    public HttpResponse<byte[]> send(String method, String path, String authorization, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("https:") ? path : base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) b.header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        front.stop();
        stores.close();
    }

    static final RegistryAccess ACCESS = (registry, authorization, needed) -> {
        String scope = needed == null ? "" : ",scope=\"" + needed.asString() + "\"";
        String bearer = "Bearer realm=\"https://" + registry.loginServer() + "/oauth2/token\",service=\"" + registry.loginServer()
                + "\"" + scope;
        if (authorization == null) {
            return new AccessDecision.Refused(401, "UNAUTHORIZED",
                    "authentication required, visit https://aka.ms/acr/authorization for more information.", bearer);
        }
        if (authorization.equals(ADMIN)) return new AccessDecision.Allowed("myreg");
        if (authorization.equals(LIMITED)) {
            boolean onPrivate = needed != null && needed.type().equals("repository") && needed.name().equals("private");
            return onPrivate ? RegistryErrors.denied(registry.loginServer(), needed, needed) : new AccessDecision.Allowed("limited");
        }
        return new AccessDecision.Refused(401, "UNAUTHORIZED",
                "authentication required, visit https://aka.ms/acr/authorization for more information.",
                "Basic realm=\"Azure Container Registry\"");
    };

    /** The admin user only, challenging with Basic (as ACR does after a failed Basic login), so no token endpoint is needed. */
    static final RegistryAccess BASIC_ONLY = (registry, authorization, needed) -> ADMIN.equals(authorization)
            ? new AccessDecision.Allowed("myreg")
            : new AccessDecision.Refused(401, "UNAUTHORIZED",
                    "authentication required, visit https://aka.ms/acr/authorization for more information.",
                    "Basic realm=\"Azure Container Registry\"");

    static final RegistryCredentials CREDENTIALS = new RegistryCredentials() {
        @Override
        public Optional<RegistryView> registryByLoginServer(String host) {
            String name = SurfaceResolver.hostName(host);
            return name.equals("localhost") || name.equals("myreg.azurecr.io") ? Optional.of(VIEW) : Optional.empty();
        }

        @Override public Optional<TokenView> token(String registryKey, String tokenName) { return Optional.empty(); }
        @Override public boolean verifyTokenPassword(String tokenKey, String password) { return false; }
        @Override public boolean verifyAdminPassword(String registryKey, String password) { return false; }
    };
}
