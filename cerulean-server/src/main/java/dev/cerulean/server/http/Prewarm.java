package dev.cerulean.server.http;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Loads the HTTP stack's classes on a second core while the main thread opens the store and the
 * keys. Most of a cold start is class loading and interpretation, which parallelises: the throwaway
 * objects made here are never started or used.
 */
public final class Prewarm {
    private Prewarm() {}

    public static Thread start() {
        Thread t = new Thread(() -> {
            try {
                new Server();
                new SslContextFactory.Server();
                javax.net.ssl.SSLContext.getDefault();
            } catch (Throwable ignored) {
                // only a head start: the real start-up path loads whatever this could not
            }
        }, "cerulean-prewarm");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
