package dev.cerulean.server.arm.spi;

import java.util.List;

/**
 * Extension resource types: served under any scope as {@code {scope}/providers/{namespace}/{type}[/{name}]},
 * where the scope is the tenant root, a subscription, a resource group or any resource (arm.md §2,
 * graph-rbac.md §3.2), e.g. {@code Microsoft.Authorization/roleAssignments}. The engine parses the
 * path, checks the subscription, api-version and the scope's existence, and authorizes the request
 * as {@code {namespace}/{type}/read|write|delete} at the scope before calling {@link #handle}.
 */
public interface ExtensionTypes {

    /** Type names as Azure spells them, e.g. {@code roleAssignments}; matched case-insensitively. */
    List<String> types();

    /** Declared api-versions, newest first; checked only under {@code --strict-api-versions}. */
    default List<String> apiVersions() {
        return List.of();
    }

    /** Answers one request; throw {@code ApiError} for client mistakes. */
    ExtensionResponse handle(ExtensionRequest request);
}
