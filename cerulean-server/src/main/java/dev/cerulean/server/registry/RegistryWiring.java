package dev.cerulean.server.registry;

import dev.cerulean.server.http.SurfaceResolver;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials;
import dev.cerulean.server.registry.auth.AccessDecision;
import dev.cerulean.server.registry.auth.RegistryAccess;
import dev.cerulean.server.registry.storage.FileBlobStore;
import dev.cerulean.server.registry.storage.RegistryContent;
import dev.cerulean.store.Stores;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Builds the registry's content side: the file blob store under {@code <data-dir>/registry}, the
 * content service over the SQL store, the core handler, and a background garbage collection.
 * {@code CeruleanServer.start} names it once.
 */
public final class RegistryWiring {

    private static final Logger log = LoggerFactory.getLogger(RegistryWiring.class);

    /** Anything a push made within this long is never collected. */
    public static final Duration GC_GRACE = Duration.ofHours(1);
    /** Upload sessions idle this long are abandoned. */
    public static final Duration UPLOAD_IDLE = Duration.ofHours(24);

    /**
     * Until the registry's authentication (branch h/acrauth, {@code RegistryAuth.access()}) is wired in,
     * every request is refused: content is never served unauthenticated.
     */
    public static final RegistryAccess AUTH_PENDING = (registry, authorization, needed) -> new AccessDecision.Refused(401,
            "UNAUTHORIZED", "authentication required, visit https://aka.ms/acr/authorization for more information.", null);

    private final RegistryContent content;
    private final RegistryHandler handler;

    private RegistryWiring(RegistryContent content, RegistryHandler handler) {
        this.content = content;
        this.handler = handler;
    }

    /**
     * @param credentials the control plane's registries ({@code ContainerRegistryProvider.credentials()})
     * @param access      the authentication and authorization seam every request goes through
     */
    public static RegistryWiring start(Path dataDir, String registrySuffix, Stores stores, RegistryCredentials credentials,
                                       RegistryAccess access, Clock clock) {
        return start(dataDir, false, registrySuffix, stores, credentials, access, clock);
    }

    /**
     * @param inMemory the server keeps nothing in its data dir ({@code --in-memory}): blob bytes go to a
     *                 temporary directory that is removed when the JVM exits, as the metadata is lost then
     */
    public static RegistryWiring start(Path dataDir, boolean inMemory, String registrySuffix, Stores stores,
                                       RegistryCredentials credentials, RegistryAccess access, Clock clock) {
        try {
            FileBlobStore blobs = new FileBlobStore(inMemory ? TemporaryBlobRoot.create() : dataDir.resolve("registry"));
            RegistryContent content = new RegistryContent(stores.registry(), stores.transactions(), blobs, clock);
            RegistryWiring wiring = new RegistryWiring(content,
                    new RegistryHandler(new SurfaceResolver(registrySuffix), credentials, access, content));
            wiring.collectWhileServing();
            return wiring;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the registry's blob store in " + dataDir.resolve("registry"), e);
        }
    }

    public Handler handler() {
        return handler;
    }

    public RegistryContent content() {
        return content;
    }

    /** Bytes stored for a registry (for {@code listUsages}). */
    public long storedBytes(String registryKey) {
        return content.store().storedBytes(registryKey);
    }

    /**
     * Garbage collection runs while the handler is started: the front that serves it starts it and,
     * when the server closes, stops it, so a closed server leaves no collector behind to run on its
     * closed store (ITs start many servers in one JVM).
     */
    private void collectWhileServing() {
        handler.addEventListener(new LifeCycle.Listener() {
            private ScheduledExecutorService gc;

            @Override
            public void lifeCycleStarted(LifeCycle event) {
                gc = scheduleCollection();
            }

            @Override
            public void lifeCycleStopping(LifeCycle event) {
                if (gc != null) gc.shutdownNow();
                gc = null;
            }
        });
    }

    private ScheduledExecutorService scheduleCollection() {
        ScheduledExecutorService gc = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cerulean-registry-gc");
            t.setDaemon(true);
            return t;
        });
        gc.scheduleWithFixedDelay(() -> {
            try {
                RegistryContent.Collected c = content.collect(GC_GRACE, UPLOAD_IDLE);
                if (c.blobs() + c.uploads() + c.links() > 0) log.info("registry GC: {}", c);
            } catch (RuntimeException e) {
                log.warn("registry GC failed", e);
            }
        }, 10, 10, TimeUnit.MINUTES);
        return gc;
    }
}
