package dev.cerulean.core.error;

import java.util.List;

/**
 * Microsoft Graph's errors (graph-rbac.md §1.4): {@code {"error":{"code","message","innerError"}}}
 * bodies, written by the Graph surface. az prints {@code error.message} and matches substrings of it
 * (" does not exist ", " does not reference "), so the texts follow Graph's.
 */
public final class GraphErrors {
    private GraphErrors() {}

    public static ApiError invalidToken(String message) {
        return ApiError.of(401, "InvalidAuthenticationToken", message);
    }

    public static ApiError notFound(String id) {
        return ApiError.of(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static ApiError invalidObjectId(String id) {
        return ApiError.of(400, "Request_BadRequest", "Invalid object identifier '" + id + "'.");
    }

    /** OData's answer to a path segment it has no resource for. */
    public static ApiError unknownSegment(String segment) {
        return ApiError.of(400, "BadRequest", "Resource not found for the segment '" + segment + "'.");
    }

    public static ApiError methodNotAllowed() {
        return ApiError.of(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
    }

    public static ApiError unreadableBody() {
        return ApiError.of(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type "
                + "header is set and payload is of valid JSON format.");
    }

    public static ApiError bodyTooLarge(long limit) {
        return ApiError.of(413, "Request_EntityTooLarge", "The request body exceeds " + limit + " bytes.");
    }

    public static ApiError unknownProperty(String property, String type) {
        return ApiError.of(400, "BadRequest", "The property '" + property + "' does not exist on type '"
                + type + "'. Make sure to only use property names that are defined by the type or mark the type as "
                + "open type.");
    }

    public static ApiError readOnlyProperty(String property, String type) {
        return ApiError.of(400, "Request_BadRequest", "Property '" + property + "' is read-only on type '" + type
                + "' and cannot be set.");
    }

    public static ApiError invalidValue(String property, String expected) {
        return ApiError.of(400, "Request_BadRequest", "Invalid value specified for property '" + property
                + "': expected " + expected + ".");
    }

    public static ApiError missingProperty(String property) {
        return ApiError.of(400, "Request_BadRequest", "A value is required for property '" + property
                + "' of resource.");
    }

    public static ApiError unsupportedFilter(String filter) {
        return ApiError.of(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified: '"
                + filter + "'.");
    }

    public static ApiError invalidQueryOption(String option, String value) {
        return ApiError.of(400, "Request_BadRequest", "Invalid value '" + value + "' for query option '" + option
                + "'.");
    }

    public static ApiError unsupportedQueryOption(String option) {
        return ApiError.of(400, "Request_UnsupportedQuery", "The query option '" + option + "' is not supported "
                + "on this resource.");
    }

    public static ApiError meRequiresUser() {
        return ApiError.of(400, "BadRequest", "/me request is only valid with delegated authentication flow.");
    }

    public static ApiError noBackingApplication(String appId) {
        return ApiError.of(400, "Request_BadRequest", "The appId '" + appId
                + "' of the service principal does not reference a valid application object.")
                .withDetails(List.of(new ApiError.Detail("NoBackingApplicationObject",
                        "The service principal being created must reference an application object.", "appId")));
    }

    public static ApiError servicePrincipalExists(String appId) {
        return ApiError.of(409, "Request_MultipleObjectsWithSameKeyValue", "The service principal cannot be created, "
                + "updated, or restored because the service principal name " + appId + " is already in use.");
    }

    public static ApiError identifierUriTaken() {
        return ApiError.of(400, "Request_BadRequest",
                "Another object with the same value for property identifierUris already exists.");
    }

    public static ApiError passwordNotFound(String keyId) {
        return ApiError.of(400, "Request_BadRequest", "No password credential found with keyId '" + keyId + "'.");
    }

    public static ApiError tooManyIds(int limit) {
        return ApiError.of(400, "Request_BadRequest", "The number of ids exceeds the limit of " + limit + ".");
    }

    public static ApiError internal(String requestId) {
        return ApiError.of(500, "InternalServerError", "An internal error occurred; request id " + requestId + ".");
    }
}
