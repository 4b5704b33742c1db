package dev.cerulean.server.registry.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scope-map actions (acr.md §2.2) turned into token actions for one repository (§5.6):
 * {@code content/read} → pull, {@code content/write} → push, {@code content/delete} → delete,
 * {@code metadata/read} → metadata_read, {@code metadata/write} → metadata_write. A rule's repository
 * is exact, {@code *} (every repository) or ends in {@code /*} (every repository under that prefix);
 * rules add up. Rules are lower-cased, repositories compared as sent (OCI names are lower case).
 * Gateway actions grant nothing here; nothing grants the catalog.
 */
final class ScopeMapGrants {
    private ScopeMapGrants() {}

    private static final String PREFIX = "repositories/";
    private static final Map<String, String> TOKEN_ACTIONS = Map.of(
            "content/read", Rights.PULL, "content/write", Rights.PUSH, "content/delete", Rights.DELETE,
            "metadata/read", Rights.METADATA_READ, "metadata/write", Rights.METADATA_WRITE);

    static Set<String> actionsFor(List<String> scopeMapActions, String repository) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : scopeMapActions) {
            String rule = raw.toLowerCase(Locale.ROOT);
            if (!rule.startsWith(PREFIX)) continue;
            int verbSlash = rule.lastIndexOf('/', rule.lastIndexOf('/') - 1);
            if (verbSlash <= PREFIX.length()) continue;
            String action = TOKEN_ACTIONS.get(rule.substring(verbSlash + 1));
            String pattern = rule.substring(PREFIX.length(), verbSlash);
            if (action != null && matches(pattern, repository)) out.add(action);
        }
        return out;
    }

    static boolean matches(String pattern, String repository) {
        if (pattern.equals("*")) return true;
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return repository.startsWith(prefix) && repository.length() > prefix.length();
        }
        return pattern.equals(repository);
    }
}
