package dev.cerulean.server.providers.storage;

import dev.cerulean.core.error.ApiError;

/** The storage resource provider's errors, with its codes and (where known) its wording. */
final class StorageErrors {
    private StorageErrors() {}

    /** Observed text; the RP names the account as {@code target}. */
    static ApiError accountNameInvalid(String name) {
        return ApiError.of(400, "AccountNameInvalid", accountNameInvalidMessage(name)).withTarget(name);
    }

    static String accountNameInvalidMessage(String name) {
        return name + " is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.";
    }

    /** Observed: the name belongs to an account in another subscription (or, to Cerulean, anywhere else). */
    static ApiError alreadyTaken(String name) {
        return ApiError.of(409, "StorageAccountAlreadyTaken", alreadyTakenMessage(name)).withTarget(name);
    }

    static String alreadyTakenMessage(String name) {
        return "The storage account named " + name + " is already taken.";
    }

    /** The name belongs to an account in another resource group of the same subscription. */
    static ApiError inAnotherResourceGroup(String name) {
        return ApiError.of(409, "StorageAccountInAnotherResourceGroup",
                "The account " + name + " is already in another resource group in this subscription.").withTarget(name);
    }

    /** Observed wording for a value the RP does not accept, e.g. an unknown SKU or kind. */
    static ApiError valueNotAllowed(String value, String property) {
        return ApiError.of(400, "InvalidRequestPropertyValue",
                "The value '" + value + "' is not allowed for property " + property + ".");
    }

    /** Observed wording for combinations the RP refuses (kind and SKU) and for missing required values. */
    static ApiError invalidParameters(String names) {
        return ApiError.of(400, "InvalidValuesForRequestParameters", "Values for request parameters are invalid: " + names + ".");
    }

    static ApiError nameCheckTypeInvalid(String type) {
        return ApiError.of(400, "InvalidValuesForRequestParameters",
                "Values for request parameters are invalid: type. The type '" + type
                        + "' is not supported; the only supported type is 'Microsoft.Storage/storageAccounts'.");
    }

    /** The blob service's wording for container names (its spelling of "specified" included). */
    static final String CONTAINER_NAME_CHARACTERS = "The specifed resource name contains invalid characters.";
    static final String CONTAINER_NAME_LENGTH = "The specified resource name length is not within the permissible limits.";

    /** The RP passes the blob service's refusal of a container operation on under this code. */
    static ApiError containerOperationFailure(String message) {
        return ApiError.of(400, "ContainerOperationFailure", message);
    }

    /** Azure's code and wording for a public container in an account that forbids public access. */
    static ApiError publicAccessNotPermitted() {
        return ApiError.of(409, "PublicAccessNotPermitted", "Public access is not permitted on this storage account.");
    }

    static ApiError invalidMetadata(String name) {
        return ApiError.of(400, "InvalidMetadata", "The metadata specified is invalid. It has characters that are not permitted: '"
                + name + "'.");
    }
}
