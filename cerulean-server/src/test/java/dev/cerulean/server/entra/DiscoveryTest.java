package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import static dev.cerulean.server.entra.EntraTestServer.json;
import static dev.cerulean.server.entra.OAuthErrorAssert.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

/** Instance discovery, OpenID Connect documents, JWKS and user realm. */
class DiscoveryTest {

    static EntraTestServer server;

    @BeforeAll
    static void start() {
        server = EntraTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void instanceDiscoveryNamesOurHostAndPortNotTheParameter() {
        // MSAL drops the port from the authorization endpoint it reports (clients.md §2.2 setup B)
        HttpResponse<String> response = server.get("/common/discovery/instance?authorization_endpoint="
                + encoded("https://localhost/" + server.tenantId() + "/oauth2/v2.0/authorize") + "&api-version=1.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=86400, private");
        JsonNode body = json(response);
        assertThat(body.get("tenant_discovery_endpoint").asText()).isEqualTo(
                server.base() + "/" + server.tenantId() + "/v2.0/.well-known/openid-configuration");
        assertThat(body.get("api-version").asText()).isEqualTo("1.1");
        JsonNode group = body.get("metadata").get(0);
        String ours = "localhost:" + server.port();
        assertThat(group.get("preferred_network").asText()).isEqualTo(ours);
        assertThat(group.get("aliases")).extracting(JsonNode::asText).containsExactly(ours,
                "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net");
    }

    @Test
    void instanceDiscoveryWithoutTenantPointsAtCommon() {
        JsonNode body = json(server.get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                + encoded("https://login.microsoftonline.com/common/oauth2/authorize")));

        assertThat(body.get("tenant_discovery_endpoint").asText())
                .isEqualTo(server.base() + "/common/v2.0/.well-known/openid-configuration");
    }

    @Test
    void instanceDiscoveryAsLoginMicrosoftonlineHasThePublicCloudShape() {
        try (EntraTestServer intercepted = EntraTestServer.startAddressedAs("https://login.microsoftonline.com")) {
            JsonNode body = json(intercepted.get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                    + encoded("https://login.microsoftonline.com/common/oauth2/authorize")));

            assertThat(body.get("tenant_discovery_endpoint").asText())
                    .isEqualTo("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");
            JsonNode group = body.get("metadata").get(0);
            assertThat(group.get("preferred_network").asText()).isEqualTo("login.microsoftonline.com");
            assertThat(group.get("preferred_cache").asText()).isEqualTo("login.windows.net");
            assertThat(group.get("aliases")).extracting(JsonNode::asText).containsExactly(
                    "login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net");
        }
    }

    @Test
    void instanceDiscoveryRejectsANonHttpsEndpoint() {
        assertOAuthError(server.get("/common/discovery/instance?api-version=1.1&authorization_endpoint="
                        + encoded("ftp://example/common")),
                400, "invalid_instance", 50049, "Unknown or invalid instance.");
    }

    @Test
    void v2ConfigurationNamesOurBaseUrlAndTheTenantIssuer() {
        HttpResponse<String> response = server.get("/" + server.tenantId() + "/v2.0/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        String path = server.base() + "/" + server.tenantId();
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(path + "/oauth2/v2.0/token");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(path + "/oauth2/v2.0/authorize");
        assertThat(doc.get("device_authorization_endpoint").asText()).isEqualTo(path + "/oauth2/v2.0/devicecode");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(path + "/discovery/v2.0/keys");
        assertThat(doc.get("issuer").asText())
                .isEqualTo("https://login.microsoftonline.com/" + server.tenantId() + "/v2.0");
        assertThat(doc.get("id_token_signing_alg_values_supported")).extracting(JsonNode::asText).containsExactly("RS256");
    }

    @Test
    void v2ConfigurationAskedByDomainUsesTheTenantId() {
        JsonNode doc = json(server.get("/cerulean.onmicrosoft.com/v2.0/.well-known/openid-configuration"));

        assertThat(doc.get("token_endpoint").asText())
                .isEqualTo(server.base() + "/" + server.tenantId() + "/oauth2/v2.0/token");
    }

    @Test
    void v2ConfigurationForCommonKeepsTheIssuerPlaceholder() {
        JsonNode doc = json(server.get("/common/v2.0/.well-known/openid-configuration"));

        assertThat(doc.get("issuer").asText()).isEqualTo("https://login.microsoftonline.com/{tenantid}/v2.0");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(server.base() + "/common/oauth2/v2.0/token");
    }

    @Test
    void v2ConfigurationOfUnknownTenantIsInvalidTenant90002() {
        assertOAuthError(server.get("/12345678-1234-1234-1234-123456789012/v2.0/.well-known/openid-configuration"),
                400, "invalid_tenant", 90002, "Tenant '12345678-1234-1234-1234-123456789012' not found.");
    }

    @Test
    void v1ConfigurationHasV1IssuerAndEndpoints() {
        JsonNode doc = json(server.get("/" + server.tenantId() + "/.well-known/openid-configuration"));

        assertThat(doc.get("issuer").asText()).isEqualTo("https://sts.windows.net/" + server.tenantId() + "/");
        assertThat(doc.get("token_endpoint").asText())
                .isEqualTo(server.base() + "/" + server.tenantId() + "/oauth2/token");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(server.base() + "/common/discovery/keys");
        assertThat(doc.get("microsoft_multi_refresh_token").asBoolean()).isTrue();
    }

    @Test
    void adfsConfigurationPointsAtTheAdfsTokenEndpoint() {
        JsonNode doc = json(server.get("/adfs/.well-known/openid-configuration"));

        assertThat(doc.get("token_endpoint").asText()).isEqualTo(server.base() + "/adfs/oauth2/token");
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(server.base() + "/adfs/oauth2/authorize");
        assertThat(doc.get("issuer").asText()).isEqualTo(server.base() + "/adfs");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(server.base() + "/adfs/discovery/keys");
    }

    @Test
    void v2KeysNameTheirIssuerAndKidEqualsCertificateThumbprint() throws Exception {
        JsonNode key = json(server.get("/" + server.tenantId() + "/discovery/v2.0/keys")).get("keys").get(0);

        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("e").asText()).isEqualTo("AQAB");
        assertThat(key.get("x5t").asText()).isEqualTo(key.get("kid").asText());
        assertThat(key.get("issuer").asText())
                .isEqualTo("https://login.microsoftonline.com/" + server.tenantId() + "/v2.0");
        byte[] der = Base64.getDecoder().decode(key.get("x5c").get(0).asText());
        assertThat(Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)).toString())
                .isEqualTo(key.get("kid").asText());
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        assertThat(certificate.getPublicKey()).isEqualTo(
                RSAKey.parse(key.toString()).toRSAPublicKey());
    }

    @Test
    void commonV2KeysUseTheIssuerPlaceholder() {
        JsonNode key = json(server.get("/common/discovery/v2.0/keys")).get("keys").get(0);

        assertThat(key.get("issuer").asText()).isEqualTo("https://login.microsoftonline.com/{tenantid}/v2.0");
    }

    @Test
    void v1KeysCarryNoIssuer() {
        for (String path : new String[] {"/common/discovery/keys", "/" + server.tenantId() + "/discovery/keys",
                "/adfs/discovery/keys"}) {
            HttpResponse<String> response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json(response).get("keys").get(0).has("issuer")).as(path).isFalse();
        }
    }

    @Test
    void tokenHeaderKidIsPublishedAndTokenVerifiesAgainstKeys() throws Exception {
        SignedJWT token = SignedJWT.parse(server.appToken("https://management.azure.com/.default"));
        JWKSet keys = JWKSet.parse(server.get("/common/discovery/keys").body());

        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void userRealmOfKnownDomainIsManaged() {
        JsonNode body = json(server.get("/common/userrealm/" + server.devUser() + "?api-version=1.0"));

        assertThat(body.get("account_type").asText()).isEqualTo("Managed");
        assertThat(body.get("domain_name").asText()).isEqualTo("cerulean.onmicrosoft.com");
        assertThat(body.get("cloud_audience_urn").asText()).isEqualTo("urn:federation:MicrosoftOnline");
    }

    @Test
    void userRealmOfUnknownDomainIsUnknownNotAnError() {
        HttpResponse<String> response = server.get("/common/userrealm/someone@example.com?api-version=1.0");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("account_type").asText()).isEqualTo("Unknown");
    }
}
