package dev.cerulean.server.rbac;

import java.util.List;

/**
 * The permissions of one role, compiled for matching: an action is granted when an
 * {@code actions} entry matches it and no {@code notActions} entry of the same role does; data
 * actions likewise with {@code dataActions}/{@code notDataActions} (graph-rbac.md §5.2). Control-plane
 * wildcards never grant data actions.
 */
public record RolePermissions(List<ActionPattern> actions, List<ActionPattern> notActions,
                              List<ActionPattern> dataActions, List<ActionPattern> notDataActions) {

    public static RolePermissions of(List<String> actions, List<String> notActions, List<String> dataActions,
                                     List<String> notDataActions) {
        return new RolePermissions(compile(actions), compile(notActions), compile(dataActions), compile(notDataActions));
    }

    /** Several permission blocks of one role, merged: a role grants what any of its blocks grants. */
    public static RolePermissions merge(List<RolePermissions> blocks) {
        if (blocks.size() == 1) return blocks.get(0);
        return new RolePermissions(blocks.stream().flatMap(b -> b.actions.stream()).toList(),
                blocks.stream().flatMap(b -> b.notActions.stream()).toList(),
                blocks.stream().flatMap(b -> b.dataActions.stream()).toList(),
                blocks.stream().flatMap(b -> b.notDataActions.stream()).toList());
    }

    /** @param action lower-cased */
    public boolean grants(String action, boolean dataAction) {
        return dataAction ? grants(dataActions, notDataActions, action) : grants(actions, notActions, action);
    }

    private static boolean grants(List<ActionPattern> allow, List<ActionPattern> deny, String action) {
        boolean allowed = false;
        for (ActionPattern p : allow) {
            if (p.matchesLowerCase(action)) {
                allowed = true;
                break;
            }
        }
        if (!allowed) return false;
        for (ActionPattern p : deny) {
            if (p.matchesLowerCase(action)) return false;
        }
        return true;
    }

    private static List<ActionPattern> compile(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(ActionPattern::new).toList();
    }
}
