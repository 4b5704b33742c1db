package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.server.entra.AuthorityTenant;

import java.util.Map;

/**
 * One token request, parsed from HTTP but free of it: the endpoint it came to, the tenant the URL
 * named, the form fields (first value of each) and any Basic client credentials.
 *
 * @param basic    null when the request carried no Basic {@code Authorization} header
 * @param clientIp the caller's address, for the {@code ipaddr} claim of user tokens
 */
public record TokenRequest(TokenProtocol protocol, AuthorityTenant authority, Map<String, String> form,
                           BasicCredentials basic, String clientIp) {

    /** A form field, or null when absent or empty. */
    public String param(String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A form field that must be there, else {@code invalid_request} AADSTS900144 naming it. */
    public String required(String name) {
        String value = param(name);
        if (value == null) {
            throw EntraErrors.missingParameter(name);
        }
        return value;
    }

    /**
     * True when the audience comes from {@code scope} (v2, and ADFS when a scope is sent, which is
     * what MSAL does), false when it comes from {@code resource} (v1, ADFS with {@code resource}).
     */
    public boolean usesScopes() {
        return protocol == TokenProtocol.V2 || (protocol == TokenProtocol.ADFS && param("resource") == null);
    }

    /** The client id, from Basic credentials when present, else from the form. */
    public String clientId() {
        if (basic != null) {
            return basic.clientId();
        }
        return required("client_id");
    }

    /** The client secret, from Basic credentials when present, else from the form; null when none was sent. */
    public String clientSecret() {
        return basic != null ? basic.secret() : param("client_secret");
    }
}
