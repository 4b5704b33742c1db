package dev.cerulean.server.providers.machinelearningservices;

import dev.cerulean.core.error.ApiError;

import java.util.List;

/**
 * Errors of the Machine Learning resource provider (ml.md §2.4, §3.2, §7). The RP answers in ARM's
 * envelope with a {@code target} and {@code details}; clients read only {@code code} and {@code message}.
 */
final class MlErrors {
    private MlErrors() {}

    static ApiError validation(String message, String target) {
        return ApiError.of(400, "ValidationError", message).withTarget(target)
                .withDetails(List.of(new ApiError.Detail("Invalid", message, target)));
    }

    static ApiError missingDependents() {
        return validation("Missing dependent resources in workspace json", "workspace");
    }

    static ApiError malformedDependent(String property, String value, String expectedType) {
        return validation("The value '" + value + "' of property '" + property + "' is not a valid ARM resource id of type '"
                + expectedType + "'.", property);
    }

    static ApiError dependentNotFound(String property, String id) {
        return validation("The resource '" + id + "' referenced by property '" + property + "' was not found.", property);
    }

    static ApiError dependentWrongType(String property, String id, String actualType, String expectedType) {
        return validation("The resource '" + id + "' referenced by property '" + property + "' is of type '" + actualType
                + "', expected '" + expectedType + "'.", property);
    }

    static ApiError dependentOtherSubscription(String property, String id, String subscriptionId) {
        return validation("The resource '" + id + "' referenced by property '" + property
                + "' must be in the workspace's subscription '" + subscriptionId + "'.", property);
    }

    static ApiError immutable(String property) {
        return validation("Property '" + property + "' of a workspace cannot be changed after creation.", property);
    }

    static ApiError invalidWorkspaceName(String name) {
        return validation("Workspace name '" + name + "' is invalid: it must be 3 to 33 characters, start with a letter or"
                + " digit and contain only letters, digits, '-' and '_'.", "workspaceName");
    }

    static ApiError invalidValue(String property, String value, List<String> allowed) {
        return validation("The value '" + value + "' of property '" + property + "' is invalid; allowed values are "
                + String.join(", ", allowed) + ".", property);
    }

    static ApiError required(String property) {
        return validation("The property '" + property + "' is required.", property);
    }

    static ApiError invalidKeyIdentifier(String value) {
        return validation("The key identifier '" + value + "' is invalid: expected https://{vault}.vault.azure.net/keys/{key}[/{version}]"
                + " of the vault named by keyVaultArmId.", "encryption.keyVaultProperties.keyIdentifier");
    }

    static ApiError registryAdminDisabled(String id) {
        return ApiError.of(400, "BadRequest", "The container registry '" + id + "' must have the admin user enabled:"
                + " enable admin access on your container registry (az acr update --admin-enabled true) and retry.")
                .withTarget("containerRegistry");
    }

    // --- computes -------------------------------------------------------------------------

    static ApiError userError(String message) {
        return ApiError.of(400, "UserError", message);
    }

    static ApiError invalidComputeName(String name) {
        return userError("Compute name '" + name + "' is invalid. It can include letters, digits and dashes. It must start"
                + " with a letter, end with a letter or digit, and be between 2 and 24 characters in length.");
    }

    static ApiError unsupportedVmSize(String vmSize, List<String> supported) {
        return ApiError.of(400, "InvalidPropertyValue", "The specified value " + vmSize + " for property"
                        + " Cluster.Properties.VMSize is not a supported VM size. See additional details for supported VM sizes.")
                .withDetails(List.of(new ApiError.Detail("SupportedVMSizes", String.join(",", supported), null)));
    }

    static ApiError computeNotRunning(String name, String state, String action) {
        return ApiError.of(409, "Conflict", "Cannot " + action + " compute instance '" + name + "' in state '" + state + "'.");
    }

    static ApiError missingUnderlyingResourceAction() {
        return ApiError.of(400, "BadRequest", "The query parameter 'underlyingResourceAction' is required; allowed values"
                + " are Delete and Detach.").withTarget("underlyingResourceAction");
    }

    static ApiError notSupported(String computeType, String action) {
        return ApiError.of(400, "BadRequest", "The operation '" + action + "' is not supported for compute type '"
                + computeType + "'.");
    }
}
