package dev.cerulean.core.error;

import java.util.List;

/**
 * Catalogue of Microsoft Entra ID (Azure AD) token-service errors with the HTTP status, OAuth2
 * {@code error} string ({@link ApiError#code()}) and AADSTS number ({@link ApiError#numericCodes()})
 * real Entra uses (shared/reference/entra.md §7). Messages carry no {@code AADSTSnnnn:} prefix:
 * the Entra error writer adds it together with the trace/correlation lines.
 */
public final class EntraErrors {
    private EntraErrors() {}

    private static ApiError of(int status, String error, int aadsts, String message) {
        return ApiError.of(status, error, message).withNumericCodes(List.of(aadsts));
    }

    // --- request shape -------------------------------------------------------------------

    /** Also the answer to a body that is not form-encoded: Entra cannot find any parameter in it. */
    public static ApiError missingParameter(String name) {
        return of(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }

    public static ApiError unsupportedGrantType(String grantType) {
        return of(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType + "'.");
    }

    /** GET (or another method) on a token endpoint. */
    public static ApiError methodNotAllowed(String method) {
        return of(400, "invalid_request", 900561,
                "The endpoint only accepts POST, OPTIONS requests. Received a " + method + " request.");
    }

    public static ApiError endpointNotFound(String path) {
        return ApiError.of(404, "not_found", "The requested path '" + path + "' was not found.");
    }

    public static ApiError serverError(String requestId) {
        return ApiError.of(500, "server_error",
                "Cerulean encountered an internal error. Diagnostic information: request id '" + requestId + "'.");
    }

    // --- tenants -------------------------------------------------------------------------

    /** Unknown tenant on a token endpoint. */
    public static ApiError tenantNotFound(String tenant) {
        return of(400, "invalid_request", 90002, tenantNotFoundText(tenant));
    }

    /** Unknown tenant on a metadata (OpenID configuration, keys) endpoint: same number, other error string. */
    public static ApiError tenantNotFoundForMetadata(String tenant) {
        return of(400, "invalid_tenant", 90002, tenantNotFoundText(tenant));
    }

    private static String tenantNotFoundText(String tenant) {
        return "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID and are signing "
                + "into the correct cloud. Check with your subscription administrator, this may happen if there are "
                + "no active subscriptions for the tenant.";
    }

    public static ApiError malformedTenant(String tenant) {
        return of(400, "invalid_request", 900023,
                "Specified tenant identifier '" + tenant + "' is neither a valid DNS name, nor a valid external domain.");
    }

    /**
     * Client credentials sent to {@code /common} or {@code /organizations}: real Entra cannot pick a
     * tenant and answers 50059 (seen in MicrosoftDocs/azure-docs#24064 for the v2 client-credentials
     * curl sample, and AzureAD/microsoft-authentication-library-for-python#141 for its JSON shape).
     */
    public static ApiError noTenantIdentified() {
        return of(400, "invalid_request", 50059,
                "No tenant-identifying information found in either the request or implied by any provided credentials.");
    }

    // --- clients -------------------------------------------------------------------------

    public static ApiError invalidClientSecret(String appId) {
        return of(401, "invalid_client", 7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                        + "value, not the client secret ID, for a secret added to app '" + appId + "'.");
    }

    public static ApiError expiredClientSecret(String appId) {
        return of(401, "invalid_client", 7000222,
                "The provided client secret keys for app '" + appId + "' are expired. Visit the Azure portal to create "
                        + "new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate "
                        + "credentials for added security: https://aka.ms/certCreds.");
    }

    public static ApiError missingClientSecret() {
        return of(401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    /** Certificate and federated credentials are not emulated; say so instead of pretending the signature failed. */
    public static ApiError clientAssertionNotSupported() {
        return of(401, "invalid_client", 700027,
                "Client assertion failed signature validation. Cerulean accepts client secrets only; certificate and "
                        + "federated credentials are not emulated.");
    }

    public static ApiError unknownClient(String appId, String tenant) {
        return of(400, "unauthorized_client", 700016,
                "Application with identifier '" + appId + "' was not found in the directory '" + tenant + "'. This can "
                        + "happen if the application has not been installed by the administrator of the tenant or "
                        + "consented to by any user in the tenant. You may have sent your authentication request to "
                        + "the wrong tenant.");
    }

    // --- scopes and resources ------------------------------------------------------------

    public static ApiError invalidScope(String scope) {
        return of(400, "invalid_scope", 70011,
                "The provided value for the input parameter 'scope' is not valid. The scope " + scope + " is not valid.");
    }

    public static ApiError clientCredentialsScopeWithoutDefault(String scope) {
        return of(400, "invalid_scope", 1002012,
                "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope "
                        + "value with /.default suffixed to the resource identifier (application ID URI).");
    }

    public static ApiError invalidResource(String resource, String tenant) {
        return of(400, "invalid_resource", 500011,
                "The resource principal named " + resource + " was not found in the tenant named " + tenant + ". This "
                        + "can happen if the application has not been installed by the administrator of the tenant or "
                        + "consented to by any user in the tenant. You might have sent your authentication request to "
                        + "the wrong tenant.");
    }

    // --- users and refresh tokens --------------------------------------------------------

    public static ApiError invalidUserCredentials() {
        return of(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
    }

    /** Entra hides the account name in this message; the placeholder is literal. */
    public static ApiError userNotFound(String tenant) {
        return of(400, "invalid_grant", 50034,
                "The user account {EmailHidden} does not exist in the " + tenant + " directory. To sign into this "
                        + "application, the account must be added to the directory.");
    }

    public static ApiError invalidRefreshToken() {
        return of(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }

    /** {@code issuedAt} in ISO form, {@code inactivity} in .NET TimeSpan form ({@code 90.00:00:00}) as Entra prints them. */
    public static ApiError expiredRefreshToken(String issuedAt, String inactivity) {
        return of(400, "invalid_grant", 700082,
                "The refresh token has expired due to inactivity. The token was issued on " + issuedAt
                        + " and was inactive for " + inactivity + ".");
    }

    // --- instance discovery --------------------------------------------------------------

    public static ApiError invalidInstance(String authorizationEndpoint) {
        return of(400, "invalid_instance", 50049,
                "Unknown or invalid instance. The authorization endpoint '" + authorizationEndpoint + "' is not valid.");
    }
}
