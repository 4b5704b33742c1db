package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.cerulean.server.graph.GraphApiTest.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client mistakes on Graph: each answers Graph's status and code in Graph's error body, never a
 * 5xx, and leaves the directory as it was. {@code {app}}, {@code {appId}} and {@code {sp}} stand for
 * an existing application, its client id and its service principal.
 */
class GraphBadInputTest {

    static final String UNKNOWN = "11111111-1111-1111-1111-111111111111";
    static GraphTestServer graph;
    static String app;
    static String appId;
    static String sp;

    record Case(String name, String method, String path, String body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("malformed application id", "GET", "/applications/not-a-guid", null, 400, "Request_BadRequest"),
                new Case("malformed principal id", "DELETE", "/servicePrincipals/1234", null, 400, "Request_BadRequest"),
                new Case("unknown application", "GET", "/applications/" + UNKNOWN, null, 404, "Request_ResourceNotFound"),
                new Case("patch unknown application", "PATCH", "/applications/" + UNKNOWN, "{\"displayName\": \"x\"}",
                        404, "Request_ResourceNotFound"),
                new Case("delete unknown principal", "DELETE", "/servicePrincipals/" + UNKNOWN, null, 404,
                        "Request_ResourceNotFound"),
                new Case("addPassword on unknown application", "POST", "/applications/" + UNKNOWN + "/addPassword", "{}",
                        404, "Request_ResourceNotFound"),
                new Case("unknown property", "POST", "/applications", "{\"displayName\": \"x\", \"colour\": \"blue\"}",
                        400, "BadRequest"),
                new Case("read-only appId", "POST", "/applications", "{\"displayName\": \"x\", \"appId\": \"" + UNKNOWN
                        + "\"}", 400, "Request_BadRequest"),
                new Case("read-only id in patch", "PATCH", "/applications/{app}", "{\"id\": \"" + UNKNOWN + "\"}", 400,
                        "Request_BadRequest"),
                new Case("unknown property in patch", "PATCH", "/servicePrincipals/{sp}", "{\"bogus\": 1}", 400,
                        "BadRequest"),
                new Case("appId of a principal is read-only in patch", "PATCH", "/servicePrincipals/{sp}",
                        "{\"appId\": \"" + UNKNOWN + "\"}", 400, "Request_BadRequest"),
                new Case("read-only servicePrincipalType", "POST", "/servicePrincipals",
                        "{\"appId\": \"{appId}\", \"servicePrincipalType\": \"Application\"}", 400, "Request_BadRequest"),
                new Case("missing displayName", "POST", "/applications", "{}", 400, "Request_BadRequest"),
                new Case("body not JSON", "POST", "/applications", "displayName=x", 400, "BadRequest"),
                new Case("body not an object", "POST", "/applications", "[\"x\"]", 400, "BadRequest"),
                new Case("no body", "POST", "/applications", null, 400, "BadRequest"),
                new Case("unknown signInAudience", "POST", "/applications",
                        "{\"displayName\": \"x\", \"signInAudience\": \"Everyone\"}", 400, "Request_BadRequest"),
                new Case("identifierUris not an array", "POST", "/applications",
                        "{\"displayName\": \"x\", \"identifierUris\": \"api://x\"}", 400, "Request_BadRequest"),
                new Case("secrets in a create", "POST", "/applications",
                        "{\"displayName\": \"x\", \"passwordCredentials\": [{\"secretText\": \"mine\"}]}", 400,
                        "Request_BadRequest"),
                new Case("identifier URI of another application", "POST", "/applications",
                        "{\"displayName\": \"x\", \"identifierUris\": [\"API://Target\"]}", 400, "Request_BadRequest"),
                new Case("accountEnabled not a boolean", "PATCH", "/servicePrincipals/{sp}", "{\"accountEnabled\": \"yes\"}",
                        400, "Request_BadRequest"),
                new Case("principal without application", "POST", "/servicePrincipals", "{\"appId\": \"" + UNKNOWN + "\"}",
                        400, "Request_BadRequest"),
                new Case("principal without appId", "POST", "/servicePrincipals", "{\"accountEnabled\": true}", 400,
                        "Request_BadRequest"),
                new Case("second principal for an application", "POST", "/servicePrincipals", "{\"appId\": \"{appId}\"}",
                        409, "Request_MultipleObjectsWithSameKeyValue"),
                new Case("secretText is read-only", "POST", "/applications/{app}/addPassword",
                        "{\"passwordCredential\": {\"secretText\": \"mine\"}}", 400, "Request_BadRequest"),
                new Case("endDateTime not a time", "POST", "/servicePrincipals/{sp}/addPassword",
                        "{\"passwordCredential\": {\"endDateTime\": \"tomorrow\"}}", 400, "Request_BadRequest"),
                new Case("end before start", "POST", "/applications/{app}/addPassword", "{\"passwordCredential\": "
                        + "{\"startDateTime\": \"2030-01-01T00:00:00Z\", \"endDateTime\": \"2029-01-01T00:00:00Z\"}}",
                        400, "Request_BadRequest"),
                new Case("removePassword keyId not a GUID", "POST", "/applications/{app}/removePassword",
                        "{\"keyId\": \"k1\"}", 400, "Request_BadRequest"),
                new Case("removePassword unknown keyId", "POST", "/servicePrincipals/{sp}/removePassword",
                        "{\"keyId\": \"" + UNKNOWN + "\"}", 400, "Request_BadRequest"),
                new Case("removePassword without keyId", "POST", "/applications/{app}/removePassword", "{}", 400,
                        "Request_BadRequest"),
                new Case("filter operator ne", "GET", "/applications?$filter=" + q("displayName ne 'x'"), null, 400,
                        "Request_UnsupportedQuery"),
                new Case("filter startswith on appId", "GET", "/applications?$filter=" + q("startswith(appId,'0')"), null,
                        400, "Request_UnsupportedQuery"),
                new Case("filter on a property not filterable", "GET", "/servicePrincipals?$filter=" + q("notes eq 'x'"),
                        null, 400, "Request_UnsupportedQuery"),
                new Case("filter unterminated string", "GET", "/servicePrincipals?$filter=" + q("displayName eq 'x"), null,
                        400, "Request_UnsupportedQuery"),
                new Case("filter trailing garbage", "GET", "/users?$filter=" + q("id eq 'x' or id eq 'y'"), null, 400,
                        "Request_UnsupportedQuery"),
                new Case("any with another variable", "GET", "/servicePrincipals?$filter="
                        + q("servicePrincipalNames/any(c:d eq 'x')"), null, 400, "Request_UnsupportedQuery"),
                new Case("$orderby", "GET", "/applications?$orderby=displayName", null, 400, "Request_UnsupportedQuery"),
                new Case("$top zero", "GET", "/applications?$top=0", null, 400, "Request_BadRequest"),
                new Case("$top not a number", "GET", "/servicePrincipals?$top=ten", null, 400, "Request_BadRequest"),
                new Case("getByIds with a malformed id", "POST", "/directoryObjects/getByIds", "{\"ids\": [\"nope\"]}", 400,
                        "Request_BadRequest"),
                new Case("getByIds ids not an array", "POST", "/directoryObjects/getByIds", "{\"ids\": \"" + UNKNOWN
                        + "\"}", 400, "Request_BadRequest"),
                new Case("getByIds unknown type", "POST", "/directoryObjects/getByIds", "{\"ids\": [], \"types\": "
                        + "[\"spaceship\"]}", 400, "Request_BadRequest"),
                new Case("unknown entity set", "GET", "/frobnicators", null, 400, "BadRequest"),
                new Case("unknown action", "POST", "/applications/{app}/frobnicate", "{}", 400, "BadRequest"),
                new Case("PUT on a collection", "PUT", "/applications", "{}", 405, "Request_BadRequest"),
                new Case("GET on an action", "GET", "/applications/{app}/addPassword", null, 405, "Request_BadRequest"),
                new Case("users are read-only", "POST", "/users", "{}", 405, "Request_BadRequest"),
                new Case("malformed user id", "GET", "/users/not-a-guid", null, 400, "Request_BadRequest"),
                new Case("unknown user name", "GET", "/users/nobody@cerulean.onmicrosoft.com", null, 404,
                        "Request_ResourceNotFound"),
                new Case("me with an app token", "GET", "/me", null, 400, "BadRequest"));
    }

    @BeforeAll
    static void start() {
        graph = new GraphTestServer();
        JsonNode created = graph.graph("POST", "/applications",
                "{\"displayName\": \"target\", \"identifierUris\": [\"api://target\"]}").json();
        app = created.get("id").asText();
        appId = created.get("appId").asText();
        graph.graph("POST", "/applications/" + app + "/addPassword", "{}");
        sp = graph.graph("POST", "/servicePrincipals", "{\"appId\": \"" + appId + "\"}").json().get("id").asText();
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersGraphsErrorAndChangesNothing(Case c) {
        String before = snapshot();
        GraphTestServer.Answer answer = graph.graph(c.method(), fill(c.path()), c.body() == null ? null : fill(c.body()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(c.status());
        JsonNode error = answer.json().get("error");
        assertThat(error.get("code").asText()).as(answer.body()).isEqualTo(c.code());
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.at("/innerError/request-id").asText()).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String fill(String text) {
        return text.replace("{appId}", appId).replace("{app}", app).replace("{sp}", sp);
    }

    private static String snapshot() {
        return graph.graph("GET", "/applications", null).body() + graph.graph("GET", "/servicePrincipals", null).body()
                + graph.graph("GET", "/users", null).body();
    }
}
