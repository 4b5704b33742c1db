package dev.cerulean.server.entra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.cerulean.server.entra.EntraTestServer.form;
import static dev.cerulean.server.entra.OAuthErrorAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per row of entra.md §7, plus the request-shape failures around them. */
class TokenErrorsTest {

    static EntraTestServer server;
    static final String ARM_SCOPE = "https://management.core.windows.net//.default";

    @BeforeAll
    static void start() {
        server = EntraTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> v2At(String tenant, String... pairs) {
        return server.post("/" + tenant + "/oauth2/v2.0/token", form(pairs));
    }

    private HttpResponse<String> v2(String... pairs) {
        return v2At(server.tenantId(), pairs);
    }

    @Test
    void wrongSecretIsInvalidClient7000215() {
        HttpResponse<String> response = v2("grant_type", "client_credentials", "client_id", server.config.clientId(),
                "client_secret", "wrong", "scope", ARM_SCOPE);

        assertOAuthError(response, 401, "invalid_client", 7000215, "Invalid client secret provided.");
        assertThat(response.body()).contains("for a secret added to app '" + server.config.clientId() + "'");
    }

    @Test
    void missingSecretIsInvalidClient7000218() {
        assertOAuthError(v2("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "scope", ARM_SCOPE),
                401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    @Test
    void clientAssertionIsNotEmulated() {
        assertOAuthError(v2("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion", "eyJ.eyJ.sig", "scope", ARM_SCOPE),
                401, "invalid_client", 700027, "Client assertion failed signature validation.");
    }

    @Test
    void unknownClientIsUnauthorizedClient700016() {
        assertOAuthError(v2("grant_type", "client_credentials", "client_id", "99999999-9999-9999-9999-999999999999",
                        "client_secret", "x", "scope", ARM_SCOPE),
                400, "unauthorized_client", 700016,
                "Application with identifier '99999999-9999-9999-9999-999999999999' was not found in the directory '"
                        + server.tenantId() + "'.");
    }

    @Test
    void unknownTenantIdIsInvalidRequest90002() {
        assertOAuthError(v2At("12345678-1234-1234-1234-123456789012", "grant_type", "client_credentials",
                        "client_id", server.config.clientId(), "client_secret", server.config.clientSecret(),
                        "scope", ARM_SCOPE),
                400, "invalid_request", 90002, "Tenant '12345678-1234-1234-1234-123456789012' not found.");
    }

    @Test
    void unknownTenantDomainIsInvalidRequest90002() {
        assertOAuthError(v2At("contoso.onmicrosoft.com", "grant_type", "client_credentials"),
                400, "invalid_request", 90002, "Tenant 'contoso.onmicrosoft.com' not found.");
    }

    @Test
    void malformedTenantIsInvalidRequest900023() {
        assertOAuthError(v2At("not_a_tenant", "grant_type", "client_credentials"),
                400, "invalid_request", 900023,
                "Specified tenant identifier 'not_a_tenant' is neither a valid DNS name, nor a valid external domain.");
    }

    @Test
    void clientCredentialsAtCommonIsInvalidRequest50059() {
        assertOAuthError(v2At("common", "grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret(), "scope", ARM_SCOPE),
                400, "invalid_request", 50059, "No tenant-identifying information found");
    }

    @Test
    void missingGrantTypeIsInvalidRequest900144() {
        assertOAuthError(v2("client_id", server.config.clientId()),
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
    }

    @Test
    void missingClientIdIsInvalidRequest900144() {
        assertOAuthError(v2("grant_type", "client_credentials", "scope", ARM_SCOPE),
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
    }

    @Test
    void missingScopeIsInvalidRequest900144() {
        assertOAuthError(v2("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret()),
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
    }

    @Test
    void missingV1ResourceIsInvalidRequest900144() {
        assertOAuthError(server.post("/" + server.tenantId() + "/oauth2/token", form("grant_type", "client_credentials",
                        "client_id", server.config.clientId(), "client_secret", server.config.clientSecret())),
                400, "invalid_request", 900144, "The request body must contain the following parameter: 'resource'.");
    }

    @Test
    void bodyThatIsNotFormEncodedIsInvalidRequest900144() {
        HttpResponse<String> response = server.post("/" + server.tenantId() + "/oauth2/v2.0/token",
                "{\"grant_type\":\"client_credentials\"}", "Content-Type", "application/json");

        assertOAuthError(response, 400, "invalid_request", 900144,
                "The request body must contain the following parameter: 'grant_type'.");
    }

    @Test
    void unknownGrantTypeIsUnsupportedGrantType70003() {
        assertOAuthError(v2("grant_type", "urn:example:magic", "client_id", server.config.clientId()),
                400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type 'urn:example:magic'.");
    }

    @Test
    void clientCredentialsScopeWithoutDefaultIsInvalidScope1002012() {
        assertOAuthError(v2("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret(),
                        "scope", "https://management.azure.com/user_impersonation"),
                400, "invalid_scope", 1002012,
                "The provided value for scope https://management.azure.com/user_impersonation is not valid. "
                        + "Client credential flows must have a scope value with /.default suffixed");
    }

    @Test
    void twoResourcesInOneScopeIsInvalidScope70011() {
        String scope = "https://management.azure.com/.default https://vault.azure.net/.default";
        assertOAuthError(v2("grant_type", "client_credentials", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret(), "scope", scope),
                400, "invalid_scope", 70011,
                "The provided value for the input parameter 'scope' is not valid. The scope " + scope + " is not valid.");
    }

    @Test
    void malformedV1ResourceIsInvalidResource500011() {
        assertOAuthError(server.post("/" + server.tenantId() + "/oauth2/token", form("grant_type", "client_credentials",
                        "client_id", server.config.clientId(), "client_secret", server.config.clientSecret(),
                        "resource", "not a resource")),
                400, "invalid_resource", 500011,
                "The resource principal named not a resource was not found in the tenant named " + server.tenantId());
    }

    @Test
    void wrongUserPasswordIsInvalidGrant50126() {
        assertOAuthError(v2("grant_type", "password", "client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                        "username", server.devUser(), "password", "not-the-password", "scope", ARM_SCOPE),
                400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
    }

    @Test
    void unknownUserIsInvalidGrant50034() {
        assertOAuthError(v2("grant_type", "password", "client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                        "username", "nobody@cerulean.onmicrosoft.com", "password", "x", "scope", ARM_SCOPE),
                400, "invalid_grant", 50034, "The user account {EmailHidden} does not exist");
    }

    @Test
    void malformedRefreshTokenIsInvalidGrant9002313() {
        assertOAuthError(v2("grant_type", "refresh_token", "client_id", "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                        "refresh_token", "garbage", "scope", ARM_SCOPE),
                400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
    }

    @Test
    void accessTokenIsNotARefreshToken() {
        String accessToken = server.appToken(ARM_SCOPE);

        assertOAuthError(v2("grant_type", "refresh_token", "client_id", server.config.clientId(),
                        "client_secret", server.config.clientSecret(), "refresh_token", accessToken, "scope", ARM_SCOPE),
                400, "invalid_grant", 9002313, "Invalid request.");
    }
}
