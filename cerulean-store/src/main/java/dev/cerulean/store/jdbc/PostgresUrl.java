package dev.cerulean.store.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A PostgreSQL location as the driver wants it: a {@code jdbc:postgresql://} URL plus the user and
 * password when they came in the URL's user-info part. Accepts the JDBC form (credentials, if any,
 * as {@code user=} and {@code password=} parameters, which the driver reads itself) and the libpq
 * URI forms {@code postgresql://user:pass@host:port/db?...} and {@code postgres://...} that hosting
 * services hand out.
 *
 * @param jdbcUrl  the URL to give the driver, without user-info
 * @param user     user from the user-info, or null
 * @param password password from the user-info, or null
 */
record PostgresUrl(String jdbcUrl, String user, String password) {

    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    static boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith(JDBC_PREFIX) || lower.startsWith("postgresql://") || lower.startsWith("postgres://");
    }

    static PostgresUrl parse(String url) {
        if (url == null || !accepts(url)) {
            throw new IllegalArgumentException(
                    "not a PostgreSQL URL (expected jdbc:postgresql://, postgresql:// or postgres://)");
        }
        String rest = url.substring(url.indexOf("://") + 3);
        int authorityEnd = firstOf(rest, '/', '?');
        String authority = rest.substring(0, authorityEnd);
        String pathAndQuery = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("PostgreSQL URL has no host");
        }
        return new PostgresUrl(JDBC_PREFIX + authority + pathAndQuery, user, password);
    }

    private static int firstOf(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return s.length();
    }

    private static String decode(String s) {
        // user-info is percent-encoded; '+' is a literal plus there, not a space
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL without credentials, safe for logs. */
    String redacted() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresUrl[" + redacted() + (user == null ? "" : ", user=" + user) + "]";
    }
}
