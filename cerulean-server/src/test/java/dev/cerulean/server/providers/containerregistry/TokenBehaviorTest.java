package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.key;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static dev.cerulean.server.providers.containerregistry.Conformance.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** Token create, update and the password keep-list (acr.md §3.2, §3.3; clients.md §4.2). */
class TokenBehaviorTest {

    private static final String REG = registryId("rg", "myregistry");
    private static final String TOKEN = REG + "/tokens/mytoken";
    private final AcrTestbed bed = new AcrTestbed();

    @BeforeEach
    void registryWithScopeMap() {
        bed.createRegistry("rg", "myregistry", "Basic");
        bed.createScopeMap(REG, "mytoken-scope-map", "repositories/hello-world/content/read");
    }

    private ObjectNode create(String properties) {
        return bed.put(TOKEN, "{'properties':" + properties + "}");
    }

    private ObjectNode createDefault() {
        return create("{'scopeMapId':'" + REG + "/scopeMaps/mytoken-scope-map','status':'enabled'}");
    }

    @Test
    void aNewTokenHasTheServicesShape() {
        JsonNode p = createDefault().get("properties");
        List<String> order = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("creationDate", "provisioningState", "scopeMapId", "credentials", "status");
        assertThat(p.get("credentials")).isEqualTo(Json.parse("{\"passwords\":[]}"));
        assertThat(p.get("status").asText()).isEqualTo("enabled");
        assertThat(p.get("creationDate").asText()).isEqualTo("2024-01-03T18:38:36.7089583+00:00");
    }

    @Test
    void statusDefaultsToEnabledAndIsCanonical() {
        assertThat(create("{'scopeMapId':'" + REG + "/scopeMaps/mytoken-scope-map'}").get("properties").get("status").asText())
                .isEqualTo("enabled");
        assertThat(bed.patch(TOKEN, "{'properties':{'status':'Disabled'}}").get("properties").get("status").asText())
                .isEqualTo("disabled");
    }

    @Test
    void anInvalidStatusIsRefused() {
        ApiErrors.expect(() -> create("{'scopeMapId':'" + REG + "/scopeMaps/mytoken-scope-map','status':'paused'}"), 400,
                "InvalidRequestContent",
                "The request content was invalid and could not be deserialized: 'Error converting value \"paused\" to type 'TokenStatus'. Path 'properties.status''.");
    }

    @Test
    void scopeMapIdIsRequired() {
        ApiErrors.expect(() -> create("{'status':'enabled'}"), 400, "InvalidParameter",
                "The property 'properties.scopeMapId' is required.");
    }

    @Test
    void theScopeMapMustBeOneOfThisRegistry() {
        bed.createRegistry("rg", "otherregistry", "Basic");
        String foreign = registryId("rg", "otherregistry") + "/scopeMaps/_repositories_pull";
        ApiErrors.expect(() -> create("{'scopeMapId':'" + foreign + "'}"), 400, "InvalidParameter",
                "The scope map '" + foreign + "' is not a scope map of the registry 'myregistry'.");
        ApiErrors.expect(() -> create("{'scopeMapId':'not-an-id'}"), 400, "InvalidParameter",
                "The scope map 'not-an-id' is not a scope map of the registry 'myregistry'.");
    }

    @Test
    void theScopeMapMustExist() {
        String missing = REG + "/scopeMaps/nosuchmap";
        ApiErrors.expect(() -> create("{'scopeMapId':'" + missing + "'}"), 400, "ScopeMapNotFound",
                "The scope map '" + missing + "' could not be found.");
    }

    @Test
    void theScopeMapIdIsMatchedCaseInsensitivelyAndEchoedAsGiven() {
        String lower = key(REG) + "/scopemaps/MYTOKEN-scope-map";
        assertThat(create("{'scopeMapId':'" + lower + "'}").get("properties").get("scopeMapId").asText()).isEqualTo(lower);
    }

    @Test
    void tokenNamesFollowTheRules() {
        ApiErrors.expect(() -> bed.put(REG + "/tokens/my_token", "{'properties':{'scopeMapId':'" + REG
                + "/scopeMaps/mytoken-scope-map'}}"), 400, "ResourceNameInvalid",
                "Invalid resource name: 'my_token'. Resource names may contain alpha numeric characters and dashes only and must be between 5 and 50 characters.");
    }

    @Test
    void patchWithoutCredentialsKeepsThePasswords() {
        createDefault();
        bed.action(REG, "generateCredentials", "{'tokenId':'" + TOKEN + "'}");
        JsonNode before = bed.get(TOKEN).get("properties").get("credentials");
        JsonNode after = bed.patch(TOKEN, "{'properties':{'status':'disabled'}}").get("properties").get("credentials");
        assertThat(after).isEqualTo(before);
        assertThat(bed.secrets.list(key(TOKEN))).hasSize(2);
    }

    @Test
    void patchPasswordsIsTheKeepList() {
        createDefault();
        bed.action(REG, "generateCredentials", "{'tokenId':'" + TOKEN + "'}");
        JsonNode password2 = bed.get(TOKEN).get("properties").get("credentials").get("passwords").get(1);
        String hash2 = bed.secrets.get(key(TOKEN), "password2").orElseThrow().value();

        JsonNode after = bed.patch(TOKEN, "{'properties':{'credentials':{'passwords':[{'name':'password2'}]}}}")
                .get("properties").get("credentials").get("passwords");

        assertThat(after).containsExactly(password2);
        assertThat(bed.secrets.get(key(TOKEN), "password1")).isEmpty();
        assertThat(bed.secrets.get(key(TOKEN), "password2").orElseThrow().value()).isEqualTo(hash2);
    }

    @Test
    void anEmptyKeepListDeletesBothPasswords() {
        createDefault();
        bed.action(REG, "generateCredentials", "{'tokenId':'" + TOKEN + "'}");
        JsonNode creds = bed.patch(TOKEN, "{'properties':{'credentials':{'passwords':[]}}}").get("properties").get("credentials");
        assertThat(creds.get("passwords")).isEmpty();
        assertThat(bed.secrets.list(key(TOKEN))).isEmpty();
    }

    @Test
    void aWriteCannotCreateAPassword() {
        createDefault();
        JsonNode creds = bed.patch(TOKEN, "{'properties':{'credentials':{'passwords':[{'name':'password1','value':'chosen'}]}}}")
                .get("properties").get("credentials");
        assertThat(creds.get("passwords")).isEmpty();
        assertThat(bed.secrets.list(key(TOKEN))).isEmpty();
    }

    @Test
    void anUnknownPasswordNameInTheKeepListIsRefused() {
        createDefault();
        ApiErrors.expect(() -> bed.patch(TOKEN, "{'properties':{'credentials':{'passwords':[{'name':'password3'}]}}}"), 400,
                "InvalidPasswordName", "The password name 'password3' is invalid. Valid values are 'password1' and 'password2'.");
    }

    @Test
    void aCertificateIsAnsweredWithItsThumbprintAndExpiry() {
        JsonNode example = Conformance.example("TokenCreate.json");
        ObjectNode request = (ObjectNode) example.get("parameters").get("tokenCreateParameters").deepCopy();
        ((ObjectNode) request.get("properties")).put("scopeMapId", REG + "/scopeMaps/mytoken-scope-map");
        JsonNode cert = bed.put(TOKEN, Json.write(request)).get("properties").get("credentials").get("certificates").get(0);
        JsonNode expected = example.get("responses").get("200").get("body").get("properties").get("credentials").get("certificates").get(0);
        assertThat(keys(cert)).isEqualTo(keys(expected));
        assertThat(cert.get("thumbprint")).isEqualTo(expected.get("thumbprint"));
        assertThat(cert.get("name").asText()).isEqualTo("certificate1");
        assertThat(bed.get(TOKEN).get("properties").get("status").asText()).isEqualTo("disabled");
    }

    @Test
    void anUnreadableCertificateIsRefused() {
        ApiErrors.expect(() -> create("{'scopeMapId':'" + REG + "/scopeMaps/mytoken-scope-map','credentials':{'certificates':"
                + "[{'name':'certificate1','encodedPemCertificate':'bm90IGEgY2VydA=='}]}}"), 400, "InvalidCertificate",
                "The certificate 'certificate1' is invalid: 'encodedPemCertificate' must be the base64 of a PEM or DER X.509 certificate.");
    }

    @Test
    void theSkuLimitsTokens() {
        for (int i = 0; i < 100; i++) bed.createToken(REG, "token" + i, "mytoken-scope-map");
        ApiErrors.expect(() -> bed.createToken(REG, "onetoomany", "mytoken-scope-map"), 400, "QuotaExceeded",
                "The registry has reached its limit of 100 tokens for the 'Basic' SKU.");
    }
}
