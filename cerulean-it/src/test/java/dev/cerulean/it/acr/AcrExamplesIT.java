package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the Microsoft.ContainerRegistry 2023-01-01-preview spec examples from
 * shared/conformance/acr-examples (skipped when absent) with the server's subscription and unique
 * names: the example's request, a status the example lists, and the example's keys with their JSON
 * types (recursively). The examples are schema illustrations (acr.md §7); where Cerulean answers
 * otherwise on purpose, the test asserts the documented behaviour instead of skipping.
 */
class AcrExamplesIT {

    static final String DIR = "conformance/acr-examples/";
    /** The examples' registry id, rewritten to ours in request bodies. */
    static final String EXAMPLE_REGISTRY = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup"
            + "/providers/Microsoft.ContainerRegistry/registries/myRegistry";
    /** acr.md §1.3 (observed): Basic and Standard have no networkRuleSet; the examples show one on Standard. */
    static final String NETWORK_RULE_SET = "/properties/networkRuleSet";
    /** docs/DEVIATIONS.md: a token's certificates are answered as name, expiry and thumbprint; the PEM is not echoed. */
    static final String CERTIFICATE_PEM = "/properties/credentials/certificates[]/encodedPemCertificate";

    static AcrFixtures fx;

    @BeforeAll
    static void start() {
        fx = new AcrFixtures(TestServers.shared());
    }

    /** Sends the example's request with our names; the body is {@code parameters/<bodyParameter>} with ids rewritten. */
    static Https.Response replay(JsonNode ex, String method, String path, String bodyParameter, String registryId) {
        String body = null;
        if (bodyParameter != null) body = ex.at("/parameters/" + bodyParameter).toString().replace(EXAMPLE_REGISTRY, registryId);
        return fx.https().arm(method, path + "?api-version=" + ex.at("/parameters/api-version").asText(), body);
    }

    /** The status is one the example lists, and the body has the example's shape for that status. */
    static void assertMatches(Https.Response r, JsonNode ex, String... deviations) {
        JsonNode expected = ex.at("/responses/" + r.status());
        assertThat(expected.isMissingNode()).as("status " + r.status() + " is one the example lists: " + r.body()).isFalse();
        JsonNode body = expected.get("body");
        if (body != null) JsonShapes.assertShape(r.json(), body, Set.of(deviations));
    }

    @Test
    void registries() {
        String rg = fx.resourceGroup("acrex-");
        String name = AcrFixtures.unique("myRegistry");
        String id = fx.registryId(rg, name);

        JsonNode create = Shared.json(DIR + "RegistryCreate.json");
        var created = replay(create, "PUT", id, "registry", id);
        assertThat(created.status()).isEqualTo(201);
        assertMatches(created, create, NETWORK_RULE_SET);
        assertThat(created.json().at(NETWORK_RULE_SET).isMissingNode()).as("no networkRuleSet on Standard").isTrue();
        assertThat(created.json().at("/properties/loginServer").asText()).as("mixed-case name, lower-case host")
                .isEqualTo(name.toLowerCase() + ".azurecr.io");
        assertThat(created.json().at("/properties/status").isMissingNode()).as("no status on a healthy registry (acr.md §1.3)").isTrue();
        assertThat(created.header("Azure-AsyncOperation")).isNotNull();

        JsonNode get = Shared.json(DIR + "RegistryGet.json");
        var got = replay(get, "GET", id, null, id);
        assertMatches(got, get, NETWORK_RULE_SET);
        assertThat(got.json().get("tags").get("key").asText()).isEqualTo("value");

        JsonNode update = Shared.json(DIR + "RegistryUpdate.json");
        var updated = replay(update, "PATCH", id, "registryUpdateParameters", id);
        assertThat(updated.status()).isEqualTo(200);
        assertMatches(updated, update, NETWORK_RULE_SET);
        var premium = fx.arm("PATCH", id, "{\"sku\":{\"name\":\"Premium\"}}");
        assertMatches(premium, update); // with Premium the example's networkRuleSet is there too
        fx.arm("PATCH", id, "{\"sku\":{\"name\":\"Standard\"}}");

        JsonNode list = Shared.json(DIR + "RegistryList.json");
        var listed = replay(list, "GET", "/subscriptions/" + fx.subscription() + "/providers/Microsoft.ContainerRegistry/registries", null, id);
        assertMatches(listed, list, "/value[]" + NETWORK_RULE_SET);
        assertThat(listed.json().get("value")).extracting(r -> r.get("id").asText()).contains(id);

        JsonNode available = Shared.json(DIR + "RegistryCheckNameAvailable.json");
        String checkPath = "/subscriptions/" + fx.subscription() + "/providers/Microsoft.ContainerRegistry/checkNameAvailability";
        ObjectNode free = available.deepCopy();
        ((ObjectNode) free.at("/parameters/registryNameCheckRequest")).put("name", AcrFixtures.unique("myRegistry"));
        var yes = replay(free, "POST", checkPath, "registryNameCheckRequest", id);
        assertMatches(yes, available);
        assertThat(yes.json().get("nameAvailable").asBoolean()).isTrue();
        assertThat(yes.json().has("availableLoginServerName")).as("newer api-versions only (acr.md §1.8)").isFalse();

        JsonNode taken = Shared.json(DIR + "RegistryCheckNameNotAvailable.json");
        ObjectNode mine = taken.deepCopy();
        ((ObjectNode) mine.at("/parameters/registryNameCheckRequest")).put("name", name);
        var no = replay(mine, "POST", checkPath, "registryNameCheckRequest", id);
        assertMatches(no, taken);
        assertThat(no.json().get("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(no.json().get("message").asText()).isEqualTo("The registry " + name + " is already in use.");

        JsonNode credentials = Shared.json(DIR + "RegistryListCredentials.json");
        var creds = replay(credentials, "POST", id + "/listCredentials", null, id);
        assertMatches(creds, credentials);
        assertThat(creds.json().get("username").asText()).isEqualTo(name);
        assertThat(creds.json().get("passwords")).extracting(p -> p.get("name").asText()).containsExactly("password", "password2");

        JsonNode usages = Shared.json(DIR + "RegistryListUsages.json");
        var used = replay(usages, "GET", id + "/listUsages", null, id);
        assertMatches(used, usages);
        assertThat(used.json().get("value")).extracting(u -> u.get("name").asText()).startsWith("Size", "Webhooks");

        JsonNode delete = Shared.json(DIR + "RegistryDelete.json");
        var deleted = replay(delete, "DELETE", id, null, id);
        assertMatches(deleted, delete);
        assertThat(deleted.status()).as("observed: 200 with an empty body (acr.md §1.6)").isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(fx.get(id)).isNull();
    }

    @Test
    void scopeMaps() {
        String id = fx.registry(fx.resourceGroup("acrex-"), AcrFixtures.unique("myRegistry"), "Standard", false);
        String map = id + "/scopeMaps/myScopeMap";

        // The examples' actions (repositories/myrepository/contentWrite, .../delete) are illustrations that do not
        // follow the action grammar of acr.md §2.2; Cerulean refuses them, then the same request with real actions passes.
        JsonNode create = Shared.json(DIR + "ScopeMapCreate.json");
        var refused = replay(create, "PUT", map, "scopeMapCreateParameters", id);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("InvalidScopeMapAction");
        assertThat(fx.get(map)).as("nothing created").isNull();
        var created = replay(withActions(create, "scopeMapCreateParameters", "repositories/myrepository/content/write",
                "repositories/myrepository/content/delete"), "PUT", map, "scopeMapCreateParameters", id);
        assertMatches(created, create);
        // acr.md §2.1 observed 200 on create; the ARM engine answers every create with 201 (docs/DEVIATIONS.md)
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/properties/type").asText()).as("real value; the example shows IsUserDefined").isEqualTo("UserDefined");
        assertThat(created.json().at("/properties/description").asText()).isEqualTo("Developer Scopes");

        JsonNode get = Shared.json(DIR + "ScopeMapGet.json");
        assertMatches(replay(get, "GET", map, null, id), get);

        JsonNode update = Shared.json(DIR + "ScopeMapUpdate.json");
        assertThat(replay(update, "PATCH", map, "scopeMapUpdateParameters", id).status()).isEqualTo(400);
        var updated = replay(withActions(update, "scopeMapUpdateParameters", "repositories/myrepository/content/write",
                "repositories/myrepository/content/read"), "PATCH", map, "scopeMapUpdateParameters", id);
        assertMatches(updated, update);
        assertThat(updated.json().at("/properties/actions")).extracting(JsonNode::asText)
                .containsExactly("repositories/myrepository/content/write", "repositories/myrepository/content/read");

        JsonNode delete = Shared.json(DIR + "ScopeMapDelete.json");
        var deleted = replay(delete, "DELETE", map, null, id);
        assertMatches(deleted, delete);
        assertThat(fx.get(map)).isNull();
    }

    @Test
    void tokensAndGeneratedCredentials() {
        String id = fx.registry(fx.resourceGroup("acrex-"), AcrFixtures.unique("myRegistry"), "Basic", false);
        fx.scopeMap(id, "myScopeMap", "repositories/myrepository/content/read");
        fx.scopeMap(id, "myNewScopeMap", "repositories/myrepository/content/write");
        String token = id + "/tokens/myToken";

        JsonNode create = Shared.json(DIR + "TokenCreate.json");
        var created = replay(create, "PUT", token, "tokenCreateParameters", id);
        assertThat(created.status()).as("observed: 201 + Azure-AsyncOperation (acr.md §3.1)").isEqualTo(201);
        assertMatches(created, create);
        assertThat(created.json().at("/properties/status").asText()).isEqualTo("disabled");
        assertThat(created.json().at("/properties/credentials/certificates/0/thumbprint").asText())
                .as("SHA-1 of the example's certificate").isEqualTo(create.at("/responses/200/body/properties/credentials/certificates/0/thumbprint").asText());
        assertThat(created.json().at("/properties/credentials/passwords").isArray()).as("passwords always a list").isTrue();

        JsonNode update = Shared.json(DIR + "TokenUpdate.json");
        var updated = replay(update, "PATCH", token, "tokenUpdateParameters", id);
        assertThat(updated.status()).isEqualTo(200);
        assertMatches(updated, update, CERTIFICATE_PEM);
        assertThat(updated.json().at("/properties/credentials/certificates/0").has("encodedPemCertificate")).isFalse();
        assertThat(updated.json().at("/properties/scopeMapId").asText()).isEqualTo(id + "/scopeMaps/myNewScopeMap");
        assertThat(updated.json().at("/properties/credentials/certificates/0/thumbprint").asText()).as("a name alone keeps the certificate")
                .isEqualTo(created.json().at("/properties/credentials/certificates/0/thumbprint").asText());

        // The example's expiry (2020-12-31) is in the past, which Cerulean refuses (acr.md §3.4 recommendation);
        // with a future date the same request answers the example's shape.
        JsonNode generate = Shared.json(DIR + "RegistryGenerateCredentials.json");
        var past = replay(generate, "POST", id + "/generateCredentials", "generateCredentialsParameters", id);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().at("/error/code").asText()).isEqualTo("InvalidParameter");
        ObjectNode future = generate.deepCopy();
        ((ObjectNode) future.at("/parameters/generateCredentialsParameters")).put("expiry", "2099-12-31T15:59:59.0707808Z");
        var generated = replay(future, "POST", id + "/generateCredentials", "generateCredentialsParameters", id);
        assertMatches(generated, generate);
        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.json().get("username").asText()).isEqualTo("myToken");

        JsonNode delete = Shared.json(DIR + "TokenDelete.json");
        var deleted = replay(delete, "DELETE", token, null, id);
        assertMatches(deleted, delete);
        assertThat(fx.get(token)).isNull();
    }

    private static JsonNode withActions(JsonNode ex, String parameter, String... actions) {
        ObjectNode copy = ex.deepCopy();
        ((ObjectNode) copy.at("/parameters/" + parameter + "/properties")).set("actions", Json.MAPPER.valueToTree(actions));
        return copy;
    }
}
