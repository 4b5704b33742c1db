package dev.cerulean.server;

import dev.cerulean.core.json.Json;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;

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
     * Once the server answers: AWS-LC's native library and its self-tests (a fifth of the prewarm
     * thread's start-up samples, plus a pool thread) load before the first token is signed, without
     * competing with the start itself for the two cores. A first start has loaded it already, to
     * generate the signing key, which is cheaper with it than without.
     */
    static void afterReady() {
        // ACCP (RS256 signing, and AES-GCM for TLS records) loads its native library and self-tests: after ready
        Thread t = new Thread(() -> {
            dev.cerulean.server.security.RsaProvider.orNull();
            dev.cerulean.server.security.TlsCipherProvider.install();
        }, "cerulean-rsa-provider");
        t.setDaemon(true);
        t.start();
        providers = t;
    }

    private static volatile Thread providers;

    /**
     * For a stop: lets ACCP finish loading (a few hundred ms at most) so that its loader removes the
     * directory it unpacked into instead of leaving it to the next start's sweep.
     */
    static void awaitProviders() {
        Thread t = providers;
        if (t == null) return;
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
