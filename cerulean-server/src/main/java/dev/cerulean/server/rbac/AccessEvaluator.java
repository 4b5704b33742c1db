package dev.cerulean.server.rbac;

/**
 * Azure RBAC's one decision (graph-rbac.md §5): may this principal perform this action at this
 * scope. ARM enforcement and the registry data plane both ask it; nothing else decides access.
 */
public interface AccessEvaluator {

    /**
     * @param principalObjectId the caller's object id (the token's {@code oid})
     * @param action            e.g. {@code Microsoft.ContainerRegistry/registries/pull/read}; matched case-insensitively
     * @param scope             the target's resource id, e.g. a registry's id; assignments at it or above it count
     * @param dataAction        true to match the roles' {@code dataActions} instead of their {@code actions}
     */
    boolean allows(String principalObjectId, String action, String scope, boolean dataAction);

    /** Today's behaviour and {@code --authorization off}: every authenticated caller may do everything. */
    AccessEvaluator ALLOW_ALL = (principal, action, scope, dataAction) -> true;
}
