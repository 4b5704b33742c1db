package dev.cerulean.server.providers.authorization;

import dev.cerulean.server.rbac.ScopeKeys;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role-assignment list's {@code $filter} (graph-rbac.md §3.5): {@code atScope()} keeps
 * assignments at the scope or above it; {@code principalId eq '{id}'} and {@code assignedTo('{id}')}
 * keep one principal's (groups are not emulated, so both mean the principal itself); no filter
 * keeps everything at, above and below the scope.
 *
 * @param atScope   only at or above the scope
 * @param principal lower-cased principal object id, or null
 */
record AssignmentFilter(boolean atScope, String principal) {

    private static final Pattern AT_SCOPE = Pattern.compile("atScope\\(\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRINCIPAL = Pattern.compile("principalId\\s+eq\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNED_TO = Pattern.compile("assignedTo\\(\\s*'([^']*)'\\s*\\)", Pattern.CASE_INSENSITIVE);

    static AssignmentFilter parse(String text) {
        if (text == null || text.isBlank()) return new AssignmentFilter(false, null);
        boolean atScope = false;
        String principal = null;
        for (String part : text.trim().split("(?i)\\s+and\\s+")) {
            String p = part.trim();
            Matcher m;
            if (AT_SCOPE.matcher(p).matches()) {
                atScope = true;
            } else if ((m = PRINCIPAL.matcher(p)).matches() || (m = ASSIGNED_TO.matcher(p)).matches()) {
                if (principal != null) throw AuthorizationErrors.unsupportedFilter(text);
                principal = m.group(1).toLowerCase(Locale.ROOT);
            } else {
                throw AuthorizationErrors.unsupportedFilter(text);
            }
        }
        return new AssignmentFilter(atScope, principal);
    }

    /** @param assignmentScope and {@code listScope} are keys from {@link Scoped#key} */
    boolean keeps(String assignmentScope, String principalId, String listScope) {
        if (principal != null && !principal.equalsIgnoreCase(principalId)) return false;
        if (atScope) return ScopeKeys.atOrAbove(assignmentScope, listScope);
        return Scoped.related(assignmentScope, listScope);
    }
}
