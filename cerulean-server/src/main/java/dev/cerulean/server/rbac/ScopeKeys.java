package dev.cerulean.server.rbac;

import java.util.Locale;

/**
 * How RBAC and locks compare scopes: as keys, lower-cased and without a trailing slash (the tenant
 * root {@code /} is {@code ""}), one enclosing another by whole segments.
 */
public final class ScopeKeys {
    private ScopeKeys() {}

    public static String key(String scope) {
        String s = scope == null ? "" : scope.toLowerCase(Locale.ROOT);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** Whether {@code ancestor} is {@code target} or one of its ancestors (both keys). */
    public static boolean atOrAbove(String ancestor, String target) {
        if (ancestor.isEmpty()) return true;
        return target.startsWith(ancestor) && (target.length() == ancestor.length() || target.charAt(ancestor.length()) == '/');
    }
}
