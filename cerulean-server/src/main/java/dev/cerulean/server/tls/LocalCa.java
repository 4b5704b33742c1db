package dev.cerulean.server.tls;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-install certificate authority and the server certificate it signs. Both live in the
 * data directory so a user trusts the CA once and every later start reuses it (clients.md §1:
 * {@code REQUESTS_CA_BUNDLE}, {@code curl --cacert}, {@code NODE_EXTRA_CA_CERTS}, a Java
 * truststore, a skopeo cert dir). A normal restart only parses files with the JDK; keys and
 * certificates are made only when missing, expiring, or when the served names changed.
 *
 * <p>The CA is two certificates: the root clients trust, whose private key is discarded as soon as
 * it has signed the issuing CA, and the issuing CA that signs server certificates. Both carry the
 * same critical name constraints. OpenSSL and Go enforce them on the root already; the JDK ignores
 * constraints in a trust anchor and enforces them only on the issuing CA, and with the root key
 * gone nothing can be signed outside them.
 *
 * <pre>
 * tls/
 *   ca.pem          the root certificate, the file clients are pointed at
 *   ca.crt          the same bytes under the name {@code skopeo --cert-dir tls/} looks for
 *   truststore.p12  PKCS12 truststore holding only the root, password "changeit" (Java clients)
 *   issuer.pem      issuing CA private key (PKCS#8) and certificate; owner-only
 *   server.pem      server private key, server certificate, issuing CA certificate; owner-only
 *   .lock           held while loading, so processes starting together settle on one CA
 * </pre>
 */
public final class LocalCa {
    private static final Logger log = LoggerFactory.getLogger(LocalCa.class);

    static final Duration CA_VALIDITY = Duration.ofDays(3652);
    /** Under the 398-day ceiling browsers and Apple clients enforce for server certificates. */
    static final Duration SERVER_VALIDITY = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    static final String CA_PEM = "ca.pem";
    static final String CA_CRT = "ca.crt";
    static final String ISSUER_PEM = "issuer.pem";
    static final String TRUST_STORE = "truststore.p12";
    static final String SERVER_PEM = "server.pem";
    private static final String LOCK = ".lock";

    private static final String TRUST_STORE_PASSWORD = "changeit";
    private static final String SERVER_ALIAS = "cerulean";

    private final Path directory;
    private final ServedNames names;
    private final X509Certificate ca;
    private final ServerCredential server;
    private final KeyStore serverKeyStore;
    private final String serverKeyStorePassword;

    private LocalCa(Path directory, ServedNames names, X509Certificate ca, ServerCredential server)
            throws GeneralSecurityException {
        this.directory = directory;
        this.names = names;
        this.ca = ca;
        this.server = server;
        this.serverKeyStorePassword = randomPassword();
        this.serverKeyStore = InMemoryKeyStores.withKey(SERVER_ALIAS, server.key(), server.chain(),
                serverKeyStorePassword.toCharArray());
    }

    /**
     * Loads the CA and server certificate from {@code tlsDir}, making whatever is missing or stale.
     *
     * @param tlsDir         the TLS directory, e.g. {@code <dataDir>/tls}; created when absent
     * @param registrySuffix login-server suffix of registries, with or without leading dot
     * @param extraDnsNames  further DNS names for the server certificate (a leading {@code *.} is allowed)
     */
    public static LocalCa loadOrCreate(Path tlsDir, String registrySuffix, List<String> extraDnsNames)
            throws IOException {
        return loadOrCreate(tlsDir, ServedNames.of(registrySuffix, extraDnsNames), Instant.now());
    }

    static LocalCa loadOrCreate(Path tlsDir, ServedNames names, Instant now) throws IOException {
        Files.createDirectories(tlsDir);
        try (FileChannel lockFile = FileChannel.open(tlsDir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            X509Certificate root = readRoot(tlsDir, now);
            ServerCredential server = root == null ? null : readServer(tlsDir);
            if (server == null || !server.isCurrent(root, names, now, RENEW_BEFORE)) {
                IssuingCa issuer = root == null ? null : readIssuer(tlsDir, root, names);
                if (issuer == null) {
                    KeyPair rootKeys = CertificateIssuer.newKeyPair();
                    KeyPair issuerKeys = CertificateIssuer.newKeyPair();
                    String id = CertificateIssuer.randomId();
                    root = CertificateIssuer.newRootCa(rootKeys, "Cerulean Local CA " + id, names.constraintDomains(),
                            now, CA_VALIDITY);
                    issuer = new IssuingCa(issuerKeys.getPrivate(), CertificateIssuer.newIssuingCa(root,
                            rootKeys.getPrivate(), issuerKeys.getPublic(), "Cerulean Issuing CA " + id,
                            names.constraintDomains()));
                    // issuer.pem before ca.pem: an existing ca.pem always has its issuing CA on disk
                    AtomicFile.writePrivate(tlsDir.resolve(ISSUER_PEM),
                            ascii(PemFiles.encode(issuer.key()) + PemFiles.encode(issuer.certificate())));
                    AtomicFile.writePublic(tlsDir.resolve(CA_PEM), ascii(PemFiles.encode(root)));
                    log.info("Created local CA '{}'; clients trust it through {}", root.getSubjectX500Principal(),
                            tlsDir.resolve(CA_PEM));
                }
                server = issueServer(tlsDir, issuer, names, now);
            }
            writeDerivedFiles(tlsDir, root);
            return new LocalCa(tlsDir, names, root, server);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS material in " + tlsDir + " cannot be loaded or created", e);
        }
    }

    /** The keystore with the server key and chain, for Jetty's {@code SslContextFactory.Server}. */
    public KeyStore serverKeyStore() {
        return serverKeyStore;
    }

    /** Password of {@link #serverKeyStore()} and of its key entry; random per process, never persisted. */
    public String serverKeyStorePassword() {
        return serverKeyStorePassword;
    }

    /** The alias of the server key entry in {@link #serverKeyStore()}. */
    public String serverKeyAlias() {
        return SERVER_ALIAS;
    }

    /** The root certificate in PEM, for {@code REQUESTS_CA_BUNDLE}, {@code curl --cacert}, {@code NODE_EXTRA_CA_CERTS}. */
    public Path caCertificatePem() {
        return directory.resolve(CA_PEM);
    }

    /** A PKCS12 truststore holding only the root, for {@code -Djavax.net.ssl.trustStore}. */
    public Path trustStore() {
        return directory.resolve(TRUST_STORE);
    }

    public String trustStorePassword() {
        return TRUST_STORE_PASSWORD;
    }

    public String trustStoreType() {
        return "PKCS12";
    }

    public Path directory() {
        return directory;
    }

    public ServedNames servedNames() {
        return names;
    }

    /** The root certificate: what clients trust. */
    public X509Certificate caCertificate() {
        return ca;
    }

    public X509Certificate serverCertificate() {
        return server.certificate();
    }

    /**
     * A client {@link SSLContext} that trusts this CA and nothing else (tests, the CLI). The name
     * constraints hold here too, through the issuing CA on the path.
     */
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(InMemoryKeyStores.withCertificate("cerulean-ca", ca));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK TLS cannot be set up", e);
        }
    }

    /** The root certificate, or null when it is missing, unreadable or within the renewal window. */
    private static X509Certificate readRoot(Path dir, Instant now) {
        try {
            List<X509Certificate> certificates = PemFiles.certificates(PemFiles.readBlocks(dir.resolve(CA_PEM)));
            if (certificates.isEmpty()) {
                log.warn("{} holds no certificate; making a new CA", dir.resolve(CA_PEM));
                return null;
            }
            X509Certificate ca = certificates.get(0);
            if (!ca.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                log.warn("Local CA '{}' expires {}; replacing it, clients must trust the new {}",
                        ca.getSubjectX500Principal(), ca.getNotAfter().toInstant(), dir.resolve(CA_PEM));
                return null;
            }
            return ca;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | GeneralSecurityException e) {
            log.warn("{} cannot be read ({}); making a new CA", dir.resolve(CA_PEM), e.toString());
            return null;
        }
    }

    private static ServerCredential readServer(Path dir) {
        try {
            List<PemFiles.Block> blocks = PemFiles.readBlocks(dir.resolve(SERVER_PEM));
            return new ServerCredential(PemFiles.privateKey(blocks), PemFiles.certificates(blocks));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return null; // issued again below; nobody outside the process depends on this file
        }
    }

    /**
     * The issuing CA when it can still sign the server certificate: readable, issued by this root,
     * its key matching, and its name constraints covering every requested name. Null means a new
     * CA is needed; that is logged because users who copied the old root must copy the new one.
     */
    private static IssuingCa readIssuer(Path dir, X509Certificate root, ServedNames names) {
        Path file = dir.resolve(ISSUER_PEM);
        try {
            List<PemFiles.Block> blocks = PemFiles.readBlocks(file);
            List<X509Certificate> certificates = PemFiles.certificates(blocks);
            PrivateKey key = PemFiles.privateKey(blocks);
            if (certificates.isEmpty() || !isIssuedBy(certificates.get(0), root)
                    || !CertificateIssuer.isKeyOf(key, certificates.get(0))) {
                log.warn("{} does not belong to {}; making a new CA", file, dir.resolve(CA_PEM));
                return null;
            }
            List<String> permitted = CertificateIssuer.permittedDomains(certificates.get(0));
            for (String name : names.certificateDnsNames()) {
                if (!ServedNames.isCovered(name, permitted)) {
                    log.warn("Local CA '{}' may not sign for '{}'; making a new CA, clients must trust the new {}",
                            root.getSubjectX500Principal(), name, dir.resolve(CA_PEM));
                    return null;
                }
            }
            return new IssuingCa(key, certificates.get(0));
        } catch (IOException | GeneralSecurityException e) {
            log.warn("{} cannot be read ({}); making a new CA", file, e.toString());
            return null;
        }
    }

    private static boolean isIssuedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static ServerCredential issueServer(Path dir, IssuingCa issuer, ServedNames names, Instant now)
            throws GeneralSecurityException, IOException {
        KeyPair keys = CertificateIssuer.newKeyPair();
        X509Certificate certificate = CertificateIssuer.newServerCertificate(issuer.certificate(), issuer.key(),
                keys.getPublic(), names.certificateDnsNames(), names.certificateIpAddresses(), now, SERVER_VALIDITY);
        // Key and chain share one file so a crash can never pair a new key with an old certificate.
        String pem = PemFiles.encode(keys.getPrivate()) + PemFiles.encode(certificate)
                + PemFiles.encode(issuer.certificate());
        AtomicFile.writePrivate(dir.resolve(SERVER_PEM), ascii(pem));
        log.debug("Issued server certificate for {} until {}", names.certificateDnsNames(), certificate.getNotAfter());
        return new ServerCredential(keys.getPrivate(), List.of(certificate, issuer.certificate()));
    }

    /**
     * Writes ca.crt and the truststore when missing or older than ca.pem. ca.pem is written first,
     * so a crash in between leaves these older and the next start repairs them.
     */
    private static void writeDerivedFiles(Path dir, X509Certificate ca) throws IOException, GeneralSecurityException {
        Path caPem = dir.resolve(CA_PEM);
        Path caCrt = dir.resolve(CA_CRT);
        if (isOlderThan(caCrt, caPem)) {
            AtomicFile.writePublic(caCrt, ascii(PemFiles.encode(ca)));
        }
        Path trustStore = dir.resolve(TRUST_STORE);
        if (isOlderThan(trustStore, caPem)) {
            AtomicFile.writePublic(trustStore,
                    InMemoryKeyStores.trustStoreBytes("cerulean-ca", ca, TRUST_STORE_PASSWORD.toCharArray()));
        }
    }

    private static boolean isOlderThan(Path file, Path reference) throws IOException {
        return !Files.exists(file)
                || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(reference)) < 0;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "LocalCa[" + ca.getSubjectX500Principal() + ", " + directory + "]";
    }

    /** The issuing CA's key and certificate, needed only to sign a server certificate. */
    private record IssuingCa(PrivateKey key, X509Certificate certificate) {}
}
