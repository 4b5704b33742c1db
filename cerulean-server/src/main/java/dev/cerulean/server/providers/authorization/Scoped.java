package dev.cerulean.server.providers.authorization;

import dev.cerulean.core.id.ResourceId;
import dev.cerulean.server.rbac.ScopeKeys;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.List;
import java.util.Locale;

/** Scope comparisons by whole segments, case-insensitively, and reading all rows of one type. */
final class Scoped {
    private Scoped() {}

    /** Lower-cased scope without trailing slash; the tenant root is {@code ""}. */
    static String key(String scope) {
        return ScopeKeys.key(scope);
    }

    static String key(ResourceId scope) {
        return scope == null ? "" : scope.key();
    }

    static boolean related(String a, String b) {
        return ScopeKeys.atOrAbove(a, b) || ScopeKeys.atOrAbove(b, a);
    }

    /** Every stored row of one type in the subscription, in key order. */
    static List<ResourceRecord> all(ResourceStore store, String subscriptionId, String typeKey) {
        return store.listAll(ResourceQuery.in(subscriptionId.toLowerCase(Locale.ROOT)).type(typeKey).limit(1000)).toList();
    }
}
