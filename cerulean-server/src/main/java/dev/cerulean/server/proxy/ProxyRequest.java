package dev.cerulean.server.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request line a client sent to the proxy and the host it names: the authority of a
 * {@code CONNECT}, or the host of an absolute-form URI or Host header for anything else (used only
 * to say which host was refused).
 *
 * @param method the request method, as sent
 * @param host   lower-cased host without brackets or trailing dot; null when a non-CONNECT request names none
 * @param port   the port of a CONNECT; -1 for other requests
 */
record ProxyRequest(String method, String host, int port) {

    private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_.-]{1,253}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    boolean isConnect() {
        return method.equals("CONNECT");
    }

    /**
     * Parses a request head (request line and header lines, ISO-8859-1). Empty when it is not an
     * HTTP/1.x request or when a CONNECT target is not {@code host:port} (RFC 9110 §9.3.6).
     */
    static Optional<ProxyRequest> parse(String head) {
        String text = head.replaceFirst("^[\r\n]+", ""); // RFC 9112 §2.2: ignore empty lines before the request line
        String[] lines = text.split("\r?\n");
        String[] parts = lines[0].split(" ", -1);
        if (parts.length != 3 || !METHOD.matcher(parts[0]).matches() || !VERSION.matcher(parts[2]).matches()
                || parts[1].isEmpty() || parts[1].chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return Optional.empty();
        }
        String method = parts[0];
        if (method.equals("CONNECT")) return connect(parts[1]);
        return Optional.of(new ProxyRequest(method, hostOf(parts[1], lines), -1));
    }

    private static Optional<ProxyRequest> connect(String authority) {
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf("]:");
            if (close < 0) return Optional.empty();
            host = authority.substring(1, close).toLowerCase(Locale.ROOT);
            port = authority.substring(close + 2);
            if (!IPV6.matcher(host).matches()) return Optional.empty();
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon <= 0) return Optional.empty();
            host = normalizeName(authority.substring(0, colon));
            port = authority.substring(colon + 1);
            if (host == null) return Optional.empty();
        }
        if (!PORT.matcher(port).matches()) return Optional.empty();
        int number = Integer.parseInt(port);
        if (number < 1 || number > 65535) return Optional.empty();
        return Optional.of(new ProxyRequest("CONNECT", host, number));
    }

    /** The host of an absolute-form target, else of the Host header, else null. */
    private static String hostOf(String target, String[] lines) {
        if (!target.startsWith("/") && !target.equals("*")) {
            try {
                String host = URI.create(target).getHost();
                if (host != null) return normalizeName(host.replaceAll("^\\[|]$", ""));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase("host")) {
                String value = lines[i].substring(colon + 1).trim();
                int portColon = value.lastIndexOf(':');
                if (portColon > 0 && value.indexOf(']') < portColon) value = value.substring(0, portColon);
                return normalizeName(value.replaceAll("^\\[|]$", ""));
            }
        }
        return null;
    }

    private static String normalizeName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        if (HOST_NAME.matcher(name).matches() || IPV6.matcher(name).matches()) return name;
        return null;
    }
}
