package dev.cerulean.templates.functions;

import java.nio.charset.StandardCharsets;

/** RFC 3986 percent-encoding of everything but unreserved characters, as .NET's EscapeDataString does. */
final class UriEscape {
    private UriEscape() {}

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static String component(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
