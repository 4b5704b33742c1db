package dev.cerulean.server;

import dev.cerulean.server.arm.ArmErrorWriter;
import dev.cerulean.server.arm.ArmHttp;
import dev.cerulean.server.arm.ArmPipeline;
import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.server.arm.LroSettings;
import dev.cerulean.server.arm.ProviderRegistry;
import dev.cerulean.server.arm.builtin.CloudMetadata;
import dev.cerulean.server.arm.builtin.Providers;
import dev.cerulean.server.arm.builtin.ResourceGroups;
import dev.cerulean.server.arm.builtin.Subscriptions;
import dev.cerulean.server.arm.generic.Listing;
import dev.cerulean.server.arm.generic.ResourceHandler;
import dev.cerulean.server.arm.lro.Operations;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.entra.EntraBootstrap;
import dev.cerulean.server.entra.EntraErrorWriter;
import dev.cerulean.server.entra.EntraRoutes;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.server.directory.NewServicePrincipal;
import dev.cerulean.server.providers.DependentProviders;
import dev.cerulean.server.providers.authorization.AuthorizationWiring;
import dev.cerulean.server.providers.authorization.locks.LocksWiring;
import dev.cerulean.server.providers.containerregistry.ContainerRegistryProvider;
import dev.cerulean.server.providers.containerregistry.SecretSealer;
import dev.cerulean.server.registry.auth.RegistryAuth;
import dev.cerulean.server.registry.RegistryWiring;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.entra.keys.SigningKeys;
import dev.cerulean.server.graph.GraphSurface;
import dev.cerulean.server.http.HttpFront;
import dev.cerulean.server.ml.MachineLearning;
import dev.cerulean.server.http.Surface;
import dev.cerulean.server.http.SurfaceResolver;
import dev.cerulean.server.ops.EndpointsFile;
import dev.cerulean.server.ops.OpsRoutes;
import dev.cerulean.server.proxy.ConnectProxy;
import dev.cerulean.server.security.Principal;
import dev.cerulean.server.security.TokenVerifier;
import dev.cerulean.server.tls.LocalCa;
import dev.cerulean.store.Stores;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The composition root: builds every store, engine, provider and route with plain constructors,
 * in dependency order, and starts the HTTPS front and the CONNECT proxy. {@code Main} and the
 * tests both start servers through {@link #start}.
 */
public final class CeruleanServer implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CeruleanServer.class);

    private final ServerConfig config;
    private final Stores stores;
    private final LocalCa ca;
    private final HttpFront front;
    private final ConnectProxy proxy;
    private final EndpointsFile endpoints;

    private CeruleanServer(ServerConfig config, Stores stores, LocalCa ca, HttpFront front, ConnectProxy proxy,
                           EndpointsFile endpoints) {
        this.config = config;
        this.stores = stores;
        this.ca = ca;
        this.front = front;
        this.proxy = proxy;
        this.endpoints = endpoints;
    }

    public static CeruleanServer start(ServerConfig config) {
        return start(config, List.of());
    }

    /**
     * Starts a server and returns once every surface is wired (health answers 200). The connector
     * listens from early on, answering 503 until then; the store opens on another thread meanwhile.
     * {@code extraProviders} lets tests plug in providers of their own.
     */
    public static CeruleanServer start(ServerConfig config, List<ResourceProvider> extraProviders) {
        Clock clock = Clock.systemUTC();
        StartPhases phases = new StartPhases();
        Prewarm.start();
        createDirectories(config.dataDir());
        // A first start's RSA signing key is generated on the other core while the CA and the store are made.
        var keyAhead = isNewDatabase(config) ? SigningKeys.generateAhead(clock) : null;
        CompletableFuture<Stores> storesAhead = CompletableFuture.supplyAsync(() -> openStores(config), CeruleanServer::onOwnThread);
        HttpFront.Listening listening = null;
        Stores stores = null;
        HttpFront front = null;
        ConnectProxy proxy = null;
        try {
            LocalCa ca = loadCa(config);
            phases.mark("tls");
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            HttpFront.Settings http = new HttpFront.Settings(config.host(), config.httpsPort(), ca.serverKeyStore(),
                    ca.serverKeyStorePassword(), config.maxBodyBytes(), metrics);
            listening = HttpFront.listen(http);
            phases.mark("connector");
            stores = opened(storesAhead);
            phases.mark("store");
            front = wire(config, extraProviders, clock, keyAhead, stores, http, metrics, phases).start(listening);
            if (config.proxyPort() >= 0) {
                proxy = new ConnectProxy(config.host(), config.proxyPort(), front.port(),
                        ConnectProxy.defaultAllowList(config.registrySuffix()));
                proxy.start();
            }
            // written once ready: a client that finds the file finds a server answering 200
            EndpointsFile endpoints = endpointsFile(config, ca, front.port(), proxy == null ? -1 : proxy.port());
            endpoints.write(config.dataDir());
            phases.mark("ready");
            log.info("{}", phases);
            Prewarm.afterReady();
            return new CeruleanServer(config, stores, ca, front, proxy, endpoints);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException(e);
            cleanUp(failure, proxy, front, listening, stores, storesAhead);
            throw failure;
        } catch (RuntimeException | Error e) {
            cleanUp(e, proxy, front, listening, stores, storesAhead);
            throw e;
        }
    }

    /** Every store, provider and surface, in dependency order: the front that serves them, not yet started. */
    private static HttpFront wire(ServerConfig config, List<ResourceProvider> extraProviders, Clock clock,
                                  CompletableFuture<String> keyAhead, Stores stores, HttpFront.Settings http,
                                  PrometheusMeterRegistry metrics, StartPhases phases) throws IOException {
        SigningKeys keys = keyAhead == null ? SigningKeys.loadOrCreate(stores.values(), clock)
                : SigningKeys.loadOrCreate(stores.values(), keyAhead::join);
        new EntraBootstrap(config, stores.identities(), stores.transactions(), stores.values(), clock).run();
        TokenVerifier verifier = TokenVerifier.forArm(keys, stores.identities(), clock);
        AuthorizationWiring authorization = AuthorizationWiring.start(config, stores, clock);
        phases.mark("entra");

        List<ResourceProvider> providers = new ArrayList<>();
        DependentProviders dependents = DependentProviders.create(config, stores, clock);
        providers.addAll(dependents.all());
        SecretSealer sealer = SecretSealer.loadOrCreate(SecretSealer.keyFile(config.dataDir()));
        ContainerRegistryProvider acr = new ContainerRegistryProvider(stores.resources(), stores.secrets(), clock,
                config.registrySuffix(), sealer, () -> List.of(config.subscriptionId()), stores.registry());
        providers.add(acr);
        LocksWiring locks = new LocksWiring(stores, clock);
        providers.add(locks.withLocks(authorization.provider()));
        providers.add(MachineLearning.provider(stores, clock, dependents, providers));
        providers.addAll(extraProviders);
        ProviderRegistry registry = new ProviderRegistry(providers);
        Function<String, ProviderRegistry.ResolvedType> typeOfKey = key -> typeOf(registry, key);
        LroSettings lro = new LroSettings(config.lroOverrides(), config.lroPolls());
        Operations operations = new Operations(stores.operations(), stores.transactions(), clock);
        ResourceHandler resources = new ResourceHandler(stores.resources(), stores.secrets(), stores.transactions(),
                operations, lro, clock, typeOfKey);
        Subscriptions subscriptions = new Subscriptions(config.subscriptionId(), config.tenantId(), stores.identities());
        ArmRoutes arm = new ArmRoutes(new ArmPipeline(header -> caller(verifier.verify(header)), config.strictApiVersions()),
                registry, subscriptions,
                new ResourceGroups(stores.resources(), stores.secrets(), stores.transactions(), operations, lro, clock, typeOfKey),
                new Providers(registry, stores.values()), resources, new Listing(stores.resources()), operations,
                new CloudMetadata(config.registrySuffix()), authorization.arm().withLocks(locks.guard()));
        dev.cerulean.server.deployments.DeploymentsWiring.install(arm, stores.resources(), stores.transactions(), sealer, clock);
        phases.mark("arm");

        EntraRoutes entra = new EntraRoutes(config, stores.identities(), stores.values(), keys, clock);
        OpsRoutes ops = new OpsRoutes(() -> true, metrics, stores.backend());
        RegistryAuth registryAuth = new RegistryAuth(config.registrySuffix(), acr.credentials(), stores.identities(),
                stores.values(), keys, authorization.evaluator(), sub -> tenantOf(config, sub), clock);
        RegistryWiring registryContent = RegistryWiring.start(config.dataDir(), config.inMemory(), config.registrySuffix(), stores,
                acr.credentials(), registryAuth.access(), clock);
        HttpFront front = new HttpFront(http, new SurfaceResolver(config.registrySuffix()),
                Map.of(Surface.ARM, new ArmErrorWriter(config.tenantId()), Surface.ENTRA, new EntraErrorWriter(clock),
                        Surface.OPS, new ArmErrorWriter(config.tenantId())),
                List.of(new ArmHttp(arm, config.maxBodyBytes())::register, entra::register, ops::register),
                List.of(registryAuth.tokenEndpoints(), registryContent.handler(),
                        MachineLearning.regionalApi(stores, keys, clock, config.maxBodyBytes()),
                        GraphSurface.handler(stores, keys, config.registrySuffix(), config.maxBodyBytes(), clock)));
        phases.mark("surfaces");
        return front;
    }

    /** The store opened on its own thread; its failure is thrown as it was, not wrapped. */
    private static Stores opened(CompletableFuture<Stores> storesAhead) {
        try {
            return storesAhead.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    private static void onOwnThread(Runnable task) {
        Thread t = new Thread(task, "cerulean-store-open");
        t.setDaemon(true);
        t.start();
    }

    /**
     * After a failed start: closes what was opened, newest first (the proxy; the front, whose stop also
     * stops its surfaces' threads, or else the bare connector; the store, including one still opening).
     * A close that fails is added to {@code failure} and does not keep the others open.
     */
    private static void cleanUp(Throwable failure, ConnectProxy proxy, HttpFront front, HttpFront.Listening listening,
                                Stores stores, CompletableFuture<Stores> storesAhead) {
        List<Runnable> steps = new ArrayList<>();
        if (proxy != null) steps.add(proxy::close);
        if (front != null) steps.add(front::stop);
        else if (listening != null) steps.add(listening::close);
        if (stores != null) steps.add(stores::close);
        else steps.add(() -> storesAhead.thenAccept(Stores::close));
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** {@code cerulean sp create}: a new service principal in the default tenant; the secret is shown once. */
    public static String createServicePrincipal(ServerConfig config, String displayName) {
        createDirectories(config.dataDir());
        try (Stores stores = openStores(config)) {
            new EntraBootstrap(config, stores.identities(), stores.transactions(), stores.values(), Clock.systemUTC()).run();
            NewServicePrincipal created = new Directory(stores.identities(), stores.transactions(), Clock.systemUTC())
                    .createWithSecret(config.tenantId(), displayName);
            ObjectNode out = Json.object();
            out.put("appId", created.appId());
            out.put("displayName", created.displayName());
            out.put("password", created.secret());
            out.put("objectId", created.objectId()); // what role assignments name as principalId
            out.put("tenant", created.tenantId());
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalCa loadCa(ServerConfig config) {
        try {
            return LocalCa.loadOrCreate(config.dataDir().resolve("tls"), config.registrySuffix(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create the local CA in " + config.dataDir().resolve("tls"), e);
        }
    }

    /** A SQLite file not made yet, or memory: no signing key can be stored there. */
    private static boolean isNewDatabase(ServerConfig config) {
        if (config.databaseUrl() != null && !config.databaseUrl().isBlank()) return false;
        return config.inMemory() || !Files.exists(config.dataDir().resolve(dev.cerulean.store.jdbc.StoreSettings.DATABASE_FILE));
    }

    private static Stores openStores(ServerConfig config) {
        // before sqlite-jdbc first loads: otherwise it extracts and checksums its library in /tmp on every start
        dev.cerulean.store.jdbc.SqliteNativeLibrary.cacheIn(dev.cerulean.server.config.UserCache.directory());
        return JdbcStores.open(StoreSettings.forServer(config.databaseUrl(), config.inMemory(), config.dataDir()));
    }

    /** The one subscription's tenant; null for any other subscription. */
    private static String tenantOf(ServerConfig config, String subscriptionId) {
        return config.subscriptionId().equalsIgnoreCase(subscriptionId) ? config.tenantId() : null;
    }

    private static Caller caller(Principal p) {
        return new Caller(p.tenantId(), p.objectId(), p.createdBy(), p.createdByType());
    }

    /** The declared type of a stored resource, read from its key (type segments match case-insensitively). */
    private static ProviderRegistry.ResolvedType typeOf(ProviderRegistry registry, String key) {
        var id = dev.cerulean.core.id.ResourceId.parse(key);
        if (id == null || !id.isProviderResource()) return null;
        return registry.find(id.namespace(), id.typePath());
    }

    private static EndpointsFile endpointsFile(ServerConfig c, LocalCa ca, int httpsPort, int proxyPort) {
        String local = "https://localhost:" + httpsPort;
        return new EndpointsFile(local + "/", local + "/", proxyPort < 0 ? null : "http://127.0.0.1:" + proxyPort,
                c.tenantId(), c.subscriptionId(), c.clientId(), c.clientSecret(),
                ca.caCertificatePem().toAbsolutePath().toString(), httpsPort, proxyPort);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }

    /** What {@code cerulean serve} prints once it is ready. */
    public String banner() {
        StringBuilder b = new StringBuilder("Cerulean is ready (store: ").append(stores.backend()).append(")\n");
        endpoints.asMap().forEach((k, v) -> b.append(String.format("  %-15s %s%n", k, v)));
        b.append("  truststore      ").append(ca.trustStore().toAbsolutePath()).append(" (password ")
                .append(ca.trustStorePassword()).append(")\n");
        if (endpoints.proxyUrl() != null) {
            b.append("Use the stock az and curl:  export HTTPS_PROXY=").append(endpoints.proxyUrl())
                    .append(" REQUESTS_CA_BUNDLE=").append(endpoints.caCertificate()).append('\n');
        }
        return b.toString();
    }

    public int httpsPort() { return front.port(); }
    public int proxyPort() { return proxy == null ? -1 : proxy.port(); }
    public Path caCertificate() { return ca.caCertificatePem(); }
    public Path trustStore() { return ca.trustStore(); }
    public String trustStorePassword() { return ca.trustStorePassword(); }
    public EndpointsFile endpoints() { return endpoints; }
    public ServerConfig config() { return config; }
    public Stores stores() { return stores; }

    @Override
    public void close() {
        Prewarm.awaitProviders();
        if (proxy != null) proxy.close();
        front.stop();
        stores.close();
    }

}
