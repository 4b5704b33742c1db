package dev.cerulean.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the CA cannot be abused for other sites: certificates it signs for names outside its
 * constraints are rejected by OpenSSL (what az/requests, curl and Node use) and by the JDK when the
 * constraints are handed to it, as {@link LocalCa#clientSslContext()} does.
 */
class NameConstraintsTest {

    @TempDir
    Path dir;

    private LocalCa ca;
    private X509Certificate issuer;
    private PrivateKey issuerKey;

    @BeforeEach
    void createCa() throws Exception {
        ca = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());
        List<PemFiles.Block> blocks = PemFiles.readBlocks(dir.resolve("issuer.pem"));
        issuer = PemFiles.certificates(blocks).get(0);
        issuerKey = PemFiles.privateKey(blocks);
    }

    @Test
    void openSslAcceptsTheServerCertificateForAzureHostName() throws Exception {
        assumeTrue(openSslAvailable(), "openssl is not on PATH");
        Path leaf = write("server-leaf.pem", ca.serverCertificate());

        Result result = openSsl("verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname",
                "myregistry.azurecr.io", "-CAfile", ca.caCertificatePem().toString(), "-untrusted", issuerPem().toString(), leaf.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(": OK");
    }

    @Test
    void openSslRejectsCertificateForNameOutsideTheConstraints() throws Exception {
        assumeTrue(openSslAvailable(), "openssl is not on PATH");
        Path leaf = write("example-leaf.pem", signedLeaf(List.of("example.com"), List.of()));

        Result result = openSsl("verify", "-CAfile", ca.caCertificatePem().toString(), "-untrusted", issuerPem().toString(), leaf.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("permitted subtree violation");
    }

    @Test
    void openSslRejectsCertificateForAddressOutsideLoopback() throws Exception {
        assumeTrue(openSslAvailable(), "openssl is not on PATH");
        Path leaf = write("address-leaf.pem", signedLeaf(List.of("localhost"), List.of("10.0.0.1")));

        Result result = openSsl("verify", "-CAfile", ca.caCertificatePem().toString(), "-untrusted", issuerPem().toString(), leaf.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("permitted subtree violation");
    }

    @Test
    void clientSslContextRejectsServerCertificateForNameOutsideTheConstraints() throws Exception {
        KeyPair keys = CertificateIssuer.newKeyPair();
        X509Certificate leaf = CertificateIssuer.newServerCertificate(issuer, issuerKey, keys.getPublic(),
                List.of("example.com"), List.of(), Instant.now(), Duration.ofDays(30));
        char[] password = "test".toCharArray();
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("example", keys.getPrivate(), password, new Certificate[] {leaf, issuer});

        assertThatThrownBy(() -> TlsTestSupport.echoOverTls(TlsTestSupport.serverContext(serverKeys, password),
                ca.clientSslContext(), "example.com"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("name constraints");
    }

    /**
     * Java trusts the root as a plain anchor (what a truststore file yields) and ignores the
     * constraints inside an anchor; they hold because the issuing CA on the path repeats them.
     */
    @Test
    void javaPkixRejectsCertificateForNameOutsideTheConstraints() throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(signedLeaf(List.of("example.com"), List.of()), issuer));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.caCertificate(), null)));
        parameters.setRevocationEnabled(false);

        assertThatThrownBy(() -> CertPathValidator.getInstance("PKIX").validate(path, parameters))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("name constraints");
    }

    private X509Certificate signedLeaf(List<String> dnsNames, List<String> ipAddresses) throws Exception {
        KeyPair keys = CertificateIssuer.newKeyPair();
        return CertificateIssuer.newServerCertificate(issuer, issuerKey, keys.getPublic(), dnsNames,
                ipAddresses, Instant.now(), Duration.ofDays(30));
    }

    private Path issuerPem() throws IOException {
        return write("issuing-ca.pem", issuer);
    }

    private Path write(String name, X509Certificate certificate) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, PemFiles.encode(certificate), StandardCharsets.US_ASCII);
        return file;
    }

    record Result(int exitCode, String output) {}

    static boolean openSslAvailable() {
        try {
            return openSsl("version").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Result openSsl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
