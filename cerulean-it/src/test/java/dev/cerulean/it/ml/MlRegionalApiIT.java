package dev.cerulean.it.ml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.ProxyCurl;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery, run history experiments and model management models, on localhost and on the regional host names. */
class MlRegionalApiIT {

    private static final String V = "?api-version=2022-05-01";
    private static CeruleanServer server;
    private static MlFixtures f;
    private static String wsPath;

    @BeforeAll
    static void workspace() {
        server = TestServers.shared();
        f = new MlFixtures(server, "ml-regional");
        String ws = f.workspacePath("ws-regional");
        var r = f.https.arm("PUT", ws + V, f.workspaceBody(f.storage(), f.vault(), f.insights(), null));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        wsPath = ws;
    }

    private Https.Response call(String method, String service, String rest, String body) {
        return f.https.send(method, "/" + service + "/v1.0" + wsPath + rest, body,
                Map.of("Authorization", "Bearer " + f.https.token(), "Content-Type", "application/json"));
    }

    @Test
    void discoveryIsAnonymousAndPointsAtCerulean() {
        var local = f.https.send("GET", "/discovery", null, Map.of());
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.json().size()).isEqualTo(10);
        local.json().fields().forEachRemaining(e -> assertThat(e.getValue().asText()).startsWith(f.https.base()));

        JsonNode ws = f.https.arm("GET", wsPath + V, null).json();
        var regional = new ProxyCurl(server).arm("GET", ws.get("properties").get("discoveryUrl").asText(), null);
        assertThat(regional.status()).isEqualTo(200);
        assertThat(regional.json().get("api").asText()).isEqualTo("https://eastus.api.azureml.ms");
        assertThat(regional.json().get("modelmanagement").asText()).isEqualTo("https://eastus.modelmanagement.azureml.net");
        assertThat(regional.json().get("history").asText()).isEqualTo("https://eastus.experiments.azureml.net");
    }

    @Test
    void experiments() {
        var empty = call("GET", "history", "/experiments" + V, null);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(200);
        var created = call("POST", "history", "/experiments/exp-one" + V, "{\"description\":\"first\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().get("experimentId").asText();
        assertThat(call("POST", "history", "/experiments/exp-one" + V, null).json().get("experimentId").asText()).isEqualTo(id);
        assertThat(call("GET", "history", "/experiments/exp-one" + V, null).json().get("description").asText()).isEqualTo("first");
        var patched = call("PATCH", "history", "/experimentids/" + id + V, "{\"description\":\"changed\",\"tags\":{\"a\":\"b\"}}");
        assertThat(patched.json().get("tags").get("a").asText()).isEqualTo("b");
        JsonNode list = call("GET", "history", "/experiments" + V, null).json();
        assertThat(list.get("value")).anySatisfy(e -> assertThat(e.get("experimentId").asText()).isEqualTo(id));
        assertThat(call("DELETE", "history", "/experimentids/" + id + V, null).status()).isEqualTo(200);
        var gone = call("GET", "history", "/experimentids/" + id + V, null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").get("code").asText()).isEqualTo("UserError");
        assertThat(gone.json().has("correlation")).isTrue();
    }

    @Test
    void models() {
        String body = "{\"name\":\"sk\",\"url\":\"aml://asset/abc\",\"mimeType\":\"application/octet-stream\",\"framework\":\"ScikitLearn\",\"kvTags\":{\"stage\":\"dev\"}}";
        assertThat(call("POST", "modelmanagement", "/models" + V, body).json().get("id").asText()).isEqualTo("sk:1");
        assertThat(call("POST", "modelmanagement", "/models" + V, body).json().get("version").asInt()).isEqualTo(2);
        call("POST", "modelmanagement", "/models" + V, body.replace("\"sk\"", "\"other\""));
        assertThat(call("GET", "modelmanagement", "/models" + V + "&name=sk", null).json().get("value")).hasSize(2);
        JsonNode asc = call("GET", "modelmanagement", "/models" + V + "&name=sk&orderBy=CreatedAtAsc&count=1", null).json();
        assertThat(asc.get("value").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(asc.get("nextLink").asText()).contains("$skipToken=");
        var next = f.https.send("GET", asc.get("nextLink").asText(), null, Map.of("Authorization", "Bearer " + f.https.token()));
        assertThat(next.json().get("value").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(call("GET", "modelmanagement", "/models" + V + "&tags=stage=dev", null).json().get("value").size()).isGreaterThanOrEqualTo(3);
        assertThat(call("GET", "modelmanagement", "/models/sk%3A2" + V, null).json().get("name").asText()).isEqualTo("sk");

        var patched = call("PATCH", "modelmanagement", "/models/sk:2" + V, "[{\"op\":\"replace\",\"path\":\"/description\",\"value\":\"v2\"}]");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("description").asText()).isEqualTo("v2");
        var immutable = call("PATCH", "modelmanagement", "/models/sk:2" + V, "[{\"op\":\"replace\",\"path\":\"/properties\",\"value\":{}}]");
        assertThat(immutable.status()).isEqualTo(400);
        assertThat(immutable.json().get("statusCode").asInt()).isEqualTo(400);

        assertThat(call("DELETE", "modelmanagement", "/models/sk:1" + V, null).status()).isEqualTo(200);
        assertThat(call("DELETE", "modelmanagement", "/models/sk:1" + V, null).status()).isEqualTo(204);
        assertThat(call("GET", "modelmanagement", "/models/sk" + V, null).status()).isEqualTo(400);
        var missing = call("GET", "modelmanagement", "/models/sk:9" + V, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("NotFound");
        assertThat(call("POST", "modelmanagement", "/models" + V, "{\"name\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void mlAudienceTokenIsAccepted() {
        var c = server.config();
        var token = f.https.form("/" + c.tenantId() + "/oauth2/token", Map.of("grant_type", "client_credentials",
                "resource", "https://ml.azure.com", "client_id", c.clientId(), "client_secret", c.clientSecret()));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        var r = f.https.send("GET", "/history/v1.0" + wsPath + "/experiments" + V, null,
                Map.of("Authorization", "Bearer " + token.json().get("access_token").asText()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var arm = f.https.send("GET", wsPath + V, null, Map.of("Authorization", "Bearer " + token.json().get("access_token").asText()));
        assertThat(arm.status()).as("ARM itself refuses ML's audience").isEqualTo(401);
    }

    @Test
    void tokenAndWorkspaceAreRequired() {
        var anonymous = f.https.send("GET", "/history/v1.0" + wsPath + "/experiments" + V, null, Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        var bad = f.https.send("GET", "/modelmanagement/v1.0" + wsPath + "/models" + V, null, Map.of("Authorization", "Bearer x.y.z"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().get("statusCode").asInt()).isEqualTo(401);
        var noWs = f.https.send("GET", "/history/v1.0" + wsPath.replace("ws-regional", "nope") + "/experiments" + V, null,
                Map.of("Authorization", "Bearer " + f.https.token()));
        assertThat(noWs.status()).isEqualTo(404);
    }
}
