package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;

import java.util.List;

/**
 * Catalogue of the errors the ACR resource provider answers (acr.md §1.11, §2, §3). Texts marked
 * "observed" in acr.md are reproduced exactly; codes acr.md lists as unverified use its
 * recommendations and are listed in docs/DEVIATIONS.md.
 */
public final class AcrErrors {
    private AcrErrors() {}

    private static final String NAME_CHECK_DOCS =
            "https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability";

    // --- names (acr.md §1.2) ------------------------------------------------------------

    /** Registry name outside {@code ^[a-zA-Z0-9]*$}, 5-50 (observed text). */
    public static ApiError registryNameInvalid(String name) {
        return ApiError.of(400, "ResourceNameInvalid", registryNameInvalidMessage(name));
    }

    static String registryNameInvalidMessage(String name) {
        return "Invalid resource name: '" + name + "'. Resource names may contain alpha numeric characters only and must be between 5 and 50 characters.";
    }

    /** Replication names follow the registry rules (containerregistry.json: {@code ^[a-zA-Z0-9]*$}, 5-50). */
    public static ApiError replicationNameInvalid(String name) {
        return ApiError.of(400, "ResourceNameInvalid", registryNameInvalidMessage(name));
    }

    public static ApiError scopeMapNameInvalid(String name) {
        return ApiError.of(400, "ResourceNameInvalid", "Invalid resource name: '" + name
                + "'. Resource names may contain alpha numeric characters, dashes and underscores only and must be between 5 and 50 characters.");
    }

    public static ApiError tokenNameInvalid(String name) {
        return ApiError.of(400, "ResourceNameInvalid", "Invalid resource name: '" + name
                + "'. Resource names may contain alpha numeric characters and dashes only and must be between 5 and 50 characters.");
    }

    /** The registry's DNS name is taken by a registry elsewhere (observed status and text, older api-versions). */
    public static ApiError registryNameInUse(String loginServer) {
        return ApiError.of(409, "AlreadyInUse", "The registry DNS name " + loginServer
                + " is already in use. You can check if the name is already claimed using following API: " + NAME_CHECK_DOCS);
    }

    // --- SKU and features (acr.md §1.3, §1.11) ------------------------------------------

    /** {@code sku} missing or {@code Classic} (observed text). */
    public static ApiError classicSkuDeprecated() {
        return ApiError.of(400, "ClassicSkuDeprecated", "Classic SKU is now deprecated. Please select a managed SKU. Kindly refer to docs for instructions: https://docs.microsoft.com/en-us/azure/container-registry/container-registry-upgrade");
    }

    public static ApiError invalidSku(String value) {
        return ApiError.of(400, "InvalidSku", "The sku '" + value + "' is invalid. Valid values are Basic, Standard, Premium.");
    }

    public static ApiError featureNotSupportedForSku(String feature, String sku) {
        return ApiError.of(400, "FeatureNotSupportedForSku",
                "The feature '" + feature + "' is not supported for the '" + sku + "' SKU. Please upgrade the registry to the Premium SKU.");
    }

    /** A SKU change below Premium while the registry has geo-replications (not verified against Azure). */
    public static ApiError replicationsNeedPremium(String sku, int count) {
        return ApiError.of(400, "FeatureNotSupportedForSku", "The registry has " + count
                + " replication(s), which the '" + sku + "' SKU does not support. Delete them before changing the SKU.");
    }

    public static ApiError zoneRedundancyImmutable() {
        return ApiError.of(400, "ZoneRedundancyCannotBeUpdated",
                "Zone redundancy can only be set when the registry is created.");
    }

    public static ApiError quotaExceeded(String what, int limit, String sku) {
        return ApiError.of(400, "QuotaExceeded", "The registry has reached its limit of " + limit + " " + what
                + " for the '" + sku + "' SKU.");
    }

    /**
     * A property whose value cannot be read as its type: the RP's deserializer error, which ARM
     * reports as InvalidRequestContent (acr.md §1.4 for the loosely typed booleans it does accept).
     */
    public static ApiError invalidValue(String value, String typeName, String path) {
        return ArmErrors.invalidRequestContent("Error converting value \"" + value + "\" to type '" + typeName
                + "'. Path '" + path + "'");
    }

    public static ApiError invalidParameter(String message) {
        return ApiError.of(400, "InvalidParameter", message);
    }

    // --- admin user (acr.md §1.9) ------------------------------------------------------

    /** listCredentials / regenerateCredential while the admin user is disabled (observed text). */
    public static ApiError adminUserDisabled(String registryId) {
        return ApiError.of(400, "UnAuthorizedForCredentialOperations", "Cannot perform credential operations for "
                + registryId + " as admin user is disabled. Kindly enable admin user as per docs: https://docs.microsoft.com/en-us/azure/container-registry/container-registry-authentication#admin-account");
    }

    public static ApiError invalidAdminPasswordName(String name) {
        return ApiError.of(400, "InvalidPasswordName", "The password name '" + name
                + "' is invalid. Valid values are 'password' and 'password2'.");
    }

    // --- name check (acr.md §1.8) ------------------------------------------------------

    public static ApiError nameCheckTypeInvalid(String type) {
        return ApiError.of(400, "InvalidResourceType", "The resource type '" + type
                + "' is invalid. The only supported type is 'Microsoft.ContainerRegistry/registries'.");
    }

    static String nameTakenMessage(String name) {
        return "The registry " + name + " is already in use.";
    }

    // --- scope maps (acr.md §2) ----------------------------------------------------------

    public static ApiError resourceNotFound(String name) {
        return ApiError.of(404, "ResourceNotFound", "The resource " + name + " could not be found.");
    }

    public static ApiError scopeMapActionsRequired() {
        return ApiError.of(400, "InvalidScopeMapAction", "At least one action must be specified in 'properties.actions'.");
    }

    public static ApiError invalidScopeMapAction(String action) {
        return ApiError.of(400, "InvalidScopeMapAction", "The action '" + action
                + "' is invalid. Valid forms are 'repositories/<repository>/<content/read|content/write|content/delete|metadata/read|metadata/write>' and 'gateway/<connected registry>/<config/read|config/write|message/read|message/write>'; a repository may end with '/*' or be '*'.");
    }

    public static ApiError tooManyScopeMapActions(int count, int limit) {
        return ApiError.of(400, "InvalidScopeMapAction", "A scope map can have at most " + limit
                + " actions; " + count + " were given.");
    }

    public static ApiError scopeMapDescriptionTooLong(int limit) {
        return ApiError.of(400, "InvalidParameter", "The scope map description must be at most " + limit + " characters.");
    }

    public static ApiError systemScopeMapCannotBeModified(String name) {
        return ApiError.of(400, "SystemDefinedScopeMapCannotBeModified",
                "The scope map '" + name + "' is system defined and cannot be modified.");
    }

    public static ApiError systemScopeMapCannotBeDeleted(String name) {
        return ApiError.of(400, "SystemDefinedScopeMapCannotBeDeleted",
                "The scope map '" + name + "' is system defined and cannot be deleted.");
    }

    public static ApiError reservedScopeMapName(String name) {
        return ApiError.of(400, "ResourceNameInvalid", "Invalid resource name: '" + name
                + "'. Names starting with '_' are reserved for system defined scope maps.");
    }

    public static ApiError scopeMapInUse(String name, List<String> tokens) {
        return ApiError.of(400, "ScopeMapInUse", "The scope map '" + name
                + "' cannot be deleted because it is used by the tokens: " + String.join(", ", tokens) + ".");
    }

    // --- tokens (acr.md §3) ------------------------------------------------------------

    public static ApiError scopeMapIdRequired() {
        return ApiError.of(400, "InvalidParameter", "The property 'properties.scopeMapId' is required.");
    }

    public static ApiError scopeMapNotInRegistry(String scopeMapId, String registryName) {
        return ApiError.of(400, "InvalidParameter", "The scope map '" + scopeMapId
                + "' is not a scope map of the registry '" + registryName + "'.");
    }

    public static ApiError scopeMapNotFound(String scopeMapId) {
        return ApiError.of(400, "ScopeMapNotFound", "The scope map '" + scopeMapId + "' could not be found.");
    }

    public static ApiError invalidTokenPasswordName(String name) {
        return ApiError.of(400, "InvalidPasswordName", "The password name '" + name
                + "' is invalid. Valid values are 'password1' and 'password2'.");
    }

    public static ApiError invalidCertificate(String name, String why) {
        return ApiError.of(400, "InvalidCertificate", "The certificate '" + name + "' is invalid: " + why);
    }

    // --- generateCredentials (acr.md §3.4) ---------------------------------------------

    public static ApiError tokenIdRequired() {
        return ApiError.of(400, "InvalidParameter", "The property 'tokenId' is required.");
    }

    public static ApiError tokenNotInRegistry(String tokenId, String registryName) {
        return ApiError.of(400, "InvalidParameter", "The token '" + tokenId
                + "' is not a token of the registry '" + registryName + "'.");
    }

    public static ApiError invalidExpiry(String value) {
        return ApiError.of(400, "InvalidParameter", "The expiry '" + value
                + "' is not a valid ISO 8601 date and time, e.g. 2030-12-31T23:59:59Z.");
    }

    public static ApiError expiryInPast(String value) {
        return ApiError.of(400, "InvalidParameter", "The expiry '" + value + "' must be in the future.");
    }
}
