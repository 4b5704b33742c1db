package dev.cerulean.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes and decodes the PEM files of the TLS directory: X.509 certificates and unencrypted
 * PKCS#8 EC private keys. Decoding uses only the JDK so that a normal restart never loads Bouncy
 * Castle, which keeps cold start short.
 */
final class PemFiles {
    private PemFiles() {}

    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    /** One PEM block: its label and the DER bytes it wraps. */
    record Block(String label, byte[] der) {}

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return BEGIN + label + DASHES + "\n" + body + "\n" + END + label + DASHES + "\n";
    }

    static String encode(X509Certificate certificate) {
        try {
            return encode(CERTIFICATE, certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }

    static String encode(PrivateKey key) {
        return encode(PRIVATE_KEY, key.getEncoded()); // getEncoded() of a JCA private key is PKCS#8
    }

    static List<Block> readBlocks(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** The PEM blocks of a text, in order; text outside blocks is ignored (RFC 7468 §2). */
    static List<Block> parse(String text) {
        // indexOf rather than a regular expression: this runs on every start, before anything else needs regex
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, from);
            if (begin < 0) return blocks;
            int labelEnd = text.indexOf(DASHES, begin + BEGIN.length());
            if (labelEnd < 0) return blocks;
            String label = text.substring(begin + BEGIN.length(), labelEnd);
            String end = END + label + DASHES;
            int bodyEnd = text.indexOf(end, labelEnd);
            if (bodyEnd < 0) return blocks;
            String body = text.substring(labelEnd + DASHES.length(), bodyEnd);
            blocks.add(new Block(label, Base64.getMimeDecoder().decode(body)));
            from = bodyEnd + end.length();
        }
    }

    static List<X509Certificate> certificates(List<Block> blocks) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks) {
            if (block.label().equals(CERTIFICATE)) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        }
        return certificates;
    }

    /** The first private key among the blocks; Cerulean writes only EC keys. */
    static PrivateKey privateKey(List<Block> blocks) throws GeneralSecurityException {
        for (Block block : blocks) {
            if (block.label().equals(PRIVATE_KEY)) {
                return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(block.der()));
            }
        }
        throw new GeneralSecurityException("no PRIVATE KEY block");
    }
}
