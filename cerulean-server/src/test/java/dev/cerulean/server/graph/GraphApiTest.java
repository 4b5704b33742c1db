package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Graph calls az 2.45 makes (graph-rbac.md §2), against a whole server at {@code /graph/v1.0}. */
class GraphApiTest {

    static GraphTestServer graph;

    @BeforeAll
    static void start() {
        graph = new GraphTestServer();
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    /** Python's quote(text, safe=''), as az encodes $filter values. */
    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void createForRbacSequenceMakesAnIdentityThatGetsTokensAtOnce() {
        assertThat(graph.graph("GET", "/servicePrincipals?$filter=" + q("displayName eq 'ci-rbac'"), null).json()
                .get("value")).isEmpty();
        assertThat(graph.graph("GET", "/applications?$filter=" + q("startswith(displayName,'ci-rbac')"), null).json()
                .get("value")).isEmpty();
        var app = graph.graph("POST", "/applications", "{\"displayName\": \"ci-rbac\", \"keyCredentials\": []}");
        assertThat(app.status()).isEqualTo(201);
        String appObjectId = app.json().get("id").asText();
        String appId = app.json().get("appId").asText();
        assertThat(appObjectId).isNotEqualTo(appId);
        assertThat(app.json().get("@odata.context").asText()).endsWith("/graph/v1.0/$metadata#applications/$entity");
        var password = graph.graph("POST", "/applications/" + appObjectId + "/addPassword",
                "{\"passwordCredential\": {\"displayName\": \"rbac\", \"endDateTime\": \"2099-12-05T05:50:00Z\", "
                        + "\"startDateTime\": \"2024-12-05T05:50:00Z\"}}");
        assertThat(password.status()).isEqualTo(200);
        String secret = password.json().get("secretText").asText();
        assertThat(password.json().get("hint").asText()).isEqualTo(secret.substring(0, 3));
        assertThat(password.json().get("endDateTime").asText()).isEqualTo("2099-12-05T05:50:00Z");
        var sp = graph.graph("POST", "/servicePrincipals", "{\"appId\": \"" + appId + "\", \"accountEnabled\": true}");
        assertThat(sp.status()).isEqualTo(201);
        String spObjectId = sp.json().get("id").asText();
        assertThat(spObjectId).isNotIn(appId, appObjectId);
        assertThat(sp.json().get("servicePrincipalNames").get(0).asText()).isEqualTo(appId);
        assertThat(sp.json().get("appOwnerOrganizationId").asText()).isEqualTo(graph.tenantId());

        String armToken = graph.clientToken(appId, secret, "https://management.azure.com/");
        assertThat(armToken).isNotNull();
        assertThat(graph.arm("/subscriptions?api-version=2020-01-01", armToken).status()).isEqualTo(200);

        var stored = graph.graph("GET", "/applications/" + appObjectId, null).json();
        assertThat(stored.get("passwordCredentials")).singleElement().satisfies(c -> {
            assertThat(c.get("secretText").isNull()).isTrue();
            assertThat(c.get("keyId").asText()).isEqualTo(password.json().get("keyId").asText());
        });
        var found = graph.graph("GET", "/servicePrincipals?$filter="
                + q("servicePrincipalNames/any(c:c eq '" + appId + "')"), null).json().get("value");
        assertThat(found).singleElement().satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(spObjectId));
        assertThat(graph.graph("POST", "/servicePrincipals", "{\"appId\": \"" + appId + "\"}").status()).isEqualTo(409);
    }

    @Test
    void credentialResetOnThePrincipalReplacesTheSecret() {
        var app = graph.graph("POST", "/applications", "{\"displayName\": \"reset-me\"}").json();
        String appId = app.get("appId").asText();
        String first = graph.graph("POST", "/applications/" + app.get("id").asText() + "/addPassword", "{}").json()
                .get("secretText").asText();
        String spId = graph.graph("POST", "/servicePrincipals", "{\"appId\": \"" + appId + "\"}").json().get("id").asText();
        var spPassword = graph.graph("POST", "/servicePrincipals/" + spId + "/addPassword",
                "{\"passwordCredential\": {\"displayName\": null}}").json();
        String second = spPassword.get("secretText").asText();
        assertThat(graph.clientToken(appId, second, "https://management.azure.com/")).isNotNull();
        assertThat(graph.graph("POST", "/servicePrincipals/" + spId + "/removePassword",
                "{\"keyId\": \"" + spPassword.get("keyId").asText() + "\"}").status()).isEqualTo(204);
        assertThat(graph.clientToken(appId, second, "https://management.azure.com/")).isNull();
        assertThat(graph.clientToken(appId, first, "https://management.azure.com/")).isNotNull();
    }

    @Test
    void deletingTheApplicationDeletesItsPrincipalAndSecrets() {
        var app = graph.graph("POST", "/applications", "{\"displayName\": \"short-lived\"}").json();
        String secret = graph.graph("POST", "/applications/" + app.get("id").asText() + "/addPassword", "{}").json()
                .get("secretText").asText();
        String spId = graph.graph("POST", "/servicePrincipals", "{\"appId\": \"" + app.get("appId").asText() + "\"}")
                .json().get("id").asText();
        assertThat(graph.graph("DELETE", "/applications/" + app.get("id").asText(), null).status()).isEqualTo(204);
        var gone = graph.graph("GET", "/servicePrincipals/" + spId, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/code").asText()).isEqualTo("Request_ResourceNotFound");
        assertThat(gone.json().at("/error/message").asText()).contains(" does not exist ");
        assertThat(gone.json().at("/error/innerError/request-id").asText()).isNotEmpty();
        assertThat(graph.clientToken(app.get("appId").asText(), secret, "https://management.azure.com/")).isNull();
    }

    @Test
    void patchRenamesAndKeepsIdentifierUris() {
        String id = graph.graph("POST", "/applications", "{\"displayName\": \"before\"}").json().get("id").asText();
        assertThat(graph.graph("PATCH", "/applications/" + id,
                "{\"displayName\": \"after\", \"identifierUris\": [\"api://after\"]}").status()).isEqualTo(204);
        JsonNode app = graph.graph("GET", "/applications/" + id, null).json();
        assertThat(app.get("displayName").asText()).isEqualTo("after");
        assertThat(app.get("identifierUris")).singleElement().satisfies(u -> assertThat(u.asText()).isEqualTo("api://after"));
        assertThat(graph.graph("GET", "/applications?$filter=" + q("identifierUris/any(s:s eq 'api://after')"), null)
                .json().get("value")).hasSize(1);
    }

    @Test
    void listsArePagedWithAbsoluteNextLinks() {
        for (int i = 0; i < 3; i++) graph.graph("POST", "/applications", "{\"displayName\": \"paged-" + i + "\"}");
        String filter = "?$filter=" + q("startswith(displayName,'paged-')") + "&$top=2";
        JsonNode first = graph.graph("GET", "/applications" + filter, null).json();
        assertThat(first.get("value")).hasSize(2);
        String next = first.get("@odata.nextLink").asText();
        assertThat(next).startsWith(graph.base() + "/graph/v1.0/applications?");
        JsonNode second = graph.graph("GET", next, null).json();
        assertThat(second.get("value")).hasSize(1);
        assertThat(second.has("@odata.nextLink")).isFalse();
    }

    @Test
    void getByIdsNamesTypesAndSkipsUnknownIds() {
        String devSp = graph.graph("GET", "/servicePrincipals?$filter=" + q("appId eq '" + graph.server.config().clientId()
                + "'"), null).json().at("/value/0/id").asText();
        JsonNode value = graph.graph("POST", "/directoryObjects/getByIds", "{\"ids\": [\"" + devSp
                + "\", \"11111111-1111-1111-1111-111111111111\"], \"types\": [\"user\", \"group\", \"servicePrincipal\", "
                + "\"directoryObjectPartnerReference\"]}").json().get("value");
        assertThat(value).singleElement().satisfies(o -> {
            assertThat(o.get("@odata.type").asText()).isEqualTo("#microsoft.graph.servicePrincipal");
            assertThat(o.get("id").asText()).isEqualTo(devSp);
        });
    }

    @Test
    void meAnswersTheSignedInUserAndRefusesAppTokens() {
        String userToken = graph.userToken("https://graph.microsoft.com/");
        JsonNode me = graph.graph("GET", "/me", null, userToken).json();
        assertThat(me.get("userPrincipalName").asText()).isEqualTo("dev@cerulean.onmicrosoft.com");
        assertThat(me.get("@odata.context").asText()).endsWith("$metadata#users/$entity");
        JsonNode byUpn = graph.graph("GET", "/users?$filter=" + q("userPrincipalName eq 'dev@cerulean.onmicrosoft.com'"),
                null).json().get("value");
        assertThat(byUpn).singleElement().satisfies(u -> assertThat(u.get("id").asText()).isEqualTo(me.get("id").asText()));
        var refused = graph.graph("GET", "/me", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/message").asText()).isEqualTo(
                "/me request is only valid with delegated authentication flow.");
    }

    @Test
    void tokensForOtherAudiencesAreRefused() {
        String armToken = graph.clientToken(graph.server.config().clientId(), graph.server.config().clientSecret(),
                "https://management.azure.com/");
        var refused = graph.graph("GET", "/applications", null, armToken);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(graph.graph("GET", "/applications", null, null).status()).isEqualTo(401);
        String localAudience = graph.clientToken(graph.server.config().clientId(), graph.server.config().clientSecret(),
                graph.base() + "/graph/");
        assertThat(graph.graph("GET", "/applications", null, localAudience).status()).isEqualTo(200);
    }
}
