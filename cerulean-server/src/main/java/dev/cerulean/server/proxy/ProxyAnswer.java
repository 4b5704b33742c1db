package dev.cerulean.server.proxy;

import java.nio.charset.StandardCharsets;

/**
 * Every answer the proxy writes itself, with its wording in one place. The proxy speaks raw
 * HTTP/1.1 on a plain socket, outside the HTTPS surfaces and their error writers, so its refusals
 * are short plain-text bodies rather than {@code ApiError}s.
 */
final class ProxyAnswer {
    private ProxyAnswer() {}

    private static final int MAX_ECHOED_HOST = 253;

    static byte[] established() {
        return "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Where az 2.45 looks for and downloads the Bicep compiler (deployments.md §1.10). az prints the
     * tunnel's status line in its error, so the reason phrase tells the user what to do instead.
     */
    static final java.util.Set<String> BICEP_HOSTS = java.util.Set.of("aka.ms", "downloads.bicep.azure.com");
    static final String BICEP_REASON = "Forbidden (Cerulean reaches no internet host, so az cannot fetch Bicep: run 'bicep build'"
            + " elsewhere and deploy the JSON)";

    static byte[] hostNotIntercepted(String host) {
        String reason = host != null && BICEP_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT)) ? BICEP_REASON : "Forbidden";
        return refusal(403, reason, "Cerulean only intercepts Azure host names; '" + printable(host)
                + "' is not one of them, so this proxy will not connect to it.");
    }

    static byte[] plainHttpRefused(String method, String host) {
        String target = host == null ? "" : " for '" + printable(host) + "'";
        return refusal(403, "Forbidden", "Cerulean only intercepts Azure host names through CONNECT; it does not"
                + " forward plain HTTP requests (got " + printable(method) + target + ").");
    }

    static byte[] malformed() {
        return refusal(400, "Bad Request", "Expected 'CONNECT host:port HTTP/1.1'.");
    }

    static byte[] headTooLarge(int limit) {
        return refusal(400, "Bad Request", "The request head exceeds " + limit + " bytes.");
    }

    static byte[] upstreamUnavailable() {
        return refusal(502, "Bad Gateway", "Cerulean's HTTPS port is not accepting connections.");
    }

    private static byte[] refusal(int status, String reason, String message) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, answer, 0, headBytes.length);
        System.arraycopy(body, 0, answer, headBytes.length, body.length);
        return answer;
    }

    /** Client text echoed back: printable ASCII only, bounded, so a body can't carry control bytes. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_ECHOED_HOST; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
