package dev.cerulean.server.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host names Cerulean answers for, in the three forms that need them: the SANs of the server
 * certificate, the DNS subtrees the CA is constrained to, and the public Azure names the CONNECT
 * proxy intercepts. Keeping them in one place means a name can't be served without being signable,
 * nor intercepted without being in the certificate.
 */
public final class ServedNames {

    /**
     * Exact Azure host names that unchanged scripts and az's stock cloud call: ARM, its token
     * audience host, the Entra authority with its aliases (clients.md §2.2, arm.md §1), and
     * Microsoft Graph (graph-rbac.md §1.1).
     */
    static final List<String> AZURE_HOSTS = List.of(
            "management.azure.com", "management.core.windows.net",
            "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net",
            "graph.microsoft.com");

    /** Parents of per-region/per-workspace Azure ML hosts; served as {@code *.<parent>}. */
    static final List<String> AZURE_WILDCARD_PARENTS = List.of(
            "api.azureml.ms", "experiments.azureml.net", "modelmanagement.azureml.net");

    /**
     * Further Azure ML domains the CA may sign for later, without a new CA; not in today's
     * certificate. Adding them to the CA now spares users re-trusting a new CA when ML grows.
     */
    static final List<String> RESERVED_CONSTRAINT_DOMAINS = List.of("aether.ms", "studioservice.azureml.com");

    /** Loopback literals: the certificate covers them and the CA is constrained to 127.0.0.0/8 and ::1. */
    static final List<String> LOOPBACK_ADDRESSES = List.of("127.0.0.1", "::1");

    static final String LOCALHOST = "localhost";

    private static final Pattern DNS_NAME =
            Pattern.compile("(\\*\\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");

    private final String registrySuffix;
    private final List<String> extraDnsNames;

    private ServedNames(String registrySuffix, List<String> extraDnsNames) {
        this.registrySuffix = registrySuffix;
        this.extraDnsNames = extraDnsNames;
    }

    /**
     * @param registrySuffix login-server suffix of registries, with or without the leading dot
     *                       ({@code .azurecr.io}, {@code azurecr.local})
     * @param extraDnsNames  further names for the server certificate (a leading {@code *.} is allowed)
     * @throws IllegalArgumentException when a name is not a DNS name
     */
    public static ServedNames of(String registrySuffix, List<String> extraDnsNames) {
        String suffix = normalize(registrySuffix == null ? "" : registrySuffix.replaceFirst("^\\.+", ""));
        if (suffix.startsWith("*.")) throw new IllegalArgumentException("registry suffix must not be a wildcard: " + registrySuffix);
        List<String> extras = new ArrayList<>();
        for (String name : extraDnsNames) extras.add(normalize(name));
        return new ServedNames(suffix, List.copyOf(extras));
    }

    public String registrySuffix() {
        return registrySuffix;
    }

    /** DNS SANs of the server certificate, in a stable order, without duplicates. */
    public List<String> certificateDnsNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(LOCALHOST);
        names.addAll(AZURE_HOSTS);
        names.add("*." + registrySuffix);
        for (String parent : AZURE_WILDCARD_PARENTS) names.add("*." + parent);
        names.addAll(extraDnsNames);
        return List.copyOf(names);
    }

    /** IP SANs of the server certificate. */
    public List<String> certificateIpAddresses() {
        return LOOPBACK_ADDRESSES;
    }

    /**
     * The permitted DNS subtrees of the CA's name constraints. A subtree {@code d} covers {@code d}
     * itself and every name below it (RFC 5280 §4.2.1.10), so {@code *.azurecr.io} needs only
     * {@code azurecr.io}.
     */
    public List<String> constraintDomains() {
        Set<String> domains = new LinkedHashSet<>();
        domains.add(LOCALHOST);
        domains.addAll(AZURE_HOSTS);
        domains.add(registrySuffix);
        domains.addAll(AZURE_WILDCARD_PARENTS);
        domains.addAll(RESERVED_CONSTRAINT_DOMAINS);
        for (String extra : extraDnsNames) domains.add(extra.startsWith("*.") ? extra.substring(2) : extra);
        return List.copyOf(domains);
    }

    /** Whether a certificate DNS name falls inside one of the given constraint subtrees. */
    public static boolean isCovered(String dnsName, List<String> domains) {
        String name = dnsName.toLowerCase(Locale.ROOT);
        for (String domain : domains) {
            String d = domain.toLowerCase(Locale.ROOT);
            if (name.equals(d) || name.endsWith("." + d)) return true;
        }
        return false;
    }

    /**
     * Whether the CONNECT proxy may intercept this host: the public Azure names of the certificate,
     * with the wildcard ones matching any prefix of one or more labels. {@code localhost} and the
     * caller's extra names are not public Azure names and are never intercepted.
     */
    public boolean isInterceptable(String host) {
        if (host == null || host.isEmpty()) return false;
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        if (AZURE_HOSTS.contains(name)) return true;
        if (isStrictlyBelow(name, registrySuffix)) return true;
        for (String parent : AZURE_WILDCARD_PARENTS) {
            if (isStrictlyBelow(name, parent)) return true;
        }
        return false;
    }

    private static boolean isStrictlyBelow(String name, String parent) {
        return name.length() > parent.length() + 1 && name.endsWith("." + parent);
    }

    private static String normalize(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) lower = lower.substring(0, lower.length() - 1);
        // An all-digit last label means an IP literal, which belongs in an IP SAN, not a DNS one.
        if (lower.length() > 253 || !DNS_NAME.matcher(lower).matches() || lower.matches(".*(^|\\.)[0-9]+")) {
            throw new IllegalArgumentException("not a DNS name: '" + name + "'");
        }
        return lower;
    }
}
