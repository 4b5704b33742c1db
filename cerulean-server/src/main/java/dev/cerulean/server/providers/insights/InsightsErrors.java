package dev.cerulean.server.providers.insights;

import dev.cerulean.core.error.ApiError;

/** Errors of diagnostic settings: ARM's codes; where no Azure wording is on record, Cerulean's. */
final class InsightsErrors {
    private InsightsErrors() {}

    static ApiError badRequest(String message) {
        return ApiError.of(400, "BadRequest", message);
    }

    static ApiError settingNotFound(String name) {
        return ApiError.of(404, "ResourceNotFound", "The diagnostic setting '" + name + "' doesn't exist.");
    }

    static ApiError scopeNotSupported(String scope) {
        return badRequest("Diagnostic settings are not supported at the scope '" + scope
                + "': target a resource, or a subscription for activity logs.");
    }

    static ApiError noDestination() {
        return badRequest("A diagnostic setting needs at least one destination: storageAccountId, workspaceId, "
                + "eventHubAuthorizationRuleId or marketplacePartnerId.");
    }

    /** ARM's wording for a property that must hold a resource id. */
    static ApiError invalidPropertyId(String value, String path) {
        return ApiError.of(400, "LinkedInvalidPropertyId", "Property id '" + value + "' at path '" + path
                + "' is invalid. Expect fully qualified resource Id that start with '/subscriptions/{subscriptionId}' or "
                + "'/providers/{resourceProviderNamespace}/'.");
    }
}
