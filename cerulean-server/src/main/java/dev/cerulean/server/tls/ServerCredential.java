package dev.cerulean.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The server's private key with its certificate chain (server certificate, then the issuing CA),
 * and the test that decides whether it can be reused at start or must be issued again.
 */
record ServerCredential(PrivateKey key, List<X509Certificate> chain) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    ServerCredential {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) throw new IllegalArgumentException("empty certificate chain");
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Reusable when issued under this root, valid now and for longer than {@code renewBefore}, and
     * carrying exactly the requested names (a changed registry suffix or extra name means a new
     * certificate). Issuance is checked by names, not signatures: every file was written by
     * Cerulean, each root's name carries a random id, and a signature check would cost a cold
     * start tens of milliseconds of provider loading.
     */
    boolean isCurrent(X509Certificate root, ServedNames names, Instant now, Duration renewBefore) {
        X509Certificate certificate = certificate();
        if (chain.size() != 2) return false;
        X509Certificate issuer = chain.get(1);
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
                || !issuer.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            return false;
        }
        if (certificate.getNotBefore().toInstant().isAfter(now)) return false;
        if (!certificate.getNotAfter().toInstant().isAfter(now.plus(renewBefore))) return false;
        try {
            return dnsNames(certificate).equals(lowerCase(names.certificateDnsNames()))
                    && ipAddresses(certificate).equals(addresses(names.certificateIpAddresses()));
        } catch (CertificateParsingException | UnknownHostException e) {
            return false;
        }
    }

    private static Set<String> dnsNames(X509Certificate certificate) throws CertificateParsingException {
        Set<String> names = new HashSet<>();
        for (List<?> san : subjectAltNames(certificate)) {
            if (((Integer) san.get(0)) == SAN_DNS) names.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static Set<InetAddress> ipAddresses(X509Certificate certificate)
            throws CertificateParsingException, UnknownHostException {
        Set<InetAddress> addresses = new HashSet<>();
        for (List<?> san : subjectAltNames(certificate)) {
            if (((Integer) san.get(0)) == SAN_IP) addresses.add(InetAddress.getByName((String) san.get(1)));
        }
        return addresses;
    }

    private static Collection<List<?>> subjectAltNames(X509Certificate certificate)
            throws CertificateParsingException {
        Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
        return sans == null ? List.of() : sans;
    }

    private static Set<String> lowerCase(List<String> names) {
        Set<String> set = new HashSet<>();
        for (String name : names) set.add(name.toLowerCase(Locale.ROOT));
        return set;
    }

    /** IP literals only: {@link InetAddress#getByName} does no lookup for them. */
    private static Set<InetAddress> addresses(List<String> literals) throws UnknownHostException {
        Set<InetAddress> set = new HashSet<>();
        for (String literal : literals) set.add(InetAddress.getByName(literal));
        return set;
    }
}
