package dev.cerulean.server;

import dev.cerulean.core.json.Json;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;

/**
 * Start-up work that needs no configuration, done on the second core while the main thread parses
 * the command line and loads the CA (and another thread opens the store): Jetty's server classes
 * first (their static set-up lists every locale the JDK knows, which the main thread would
 * otherwise wait for when it opens the connector), the JDK's TLS provider, the JSON mapper, the JWT
 * library's classes, logging. Most of a cold start is class loading and interpretation, which
 * parallelises; the throwaway objects made here are never used.
 */
final class Prewarm {
    private Prewarm() {}

    private static Thread started;

    static synchronized void start() {
        if (started != null) return;
        started = new Thread(() -> {
            try {
                new Server();
                new SslContextFactory.Server();
                javax.net.ssl.SSLContext.getInstance("TLS");
                Json.object();
                org.slf4j.LoggerFactory.getLogger(Prewarm.class);
                Class.forName("com.nimbusds.jose.crypto.RSASSASigner");
                Class.forName("com.nimbusds.jwt.SignedJWT");
            } catch (Throwable ignored) {
                // only a head start: the real start-up path loads whatever this could not
            }
        }, "cerulean-prewarm");
        started.setDaemon(true);
        started.start();
    }

    /**
     * Shortly after the server answers: ACCP (RS256 signing, and AES-GCM for TLS records) loads
     * AWS-LC's native library and runs its self-tests, a core for ~100 ms. Done at once, that
     * competed with the first requests (the first 200 came ~40 ms later on JDK 25); nothing waits
     * for it, since the JDK signs and encrypts until it is there, and a first signature starts it
     * sooner ({@code RsaProvider.startLoading}).
     */
    static void afterReady() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(AFTER_READY_DELAY_MS);
            } catch (InterruptedException e) {
                return;
            }
            dev.cerulean.server.security.TlsCipherProvider.install(); // loads ACCP here unless a signature has
        }, "cerulean-after-ready");
        t.setDaemon(true);
        t.start();
    }

    private static final long AFTER_READY_DELAY_MS = 500;

    /** {@code $XDG_CACHE_HOME/cerulean}, else {@code ~/.cache/cerulean}: files derived from the jar, safe to delete. */
    static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cerulean");
    }
}
