package dev.cerulean.server.entra.keys;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The self-signed certificate published with the signing key. Entra's JWKS entries carry an
 * {@code x5c} certificate and an {@code x5t} thumbprint of it (entra.md §3), and some validators
 * read the key from the certificate rather than from {@code n}/{@code e}, so the key needs one.
 */
final class SigningCertificate {
    private SigningCertificate() {}

    private static final String SUBJECT = "CN=Cerulean Entra token signing";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    static X509Certificate selfSigned(KeyPair keyPair, Instant now) {
        X500Name name = new X500Name(SUBJECT);
        BigInteger serial = new BigInteger(63, new SecureRandom());
        var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, keyPair.getPublic());
        try {
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot create the token-signing certificate", e);
        }
    }
}
