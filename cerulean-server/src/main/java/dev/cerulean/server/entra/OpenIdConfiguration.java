package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.security.TokenKinds;
import dev.cerulean.server.http.Exchange;

import java.util.List;

/**
 * The OpenID Connect discovery documents (entra.md §3): v2 and v1 per tenant, and the ADFS-style one
 * (clients.md §2.2 setup A). Every endpoint URL is built from the base URL the client used, so the
 * port survives; issuers keep Entra's fixed names because tokens carry those and ARM checks them.
 * For {@code common}/{@code organizations} the issuer keeps Entra's literal {@code {tenantid}}.
 */
final class OpenIdConfiguration {

    private static final String TENANT_PLACEHOLDER = "{tenantid}";

    private final TenantDirectory tenants;

    OpenIdConfiguration(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    void v2(Exchange ctx) {
        AuthorityTenant authority = tenants.resolveForMetadata(ctx.pathParam("tenant"));
        String base = PublicBaseUrl.of(ctx);
        String path = base + "/" + pathTenant(authority);
        ObjectNode doc = Json.object();
        doc.put("token_endpoint", path + "/oauth2/v2.0/token");
        strings(doc, "token_endpoint_auth_methods_supported", "client_secret_post", "private_key_jwt", "client_secret_basic");
        doc.put("jwks_uri", path + "/discovery/v2.0/keys");
        strings(doc, "response_modes_supported", "query", "fragment", "form_post");
        strings(doc, "subject_types_supported", "pairwise");
        strings(doc, "id_token_signing_alg_values_supported", "RS256");
        strings(doc, "response_types_supported", "code", "id_token", "code id_token", "id_token token");
        strings(doc, "scopes_supported", "openid", "profile", "email", "offline_access");
        doc.put("issuer", TokenKinds.v2Issuer(issuerTenant(authority)));
        doc.put("request_uri_parameter_supported", false);
        doc.put("userinfo_endpoint", "https://graph.microsoft.com/oidc/userinfo");
        doc.put("authorization_endpoint", path + "/oauth2/v2.0/authorize");
        doc.put("device_authorization_endpoint", path + "/oauth2/v2.0/devicecode");
        doc.put("http_logout_supported", true);
        doc.put("frontchannel_logout_supported", true);
        doc.put("end_session_endpoint", path + "/oauth2/v2.0/logout");
        strings(doc, "claims_supported", "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
                "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce",
                "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email");
        doc.put("kerberos_endpoint", path + "/kerberos");
        cloudNames(doc, authority);
        JsonAnswer.send(ctx, doc);
    }

    void v1(Exchange ctx) {
        AuthorityTenant authority = tenants.resolveForMetadata(ctx.pathParam("tenant"));
        String base = PublicBaseUrl.of(ctx);
        String path = base + "/" + pathTenant(authority);
        ObjectNode doc = Json.object();
        doc.put("token_endpoint", path + "/oauth2/token");
        strings(doc, "token_endpoint_auth_methods_supported", "client_secret_post", "private_key_jwt");
        doc.put("jwks_uri", base + "/common/discovery/keys");
        strings(doc, "response_modes_supported", "query", "fragment", "form_post");
        strings(doc, "subject_types_supported", "pairwise");
        strings(doc, "id_token_signing_alg_values_supported", "RS256");
        strings(doc, "response_types_supported", "code", "id_token", "code id_token", "token id_token", "token");
        strings(doc, "scopes_supported", "openid");
        doc.put("issuer", TokenKinds.v1Issuer(issuerTenant(authority)));
        doc.put("microsoft_multi_refresh_token", true);
        doc.put("authorization_endpoint", path + "/oauth2/authorize");
        doc.put("device_authorization_endpoint", path + "/oauth2/devicecode");
        doc.put("http_logout_supported", true);
        doc.put("frontchannel_logout_supported", true);
        doc.put("end_session_endpoint", path + "/oauth2/logout");
        strings(doc, "claims_supported", "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
                "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "amr", "nonce",
                "email", "given_name", "family_name", "nickname");
        doc.put("check_session_iframe", path + "/oauth2/checksession");
        doc.put("userinfo_endpoint", path + "/openid/userinfo");
        doc.put("kerberos_endpoint", path + "/kerberos");
        cloudNames(doc, authority);
        JsonAnswer.send(ctx, doc);
    }

    /**
     * ADFS convention: issuer {@code <base>/adfs}, endpoints under {@code /adfs}. MSAL only needs
     * the authorization and token endpoints and does not check the issuer (MSAL Python 1.21
     * {@code application.py} builds its client configuration from those two alone). The lists name
     * what Cerulean's ADFS-style endpoint actually does.
     */
    void adfs(Exchange ctx) {
        String adfs = PublicBaseUrl.of(ctx) + "/adfs";
        ObjectNode doc = Json.object();
        doc.put("issuer", adfs);
        doc.put("authorization_endpoint", adfs + "/oauth2/authorize");
        doc.put("token_endpoint", adfs + "/oauth2/token");
        doc.put("jwks_uri", adfs + "/discovery/keys");
        strings(doc, "token_endpoint_auth_methods_supported", "client_secret_post", "client_secret_basic");
        strings(doc, "response_types_supported", "code", "id_token", "code id_token", "id_token token");
        strings(doc, "response_modes_supported", "query", "fragment", "form_post");
        strings(doc, "grant_types_supported", "client_credentials", "password", "refresh_token");
        strings(doc, "subject_types_supported", "pairwise");
        strings(doc, "scopes_supported", "openid", "profile", "email", "offline_access", "user_impersonation");
        strings(doc, "id_token_signing_alg_values_supported", "RS256");
        doc.put("userinfo_endpoint", adfs + "/userinfo");
        doc.put("end_session_endpoint", adfs + "/oauth2/logout");
        JsonAnswer.send(ctx, doc);
    }

    /** Endpoint paths use the tenant id even when the document was asked for by domain, as Entra's do. */
    private static String pathTenant(AuthorityTenant authority) {
        return authority.isSpecific() ? authority.tenant().tenantId() : authority.segment();
    }

    private static String issuerTenant(AuthorityTenant authority) {
        return authority.isSpecific() ? authority.tenant().tenantId() : TENANT_PLACEHOLDER;
    }

    private static void cloudNames(ObjectNode doc, AuthorityTenant authority) {
        if (authority.isSpecific()) {
            doc.put("tenant_region_scope", "WW");
        } else {
            doc.putNull("tenant_region_scope");
        }
        doc.put("cloud_instance_name", "microsoftonline.com");
        doc.put("cloud_graph_host_name", "graph.windows.net");
        doc.put("msgraph_host", "graph.microsoft.com");
        doc.put("rbac_url", "https://pas.windows.net");
    }

    private static void strings(ObjectNode doc, String name, String... values) {
        var array = doc.putArray(name);
        List.of(values).forEach(array::add);
    }
}
