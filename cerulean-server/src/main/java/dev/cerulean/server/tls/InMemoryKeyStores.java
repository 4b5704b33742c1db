package dev.cerulean.server.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** Builds the key stores handed to JSSE and Jetty; they live in memory only. */
final class InMemoryKeyStores {
    private InMemoryKeyStores() {}

    /**
     * A store with one key entry. JKS rather than PKCS12 because it never reaches disk and PKCS12
     * protects each key with PBKDF2 (10,000 rounds to store, again to read): on a cold JVM that was
     * ~180 ms of a start against ~20 ms for JKS, measured on the 2-core build machine.
     */
    static KeyStore withKey(String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
            throws GeneralSecurityException {
        KeyStore store = empty("JKS");
        store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
        return store;
    }

    /** A PKCS12 store with one trusted certificate: the form of the truststore file Java clients load. */
    static KeyStore withCertificate(String alias, X509Certificate certificate) throws GeneralSecurityException {
        KeyStore store = empty("PKCS12");
        store.setCertificateEntry(alias, certificate);
        return store;
    }

    /**
     * The truststore file's bytes: PKCS12 holding one trusted certificate, the certificate not
     * encrypted (the JDK's default wraps even a public certificate in PBES2 with 10,000 PBKDF2
     * rounds: ~80 ms of a first start's critical path on a cold JVM, protecting nothing), the
     * integrity MAC under {@code password} kept as keytool makes it. The JDK reads the choice from a
     * system property when the store is written; it is set for this one store and put back.
     */
    static synchronized byte[] trustStoreBytes(String alias, X509Certificate certificate, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = withCertificate(alias, certificate);
        String previousProtection = System.setProperty(CERT_PROTECTION, "NONE");
        String previousIterations = System.setProperty(MAC_ITERATIONS, "1");
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            store.store(bytes, password);
            return bytes.toByteArray();
        } finally {
            restore(CERT_PROTECTION, previousProtection);
            restore(MAC_ITERATIONS, previousIterations);
        }
    }

    private static final String CERT_PROTECTION = "keystore.pkcs12.certProtectionAlgorithm";
    /**
     * One round of the MAC's key derivation ({@code openssl pkcs12 -nomaciter}) instead of 10,000:
     * its password is the well-known "changeit", so rounds slow down no attacker, only the first
     * start (35 ms on its critical path) and every Java client that loads the file.
     */
    private static final String MAC_ITERATIONS = "keystore.pkcs12.macIterationCount";

    private static void restore(String property, String previous) {
        if (previous == null) System.clearProperty(property);
        else System.setProperty(property, previous);
    }

    private static KeyStore empty(String type) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("an empty key store cannot fail to load", e);
        }
        return store;
    }
}
