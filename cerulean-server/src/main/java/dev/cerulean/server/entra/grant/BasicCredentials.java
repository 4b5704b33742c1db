package dev.cerulean.server.entra.grant;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Client id and secret sent as HTTP Basic ({@code Authorization: Basic base64(id:secret)}, entra.md §4).
 * RFC 6749 §2.3.1 asks clients to form-encode both parts first; curl users usually do not, so a
 * part is decoded only when it contains a {@code %} escape (generated Azure secrets never do).
 */
public record BasicCredentials(String clientId, String secret) {

    @Override
    public String toString() {
        return "BasicCredentials[clientId=" + clientId + ", secret=***]";
    }

    /** The credentials in an {@code Authorization} header value, or null when it is absent or not Basic. */
    public static BasicCredentials parse(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new BasicCredentials(formDecoded(decoded.substring(0, colon)), formDecoded(decoded.substring(colon + 1)));
    }

    private static String formDecoded(String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return part;
        }
    }
}
