package dev.cerulean.server.security;

import org.slf4j.LoggerFactory;

import java.security.Provider;

/**
 * The JCA provider for RS256 token signatures and new signing keys: the Amazon Corretto Crypto
 * Provider (AWS-LC) when its native library loads on this platform, about 1.5 times the JDK's
 * signatures per second on this project's machine; otherwise none (null), and the JDK's own
 * provider signs. It is asked for by name for RSA signatures and RSA key generation only and never
 * installed as a default, so TLS and everything else keep the JDK's providers. Resolved once, on
 * first use: right after ready, or on a first start by the thread generating the signing key.
 * {@code CERULEAN_RSA_PROVIDER=jdk} turns it off.
 */
public final class RsaProvider {
    private RsaProvider() {}

    private static final class Holder {
        static final Provider PROVIDER = load();
    }

    /** The faster provider, or null when the JDK's must be used. */
    public static Provider orNull() {
        return Holder.PROVIDER;
    }

    private static Provider load() {
        if ("jdk".equalsIgnoreCase(System.getenv("CERULEAN_RSA_PROVIDER"))) return null;
        AccpExtraction.into(dev.cerulean.server.config.UserCache.directory().resolve("accp"));
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
