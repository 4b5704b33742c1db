package dev.cerulean.server.tls;

import static dev.cerulean.server.tls.TlsTestSupport.subjectAltNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalCaTest {
    private static final String NAME_CONSTRAINTS = "2.5.29.30";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    @TempDir
    Path dir;

    @Test
    void firstStartWritesTheTlsDirectory() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThat(dir.resolve("ca.pem")).isEqualTo(ca.caCertificatePem()).isRegularFile();
        assertThat(dir.resolve("truststore.p12")).isEqualTo(ca.trustStore()).isRegularFile();
        assertThat(dir.resolve("ca.crt")).hasSameBinaryContentAs(dir.resolve("ca.pem"));
        assertThat(dir.resolve("issuer.pem")).isRegularFile();
        assertThat(dir.resolve("server.pem")).isRegularFile();
    }

    @Test
    void theTruststoreHoldsTheRootUnderChangeitWithItsMacKept() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(ca.trustStore())) {
            store.load(in, "changeit".toCharArray());
        }
        assertThat(java.util.Collections.list(store.aliases())).hasSize(1);
        String alias = store.aliases().nextElement();
        assertThat(store.isCertificateEntry(alias)).isTrue();
        assertThat(store.getCertificate(alias)).isEqualTo(ca.caCertificate());
        try (var in = java.nio.file.Files.newInputStream(ca.trustStore())) {
            assertThatThrownBy(() -> java.security.KeyStore.getInstance("PKCS12").load(in, "wrong".toCharArray()))
                    .as("the integrity MAC is still checked").isInstanceOf(java.io.IOException.class);
        }
        assertThat(System.getProperty("keystore.pkcs12.certProtectionAlgorithm")).as("put back").isNull();
        var pfx = org.bouncycastle.asn1.pkcs.Pfx.getInstance(java.nio.file.Files.readAllBytes(ca.trustStore()));
        assertThat(pfx.getMacData().getIterationCount()).as("one MAC round under a public password")
                .isEqualTo(java.math.BigInteger.ONE);
        assertThat(System.getProperty("keystore.pkcs12.macIterationCount")).as("put back").isNull();
    }

    @Test
    void restartLoadsTheSameCaAndServerCertificate() throws Exception {
        LocalCa first = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        LocalCa second = LocalCa.loadOrCreate(dir, "azurecr.io", List.of());

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isEqualTo(first.serverCertificate());
    }

    @Test
    void caIsNameConstrainedCriticallyToServedNamesAndLoopback() throws Exception {
        X509Certificate ca = LocalCa.loadOrCreate(dir, ".azurecr.local", List.of()).caCertificate();

        assertThat(ca.getCriticalExtensionOIDs()).contains(NAME_CONSTRAINTS);
        assertThat(CertificateIssuer.permittedDomains(ca)).containsExactly("localhost", "management.azure.com",
                "management.core.windows.net", "login.microsoftonline.com", "login.windows.net",
                "login.microsoft.com", "sts.windows.net", "graph.microsoft.com", "azurecr.local", "api.azureml.ms",
                "experiments.azureml.net", "modelmanagement.azureml.net", "aether.ms", "studioservice.azureml.com");
    }

    @Test
    void rootMayOnlyCertifyTheIssuingCa() throws Exception {
        X509Certificate root = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of()).caCertificate();

        assertThat(root.getBasicConstraints()).isEqualTo(1); // CA:true; one CA may sit below it
        assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(root.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertThat(root.getKeyUsage()[0]).as("digitalSignature").isFalse();
        assertThat(root.getSubjectX500Principal().getName()).matches("CN=Cerulean Local CA [0-9a-f]{8},O=Cerulean");
        assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant()).toDays())
                .isBetween(3650L, 3653L);
    }

    @Test
    void issuingCaIsConstrainedLikeTheRootAndMaySignOnlyServerCertificates() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());
        X509Certificate issuer = issuingCa(ca);

        assertThat(issuer.getIssuerX500Principal()).isEqualTo(ca.caCertificate().getSubjectX500Principal());
        assertThat(issuer.getBasicConstraints()).isZero();
        assertThat(issuer.getCriticalExtensionOIDs()).contains(NAME_CONSTRAINTS);
        assertThat(CertificateIssuer.permittedDomains(issuer))
                .isEqualTo(CertificateIssuer.permittedDomains(ca.caCertificate()));
        assertThat(issuer.getNotAfter()).isEqualTo(ca.caCertificate().getNotAfter());
    }

    @Test
    void rootPrivateKeyIsNotKept() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        List<PrivateKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pem")).toList()) {
                for (PemFiles.Block block : PemFiles.readBlocks(file)) {
                    if (block.label().equals(PemFiles.PRIVATE_KEY)) keys.add(PemFiles.privateKey(List.of(block)));
                }
            }
        }

        assertThat(keys).hasSize(2); // the issuing CA's and the server's
        assertThat(keys).noneMatch(key -> CertificateIssuer.isKeyOf(key, ca.caCertificate()));
    }

    @Test
    void serverCertificateNamesEveryServedHostAndLoopbackAddress() throws Exception {
        X509Certificate server = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of("cerulean.localhost"))
                .serverCertificate();

        assertThat(subjectAltNames(server, SAN_DNS)).containsExactly("localhost", "management.azure.com",
                "management.core.windows.net", "login.microsoftonline.com", "login.windows.net",
                "login.microsoft.com", "sts.windows.net", "graph.microsoft.com", "*.azurecr.io", "*.api.azureml.ms",
                "*.experiments.azureml.net", "*.modelmanagement.azureml.net", "cerulean.localhost");
        assertThat(subjectAltNames(server, SAN_IP)).containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void serverCertificateIsAShortLivedServerAuthLeaf() throws Exception {
        X509Certificate server = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of()).serverCertificate();

        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(server.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(server.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()).toDays())
                .isLessThanOrEqualTo(397);
    }

    @Test
    void serverCertificatePassesPkixValidationAgainstTheCa() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.caCertificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPath path = CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(ca.serverCertificate(), issuingCa(ca)));

        CertPathValidator.getInstance("PKIX").validate(path, parameters); // throws when invalid
    }

    @ParameterizedTest
    @ValueSource(strings = {"management.azure.com", "login.microsoftonline.com", "myregistry.azurecr.io",
        "eastus.api.azureml.ms", "localhost", "127.0.0.1"})
    void tlsHandshakeWithServerKeyStoreVerifiesServedName(String hostName) throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThat(TlsTestSupport.echoOverTls(ca, hostName)).isEqualTo(42);
    }

    @Test
    void tlsHandshakeFailsForNameOutsideTheCertificate() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThatThrownBy(() -> TlsTestSupport.echoOverTls(ca, "example.com"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("No subject alternative DNS name matching example.com found");
    }

    @Test
    void serverCertificateIsReissuedByTheSameCaWhenNamesChange() throws Exception {
        LocalCa first = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        LocalCa second = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of("api.localhost"));

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.serverCertificate()).isNotEqualTo(first.serverCertificate());
        assertThat(subjectAltNames(second.serverCertificate(), SAN_DNS)).contains("api.localhost");
    }

    @Test
    void serverCertificateIsReissuedWithin30DaysOfExpiry() throws Exception {
        ServedNames names = ServedNames.of("azurecr.io", List.of());
        Instant now = Instant.now();
        LocalCa first = LocalCa.loadOrCreate(dir, names, now);

        LocalCa unchanged = LocalCa.loadOrCreate(dir, names, now.plus(Duration.ofDays(360)));
        LocalCa renewed = LocalCa.loadOrCreate(dir, names, now.plus(Duration.ofDays(370)));

        assertThat(unchanged.serverCertificate()).isEqualTo(first.serverCertificate());
        assertThat(renewed.serverCertificate()).isNotEqualTo(first.serverCertificate());
        assertThat(renewed.caCertificate()).isEqualTo(first.caCertificate());
    }

    @Test
    void caIsReplacedWhenTheRegistrySuffixFallsOutsideItsConstraints() throws Exception {
        LocalCa first = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        LocalCa second = LocalCa.loadOrCreate(dir, ".azurecr.local", List.of());

        assertThat(second.caCertificate()).isNotEqualTo(first.caCertificate());
        assertThat(CertificateIssuer.permittedDomains(second.caCertificate())).contains("azurecr.local");
        assertThat(readTrustStore(second).getCertificate("cerulean-ca")).isEqualTo(second.caCertificate());
    }

    @Test
    void unreadableServerFileIsReplacedKeepingTheCa() throws Exception {
        LocalCa first = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());
        Files.writeString(dir.resolve("server.pem"), "not pem");

        LocalCa second = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(TlsTestSupport.echoOverTls(second, "management.azure.com")).isEqualTo(42);
    }

    @Test
    void privateKeyFilesAreReadableByTheOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "file system has no POSIX permissions");
        LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("issuer.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void trustStoreHoldsOnlyTheCaCertificate() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        KeyStore store = readTrustStore(ca);

        assertThat(Collections.list(store.aliases())).containsExactly("cerulean-ca");
        assertThat(store.isCertificateEntry("cerulean-ca")).isTrue();
        assertThat(store.getCertificate("cerulean-ca")).isEqualTo(ca.caCertificate());
    }

    @Test
    void missingTrustStoreIsWrittenAgain() throws Exception {
        LocalCa first = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());
        Files.delete(first.trustStore());

        LocalCa second = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThat(readTrustStore(second).getCertificate("cerulean-ca")).isEqualTo(first.caCertificate());
    }

    @Test
    void serverKeyStoreChainIsServerCertificateThenIssuingCa() throws Exception {
        LocalCa ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        Certificate[] chain = ca.serverKeyStore().getCertificateChain(ca.serverKeyAlias());

        assertThat(chain).hasSize(2);
        assertThat(chain[0]).isEqualTo(ca.serverCertificate());
        assertThat(ca.serverKeyStore().getKey(ca.serverKeyAlias(), ca.serverKeyStorePassword().toCharArray()))
                .isInstanceOf(PrivateKey.class);
    }

    static X509Certificate issuingCa(LocalCa ca) throws Exception {
        return (X509Certificate) ca.serverKeyStore().getCertificateChain(ca.serverKeyAlias())[1];
    }

    private static KeyStore readTrustStore(LocalCa ca) throws Exception {
        KeyStore store = KeyStore.getInstance(ca.trustStoreType());
        try (InputStream in = Files.newInputStream(ca.trustStore())) {
            store.load(in, ca.trustStorePassword().toCharArray());
        }
        return store;
    }
}
