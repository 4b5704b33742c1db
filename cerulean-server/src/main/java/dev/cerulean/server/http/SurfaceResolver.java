package dev.cerulean.server.http;

import java.util.Locale;
import java.util.Set;

/**
 * Decides which surface answers a request. An Azure host name selects its surface whatever the
 * path; any other host (localhost, 127.0.0.1, ::1) reaches every surface by path, since their path
 * sets do not overlap.
 */
public final class SurfaceResolver {

    private static final Set<String> ARM_HOSTS = Set.of("management.azure.com", "management.core.windows.net");
    private static final Set<String> ENTRA_HOSTS = Set.of("login.microsoftonline.com", "login.windows.net",
            "login.microsoft.com", "sts.windows.net");
    private static final String GRAPH_HOST = "graph.microsoft.com";

    private final String registrySuffix;

    /** @param registrySuffix login-server suffix with leading dot, e.g. {@code .azurecr.io} */
    public SurfaceResolver(String registrySuffix) {
        this.registrySuffix = registrySuffix.toLowerCase(Locale.ROOT);
    }

    /** The surface an Azure host name belongs to, or null for hosts that route by path. */
    public Surface byHost(String host) {
        String h = host.toLowerCase(Locale.ROOT); // already lower case from hostName(): no copy then
        if (ARM_HOSTS.contains(h)) return Surface.ARM;
        if (ENTRA_HOSTS.contains(h)) return Surface.ENTRA;
        if (h.equals(GRAPH_HOST)) return Surface.GRAPH;
        if (h.endsWith(registrySuffix)) return Surface.REGISTRY;
        return null;
    }

    /** By the path's first segment, compared without case and without a lower-cased copy (it runs on every request). */
    public Surface byPath(String path) {
        if (prefix(path, "/cerulean/")) return Surface.OPS;
        if (segment(path, "/graph")) return Surface.GRAPH;
        if (segment(path, "/subscriptions") || segment(path, "/tenants") || segment(path, "/providers")
                || prefix(path, "/metadata/")) {
            return Surface.ARM;
        }
        if (segment(path, "/v2") || prefix(path, "/acr/") || path.equalsIgnoreCase("/oauth2/exchange")
                || path.equalsIgnoreCase("/oauth2/token")) {
            return Surface.REGISTRY;
        }
        return Surface.ENTRA;
    }

    private static boolean prefix(String path, String prefix) {
        return path.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** {@code path} is {@code name} or starts with {@code name/}. */
    private static boolean segment(String path, String name) {
        return prefix(path, name) && (path.length() == name.length() || path.charAt(name.length()) == '/');
    }

    /** Host name without port; IPv6 literals keep their brackets. */
    public static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) return "localhost";
        String h = hostHeader.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) return h.substring(0, h.indexOf(']') + 1);
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
