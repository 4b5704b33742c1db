package dev.cerulean.server.providers.authorization;

import dev.cerulean.core.error.ApiError;

/** Microsoft.Authorization's errors, with Azure's status, code and text (graph-rbac.md §3.7). */
final class AuthorizationErrors {
    private AuthorizationErrors() {}

    static ApiError assignmentExists() {
        return ApiError.of(409, "RoleAssignmentExists", "The role assignment already exists.");
    }

    /** Azure prints the principal id without dashes, and two spaces before "See". */
    static ApiError principalNotFound(String principalId, String tenantId) {
        return ApiError.of(400, "PrincipalNotFound", "Principal " + principalId.replace("-", "")
                + " does not exist in the directory " + tenantId + ". Check that you have the correct principal ID."
                + " If you are creating this principal and then immediately assigning a role, this error might be related"
                + " to a replication delay. In this case, set the role assignment principalType property to a value,"
                + " such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype");
    }

    /** Azure's own spelling, typos included. */
    static ApiError unmatchedPrincipalType(String principalId, String actual, String requested) {
        return ApiError.of(400, "UnmatchedPrincipalType", "The PrincipalId '" + principalId + "' has type '" + actual
                + "' , which is different from specified PrinciaplType '" + requested + "'.");
    }

    static ApiError invalidPrincipalId() {
        return ApiError.of(400, "InvalidPrincipalId", "A valid principal ID must be provided for role assignment.");
    }

    static ApiError invalidRoleDefinitionId(String value) {
        return ApiError.of(400, "InvalidRoleDefinitionId", "The role definition ID '" + value + "' is not valid.");
    }

    static ApiError roleDefinitionDoesNotExist(String guid) {
        return ApiError.of(404, "RoleDefinitionDoesNotExist",
                "The specified role definition with ID '" + guid + "' does not exist.");
    }

    static ApiError invalidAssignmentId(String name) {
        return ApiError.of(400, "InvalidRoleAssignmentId", "The role assignment ID '" + name
                + "' is not valid. The role assignment ID must be a GUID.");
    }

    static ApiError assignmentNotFound() {
        return ApiError.of(404, "RoleAssignmentNotFound", "The role assignment does not exist.");
    }

    static ApiError assignmentUpdateNotPermitted() {
        return ApiError.of(400, "RoleAssignmentUpdateNotPermitted",
                "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
    }

    static ApiError badRequestFormat() {
        return ApiError.of(400, "BadRequestFormat", "The request was incorrectly formatted.");
    }

    static ApiError roleNameExists() {
        return ApiError.of(409, "RoleDefinitionWithSameNameExists",
                "A custom role with the same name already exists in this directory.");
    }

    static ApiError builtInRoleReadOnly(String guid) {
        return ApiError.of(400, "InvalidRoleDefinitionId", "The role definition ID '" + guid
                + "' belongs to a built-in role, which cannot be changed or deleted.");
    }

    static ApiError invalidRoleDefinition(String message) {
        return ApiError.of(400, "InvalidRoleDefinition", message);
    }

    static ApiError invalidAssignableScope(String scope) {
        return ApiError.of(400, "InvalidAssignableScope", "The assignable scope '" + scope
                + "' is not valid. Assignable scopes must be the subscription or a resource group or resource in it.");
    }

    static ApiError roleDefinitionHasAssignments() {
        return ApiError.of(409, "RoleDefinitionHasAssignments",
                "There are existing role assignments referencing role (code: RoleDefinitionHasAssignments).");
    }

    static ApiError unsupportedFilter(String filter) {
        return ApiError.of(400, "UnsupportedQuery", "The filter '" + filter + "' is not supported.");
    }

    static ApiError methodNotAllowed(String method) {
        return dev.cerulean.core.error.ArmErrors.methodNotAllowed(method);
    }
}
