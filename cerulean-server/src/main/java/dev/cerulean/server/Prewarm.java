package dev.cerulean.server;

import dev.cerulean.core.json.Json;
import dev.cerulean.store.jdbc.SqliteNativeLibrary;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.nio.file.Path;

/**
 * Start-up work that needs no configuration, done on the second core while the main thread parses
 * the command line, loads the CA and opens the store: logging, SQLite's native library, the JSON
 * mapper, Jetty's and the JWT library's classes. Most of a cold start is class loading and
 * interpretation, which parallelises; the throwaway objects made here are never used.
 */
final class Prewarm {
    private Prewarm() {}

    private static Thread started;

    static synchronized void start() {
        if (started != null) return;
        started = new Thread(() -> {
            try {
                org.slf4j.LoggerFactory.getLogger(Prewarm.class);
                SqliteNativeLibrary.cacheIn(cacheDirectory());
                org.sqlite.SQLiteJDBCLoader.initialize();
                Json.object();
                new Server();
                new SslContextFactory.Server();
                Class.forName("com.nimbusds.jose.crypto.RSASSASigner");
                Class.forName("com.nimbusds.jwt.SignedJWT");
                dev.cerulean.server.security.TlsCipherProvider.install(); // loads AWS-LC's native library, if any
            } catch (Throwable ignored) {
                // only a head start: the real start-up path loads whatever this could not
            }
        }, "cerulean-prewarm");
        started.setDaemon(true);
        started.start();
    }

    /** {@code $XDG_CACHE_HOME/cerulean}, else {@code ~/.cache/cerulean}: files derived from the jar, safe to delete. */
    static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cerulean");
    }
}
