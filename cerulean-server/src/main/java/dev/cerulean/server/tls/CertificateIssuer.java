package dev.cerulean.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the key pairs and certificates of the local CA with Bouncy Castle's builders, signing
 * through the JDK's own providers. Only first start and certificate renewal come here; loading
 * existing files never touches Bouncy Castle.
 *
 * <p>Keys are EC P-256 with ECDSA-SHA256 signatures, for the CA and the server alike. Generating a
 * P-256 key takes a few milliseconds where an RSA-2048 key took 100–350 ms on the 2-core build
 * machine, and every client Cerulean serves (az/requests and curl on OpenSSL 3, Java 17 JSSE, Go
 * for skopeo, Node) negotiates ECDHE-ECDSA suites in TLS 1.2 and 1.3.
 */
final class CertificateIssuer {
    private CertificateIssuer() {}

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Both loopback ranges as address + mask, the form name constraints use (RFC 5280 §4.2.1.10). */
    private static final byte[][] LOOPBACK_RANGES = {
        {127, 0, 0, 0, (byte) 255, 0, 0, 0},
        HexFormat.of().parseHex("00000000000000000000000000000001" + "ffffffffffffffffffffffffffffffff"),
    };

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /**
     * The self-signed root clients trust. It may certify one issuing CA below it (path length 1)
     * and, like that CA, only for {@code domains} and loopback addresses (critical name constraints).
     * Its key is meant to be discarded once the issuing CA is signed.
     */
    static X509Certificate newRootCa(KeyPair keys, String commonName, List<String> domains, Instant now,
                                     Duration validity) throws GeneralSecurityException {
        X500Name subject = name(commonName);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, keys.getPublic());
        addCaExtensions(builder, 1, keys.getPublic(), domains);
        return sign(builder, keys.getPrivate());
    }

    /**
     * The CA that signs server certificates: issued by the root, valid as long as the root, path
     * length 0, and carrying the same name constraints. Repeating them here is what makes Java
     * enforce them: the JDK ignores constraints in a trust anchor but applies those of every
     * certificate on the path below it.
     */
    static X509Certificate newIssuingCa(X509Certificate root, PrivateKey rootKey, PublicKey issuingKey,
                                        String commonName, List<String> domains) throws GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serialNumber(), root.getNotBefore(),
                root.getNotAfter(), name(commonName), issuingKey);
        addCaExtensions(builder, 0, issuingKey, domains);
        add(builder, Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
        return sign(builder, rootKey);
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, int pathLength, PublicKey key,
                                        List<String> domains) throws GeneralSecurityException {
        List<GeneralSubtree> permitted = new ArrayList<>();
        for (String domain : domains) permitted.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, domain)));
        for (byte[] range : LOOPBACK_RANGES) {
            permitted.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(range))));
        }
        add(builder, Extension.basicConstraints, true, new BasicConstraints(pathLength));
        add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        add(builder, Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
        add(builder, Extension.nameConstraints, true, new NameConstraints(permitted.toArray(GeneralSubtree[]::new), null));
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Cerulean").addRDN(BCStyle.CN, commonName).build();
    }

    /**
     * A server certificate for the given names. keyUsage is digitalSignature only: keyEncipherment
     * describes RSA key transport and RFC 5480 §3 does not allow it for EC keys.
     */
    static X509Certificate newServerCertificate(X509Certificate issuer, PrivateKey issuerKey, PublicKey serverKey,
                                                List<String> dnsNames, List<String> ipAddresses, Instant now,
                                                Duration validity) throws GeneralSecurityException {
        X500Name subject = name(ServedNames.LOCALHOST);
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames) names.add(new GeneralName(GeneralName.dNSName, dns));
        for (String ip : ipAddresses) names.add(new GeneralName(GeneralName.iPAddress, ip));
        Date notAfter = Date.from(now.plus(validity));
        if (notAfter.after(issuer.getNotAfter())) notAfter = issuer.getNotAfter();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serialNumber(),
                Date.from(now.minus(Duration.ofHours(1))), notAfter, subject, serverKey);
        add(builder, Extension.basicConstraints, true, new BasicConstraints(false));
        add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        add(builder, Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(serverKey));
        add(builder, Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
        add(builder, Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
        return sign(builder, issuerKey);
    }

    /** The permitted DNS subtrees of a CA's name constraints; empty when it has none. */
    static List<String> permittedDomains(X509Certificate ca) throws IOException {
        byte[] value = ca.getExtensionValue(Extension.nameConstraints.getId());
        List<String> domains = new ArrayList<>();
        if (value == null) return domains;
        GeneralSubtree[] permitted = NameConstraints.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
                .getPermittedSubtrees();
        if (permitted == null) return domains;
        for (GeneralSubtree subtree : permitted) {
            if (subtree.getBase().getTagNo() == GeneralName.dNSName) {
                domains.add(ASN1IA5String.getInstance(subtree.getBase().getName()).getString());
            }
        }
        return domains;
    }

    /** Whether a private key belongs to a certificate: a signature by one verifies with the other. */
    static boolean isKeyOf(PrivateKey key, X509Certificate certificate) {
        try {
            byte[] probe = new byte[32];
            RANDOM.nextBytes(probe);
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String randomId() {
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE); // positive, at most 16 octets
    }

    private static void add(X509v3CertificateBuilder builder, ASN1ObjectIdentifier oid, boolean critical,
                            ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("extension " + oid + " cannot be encoded", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }
}
