package dev.cerulean.core.error;

import java.util.List;

/**
 * Catalogue of Azure Resource Manager errors, with the status, code and message text real ARM
 * uses (shared/reference/arm.md §4-§6, §9). Providers add their own catalogues next to their code.
 */
public final class ArmErrors {
    private ArmErrors() {}

    public static final List<String> ARM_AUDIENCES = List.of(
            "https://management.core.windows.net/", "https://management.core.windows.net",
            "https://management.azure.com/", "https://management.azure.com");

    // --- request shape -------------------------------------------------------------------

    public static ApiError missingApiVersion() {
        return ApiError.of(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.");
    }

    public static ApiError invalidApiVersion(String version, List<String> supported) {
        return ApiError.of(400, "InvalidApiVersionParameter",
                "The api-version '" + version + "' is invalid. The supported versions are '"
                        + String.join(",", supported) + "'.");
    }

    public static ApiError noRegisteredProviderFound(String location, String version, String type,
                                                     List<String> versions, List<String> locations) {
        return ApiError.of(400, "NoRegisteredProviderFound",
                "No registered resource provider found for location '" + location + "' and API version '" + version
                        + "' for type '" + type + "'. The supported api-versions are '" + String.join(", ", versions)
                        + "'. The supported locations are '" + String.join(", ", locations) + "'.");
    }

    public static ApiError invalidResourceType(String type, String namespace, String version) {
        return ApiError.of(404, "InvalidResourceType",
                "The resource type '" + type + "' could not be found in the namespace '" + namespace
                        + "' for api version '" + version + "'.");
    }

    public static ApiError invalidResourceNamespace(String namespace) {
        return ApiError.of(404, "InvalidResourceNamespace", "The resource namespace '" + namespace + "' is invalid.");
    }

    public static ApiError missingSubscription() {
        return ApiError.of(400, "MissingSubscription",
                "The request did not have a subscription or a valid tenant level resource provider.");
    }

    public static ApiError invalidSubscriptionId(String value) {
        return ApiError.of(400, "InvalidSubscriptionId",
                "The provided subscription identifier '" + value + "' is malformed or invalid.");
    }

    public static ApiError invalidRequestContent(String detail) {
        return ApiError.of(400, "InvalidRequestContent",
                "The request content was invalid and could not be deserialized: '" + detail + "'.");
    }

    public static ApiError unsupportedMediaType(String contentType) {
        return ApiError.of(415, "UnsupportedMediaType",
                "The content media type '" + contentType + "' is not supported. Only 'application/json' is supported.");
    }

    public static ApiError requestTooLarge(long limit) {
        return ApiError.of(413, "RequestEntityTooLarge",
                "The request content length exceeds the maximum allowed size of " + limit + " bytes.");
    }

    public static ApiError methodNotAllowed(String method) {
        return ApiError.of(405, "MethodNotAllowed",
                "The requested resource does not support http method '" + method + "'.");
    }

    public static ApiError locationRequired() {
        return ApiError.of(400, "LocationRequired", "The location property is required for this definition.");
    }

    public static ApiError invalidResourceName(String name, String type) {
        return ApiError.of(400, "InvalidResourceName",
                "The resource name '" + name + "' is invalid for resource type '" + type + "'.");
    }

    public static ApiError invalidTag(String message) {
        return ApiError.of(400, "InvalidTag", message);
    }

    public static ApiError notImplemented(String operation) {
        return ApiError.of(501, "NotImplemented", "The operation '" + operation + "' is not implemented by Cerulean.");
    }

    public static ApiError notFound(String path) {
        return ApiError.of(404, "NotFound", "The requested path '" + path + "' was not found.");
    }

    // --- lookups -------------------------------------------------------------------------

    public static ApiError subscriptionNotFound(String sub) {
        return ApiError.of(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
    }

    public static ApiError resourceGroupNotFound(String rg) {
        return ApiError.of(404, "ResourceGroupNotFound", "Resource group '" + rg + "' could not be found.");
    }

    public static ApiError resourceNotFound(String typeAndName, String rg) {
        return ApiError.of(404, "ResourceNotFound", "The Resource '" + typeAndName + "' under resource group '" + rg
                + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
    }

    public static ApiError operationNotFound(String id) {
        return ApiError.of(404, "OperationNotFound", "The operation '" + id + "' could not be found.");
    }

    public static ApiError missingSubscriptionRegistration(String namespace) {
        String msg = "The subscription is not registered to use namespace '" + namespace
                + "'. See https://aka.ms/rps-not-found for how to register subscriptions.";
        return ApiError.of(409, "MissingSubscriptionRegistration", msg)
                .withDetails(List.of(new ApiError.Detail("MissingSubscriptionRegistration", msg, namespace)));
    }

    // --- resource groups -----------------------------------------------------------------

    public static ApiError invalidResourceGroup(String name, String invalidChars) {
        return ApiError.of(400, "InvalidResourceGroup", "The provided resource group name '" + name
                + "' has these invalid characters: '" + invalidChars + "'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.");
    }

    public static ApiError invalidResourceGroupLength(String name) {
        return ApiError.of(400, "InvalidResourceGroup", "The provided resource group name '" + name
                + "' is invalid: it must be 1 to 90 characters long and must not end with a period.");
    }

    public static ApiError invalidResourceGroupLocation(String requested, String existing) {
        return ApiError.of(409, "InvalidResourceGroupLocation", "Invalid resource group location '" + requested
                + "'. The Resource group already exists in location '" + existing + "'.");
    }

    public static ApiError resourceGroupBeingDeleted(String rg) {
        return ApiError.of(409, "ResourceGroupBeingDeleted",
                "The resource group '" + rg + "' is in deprovisioning state and cannot perform this operation.");
    }

    public static ApiError invalidLocation(String location) {
        return ApiError.of(400, "LocationNotAvailableForResourceGroup",
                "The provided location '" + location + "' is not available for resource group. List of available regions is '"
                        + String.join(",", dev.cerulean.core.id.Locations.NAMES) + "'.");
    }

    public static ApiError invalidLocationForResource(String location) {
        return ApiError.of(400, "LocationNotAvailableForResourceType", "The provided location '" + location
                + "' is not available for resource type. List of available regions is '"
                + String.join(",", dev.cerulean.core.id.Locations.NAMES) + "'.");
    }

    public static ApiError locationChanged(String name, String existing, String rg, String requested) {
        return ApiError.of(400, "InvalidResourceLocation", "The resource '" + name + "' already exists in location '"
                + existing + "' in resource group '" + rg + "'. A resource with the same name cannot be created in location '"
                + requested + "'. Please select a new resource name.");
    }

    public static ApiError invalidFilter(String filter) {
        return ApiError.of(400, "InvalidFilterInQueryString", "The $filter '" + filter
                + "' is not supported. Supported: resourceType eq, name eq, location eq, resourceGroup eq, tagName eq [and tagValue eq], substringof('x', name), joined by 'and'.");
    }

    public static ApiError invalidSkipToken() {
        return ApiError.of(400, "InvalidSkipToken", "The $skipToken query parameter is invalid.");
    }

    public static ApiError concurrentUpdate(String id) {
        return ApiError.of(409, "Conflict", "The resource '" + id + "' was modified by another request; retry the request.");
    }

    public static ApiError parentResourceNotFound(String typeAndName, String rg) {
        return ApiError.of(404, "ParentResourceNotFound", "Can not perform requested operation on nested resource. Parent resource '"
                + typeAndName + "' not found.");
    }

    // --- conditional requests ------------------------------------------------------------

    public static ApiError preconditionFailed() {
        return ApiError.of(412, "PreconditionFailed",
                "The condition specified using HTTP conditional header(s) is not met.");
    }

    public static ApiError conflict(String message) {
        return ApiError.of(409, "Conflict", message);
    }

    // --- authentication (arm.md §6) ------------------------------------------------------

    public static ApiError authenticationMissing() {
        return ApiError.of(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
    }

    public static ApiError authenticationInvalidHeader() {
        return ApiError.of(401, "AuthenticationFailedInvalidHeader",
                "Authentication failed. The 'Authorization' header is provided in an invalid format.");
    }

    public static ApiError invalidAuthenticationToken(String why) {
        return ApiError.of(401, "InvalidAuthenticationToken", "The access token is invalid. " + why);
    }

    public static ApiError expiredAuthenticationToken(String expiry, String now) {
        return ApiError.of(401, "ExpiredAuthenticationToken", "The access token expiry UTC time '" + expiry
                + "' is earlier than current UTC time '" + now + "'.");
    }

    public static ApiError invalidAudience(String aud) {
        return ApiError.of(401, "InvalidAuthenticationTokenAudience",
                "The access token has been obtained for wrong audience or resource '" + aud
                        + "'. It should exactly match with one of the allowed audiences '"
                        + String.join("','", ARM_AUDIENCES) + "'.");
    }

    public static ApiError invalidTokenTenant(String tokenTenant, String subscriptionTenant) {
        return ApiError.of(401, "InvalidAuthenticationTokenTenant", "The access token is from the wrong issuer 'https://sts.windows.net/"
                + tokenTenant + "/'. It must match the tenant 'https://sts.windows.net/" + subscriptionTenant
                + "/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/"
                + subscriptionTenant + "' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.");
    }

    public static ApiError authorizationFailed(String client, String objectId, String action, String scope) {
        return ApiError.of(403, "AuthorizationFailed", "The client '" + client + "' with object id '" + objectId
                + "' does not have authorization to perform action '" + action + "' over scope '" + scope
                + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    public static ApiError internal(String requestId) {
        return ApiError.of(500, "InternalServerError",
                "Encountered internal server error. Diagnostic information: request id '" + requestId + "'.");
    }
}
