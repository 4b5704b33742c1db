package dev.cerulean.server.rbac;

/**
 * One role assignment as the evaluator uses it: the role's permissions at a scope.
 *
 * @param scopeKey lower-cased scope id without a trailing slash ({@code ""} for the tenant root {@code /})
 */
public record Grant(String scopeKey, RolePermissions permissions) {

    /** Whether this grant's scope is the target or one of its ancestors, compared by whole segments. */
    public boolean covers(String targetKey) {
        return ScopeKeys.atOrAbove(scopeKey, targetKey);
    }
}
