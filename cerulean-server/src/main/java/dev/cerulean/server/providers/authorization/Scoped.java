package dev.cerulean.server.providers.authorization;

import dev.cerulean.core.id.ResourceId;
import dev.cerulean.store.Page;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Scope comparisons by whole segments, case-insensitively, and reading all rows of one type. */
final class Scoped {
    private Scoped() {}

    /** Lower-cased scope without trailing slash; the tenant root is {@code ""}. */
    static String key(String scope) {
        String s = scope == null ? "" : scope.toLowerCase(Locale.ROOT);
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    static String key(ResourceId scope) {
        return scope == null ? "" : scope.key();
    }

    /** Whether {@code ancestor} is {@code target} or one of its ancestors (keys from {@link #key}). */
    static boolean atOrAbove(String ancestor, String target) {
        if (ancestor.isEmpty()) return true;
        return target.startsWith(ancestor) && (target.length() == ancestor.length() || target.charAt(ancestor.length()) == '/');
    }

    static boolean related(String a, String b) {
        return atOrAbove(a, b) || atOrAbove(b, a);
    }

    /** Every stored row of one type in the subscription, in key order. */
    static List<ResourceRecord> all(ResourceStore store, String subscriptionId, String typeKey) {
        List<ResourceRecord> out = new ArrayList<>();
        ResourceQuery q = ResourceQuery.in(subscriptionId.toLowerCase(Locale.ROOT)).type(typeKey);
        String cursor = null;
        do {
            Page<ResourceRecord> page = store.list(q.after(cursor).limit(1000));
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }
}
