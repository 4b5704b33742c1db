package dev.cerulean.server.security;

import org.slf4j.LoggerFactory;

import java.security.Provider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JCA provider for RS256 token signatures: the Amazon Corretto Crypto Provider (AWS-LC) when
 * its native library loads on this platform, about 1.5 times the JDK's signatures per second on
 * this project's machine; otherwise none (null), and the JDK's own provider signs. It is asked for
 * by name for RSA signatures only and never installed as a default, so TLS and everything else
 * keep the JDK's providers. {@code CERULEAN_RSA_PROVIDER=jdk} turns it off.
 * <p>
 * Loading it (AWS-LC's native library and its self-tests) takes a core for about 100 ms, so it
 * happens on a thread of its own (started shortly after the server answers, or by the first
 * signature, {@link #startLoading}), and
 * nothing waits for it: signers ask {@link #isSettled} and sign with the JDK until it is there.
 * The signatures are the same bytes either way (RS256 is deterministic).
 */
public final class RsaProvider {
    private RsaProvider() {}

    private static final CompletableFuture<Provider> LOADED = new CompletableFuture<>();
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** The faster provider, or null when the JDK's must be used; loads it on this thread if no one has started to. */
    public static Provider orNull() {
        if (STARTED.compareAndSet(false, true)) LOADED.complete(load());
        return LOADED.join();
    }

    /** Starts loading the provider on a thread of its own, once; returns at once. */
    public static void startLoading() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> LOADED.complete(load()), "cerulean-rsa-provider");
        t.setDaemon(true);
        t.start();
    }

    /** True once {@link #orNull} would answer without waiting. */
    public static boolean isSettled() {
        return LOADED.isDone();
    }

    private static Provider load() {
        if ("jdk".equalsIgnoreCase(System.getenv("CERULEAN_RSA_PROVIDER"))) return null;
        try {
            var accp = com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                LoggerFactory.getLogger(RsaProvider.class).debug("ACCP unavailable, RSA via the JDK", accp.getLoadingError());
                return null;
            }
            accp.assertHealthy();
            java.security.Signature.getInstance("SHA256withRSA", accp); // the algorithm is there
            return accp;
        } catch (Throwable e) {
            LoggerFactory.getLogger(RsaProvider.class).debug("ACCP unavailable, RSA via the JDK", e);
            return null;
        }
    }
}
