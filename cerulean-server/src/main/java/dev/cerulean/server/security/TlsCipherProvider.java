package dev.cerulean.server.security;

import org.slf4j.LoggerFactory;

import java.security.Provider;
import java.security.Security;

/**
 * Makes TLS record encryption use the Amazon Corretto Crypto Provider's AES-GCM (AWS-LC, about
 * twice the JDK 17 cipher's bytes per CPU-second on this project's machine), which is most of the
 * server's CPU when it streams a registry blob. The JDK's TLS asks JCA for
 * {@code AES/GCM/NoPadding} without naming a provider, so the first provider offering it wins: a
 * small provider is put first that offers that one transformation, served by ACCP. Nothing else
 * changes provider (RSA, EC, digests, random numbers stay the JDK's; {@link RsaProvider} asks for
 * ACCP's RSA by name). Does nothing when ACCP's native library does not load;
 * {@code CERULEAN_TLS_PROVIDER=jdk} turns it off.
 */
public final class TlsCipherProvider {

    static final String NAME = "CeruleanAesGcm";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private TlsCipherProvider() {}

    /** Installs the provider once; answers whether AES-GCM now comes from ACCP. */
    public static synchronized boolean install() {
        if (Security.getProvider(NAME) != null) return true;
        if ("jdk".equalsIgnoreCase(System.getenv("CERULEAN_TLS_PROVIDER"))) return false;
        Provider accp = RsaProvider.orNull();
        Provider.Service gcm = accp == null ? null : accp.getService("Cipher", TRANSFORMATION);
        if (gcm == null) return false;
        Security.insertProviderAt(new AesGcmOnly(gcm), 1);
        LoggerFactory.getLogger(TlsCipherProvider.class).debug("AES-GCM (TLS records) from {}", accp.getName());
        return true;
    }

    /** Offers exactly one service, ACCP's AES-GCM; answers nothing for every other lookup. */
    private static final class AesGcmOnly extends Provider {
        private final transient Service gcm;

        AesGcmOnly(Service gcm) {
            super(NAME, "1.0", "AES/GCM/NoPadding from " + gcm.getProvider().getName());
            this.gcm = gcm;
        }

        @Override
        public Service getService(String type, String algorithm) {
            return "Cipher".equalsIgnoreCase(type) && TRANSFORMATION.equalsIgnoreCase(algorithm) ? gcm : null;
        }

        @Override
        public java.util.Set<Service> getServices() {
            return java.util.Set.of(gcm);
        }
    }
}
