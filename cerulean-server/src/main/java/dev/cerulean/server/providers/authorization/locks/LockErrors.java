package dev.cerulean.server.providers.authorization.locks;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;

import java.util.List;

/** Errors of {@code Microsoft.Authorization/locks} and of their enforcement, with Azure's status, code and text. */
final class LockErrors {
    private LockErrors() {}

    /** Azure's text; several locked scopes are joined with commas inside the one pair of quotes (unverified). */
    static ApiError scopeLocked(String target, String verb, List<String> lockedScopes) {
        return ApiError.of(409, "ScopeLocked", "The scope '" + target + "' cannot perform " + verb
                + " operation because following scope(s) are locked: '" + String.join(",", lockedScopes)
                + "'. Please remove the lock and try again.");
    }

    static ApiError lockNotFound(String name) {
        return ApiError.of(404, "LockNotFound", "The lock '" + name + "' could not be found.");
    }

    /** An unknown or missing level fails deserialization of the request, as any enum of ARM's front door does. */
    static ApiError invalidLevel(String value) {
        return ArmErrors.invalidRequestContent(value == null
                ? "Required property 'level' not found in JSON. Path 'properties'"
                : "Error converting value \"" + value + "\" to type 'LockLevel'. Path 'properties.level'");
    }

    static ApiError missingProperties() {
        return ArmErrors.invalidRequestContent("Required property 'properties' not found in JSON. Path ''");
    }

    static ApiError notesTooLong(int length) {
        return ArmErrors.invalidRequestContent("The lock notes are " + length + " characters long; at most "
                + ManagementLocks.MAX_NOTES + " are allowed. Path 'properties.notes'");
    }

    static ApiError invalidOwners() {
        return ArmErrors.invalidRequestContent("Error converting value to type 'ManagementLockOwner[]'. Path 'properties.owners'");
    }

    static ApiError invalidName(String name) {
        return ArmErrors.invalidResourceName(name, ManagementLocks.TYPE);
    }

    static ApiError unsupportedFilter(String filter) {
        return ApiError.of(400, "InvalidFilterInQueryString", "The $filter '" + filter + "' is not supported. Supported: atScope().");
    }
}
