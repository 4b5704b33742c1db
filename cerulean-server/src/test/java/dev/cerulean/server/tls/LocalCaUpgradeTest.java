package dev.cerulean.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An install whose CA predates a served name (graph.microsoft.com was added with Microsoft Graph)
 * cannot vouch for it; the next start replaces the CA, so users re-point clients at the new ca.pem.
 */
class LocalCaUpgradeTest {

    @Test
    void caWithoutGraphInItsConstraintsIsReplacedAtStart(@TempDir Path dir) throws Exception {
        List<String> before = ServedNames.of(".azurecr.io", List.of()).constraintDomains().stream()
                .filter(d -> !d.equals("graph.microsoft.com")).toList();
        KeyPair rootKeys = CertificateIssuer.newKeyPair();
        KeyPair issuerKeys = CertificateIssuer.newKeyPair();
        Instant now = Instant.now();
        X509Certificate oldRoot = CertificateIssuer.newRootCa(rootKeys, "Cerulean Local CA old", before, now,
                Duration.ofDays(3650));
        X509Certificate oldIssuer = CertificateIssuer.newIssuingCa(oldRoot, rootKeys.getPrivate(), issuerKeys.getPublic(),
                "Cerulean Issuing CA old", before);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(LocalCa.ISSUER_PEM),
                PemFiles.encode(issuerKeys.getPrivate()) + PemFiles.encode(oldIssuer), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(LocalCa.CA_PEM), PemFiles.encode(oldRoot), StandardCharsets.US_ASCII);

        LocalCa upgraded = LocalCa.loadOrCreate(dir, ".azurecr.io", List.of());

        assertThat(upgraded.caCertificate()).isNotEqualTo(oldRoot);
        assertThat(CertificateIssuer.permittedDomains(upgraded.caCertificate())).contains("graph.microsoft.com");
        assertThat(TlsTestSupport.subjectAltNames(upgraded.serverCertificate(), 2)).contains("graph.microsoft.com");
        assertThat(PemFiles.certificates(PemFiles.readBlocks(dir.resolve(LocalCa.CA_PEM))))
                .containsExactly(upgraded.caCertificate());
    }
}
