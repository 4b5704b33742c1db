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
 * The server's private key with its certificate chain (server certificate, then the CA), and the
 * test that decides whether it can be reused at start or must be issued again.
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
     * Reusable when issued by this CA, valid now and for longer than {@code renewBefore}, and
     * carrying exactly the requested names (a changed registry suffix or extra name means a new
     * certificate).
     */
    boolean isCurrent(X509Certificate ca, ServedNames names, Instant now, Duration renewBefore) {
        X509Certificate certificate = certificate();
        // The chain was written with the CA that signed it, so an identical CA copy proves the issuer
        // without a signature check (which would cost a cold start ~25 ms of provider loading).
        if (chain.size() < 2 || !chain.get(1).equals(ca)) return false;
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
