package dev.cerulean.it.ml;

import dev.cerulean.it.acr.ProxyCurl;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Machine Learning's bad input, table-driven (issue §4): Azure's status and code for each mistake,
 * never a 5xx, and nothing created by a refused request.
 */
class MlBadInputIT {

    private static final String V = "?api-version=2022-05-01";
    private static MlFixtures f;
    private static String storage, vault, insights, uai, ws;

    private record Case(String what, String method, String path, String body, int status, String code, String mustStayAbsent) {}

    @BeforeAll
    static void setUp() {
        f = new MlFixtures(TestServers.shared(), "ml-bad");
        storage = f.storage();
        vault = f.vault();
        insights = f.insights();
        uai = f.identity();
        ws = f.workspacePath("ws-ok");
        var r = f.https.arm("PUT", ws + V, f.workspaceBody(storage, vault, insights, null));
        assertThat(r.status()).isEqualTo(202);
        f.https.arm("PUT", ws + "/computes/exists" + V, "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":"
                + "{\"vmSize\":\"Standard_D1\",\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":0}}}}");
    }

    private static String body(String storageId, String vaultId, String insightsId, String extra) {
        return f.workspaceBody(storageId, vaultId, insightsId, extra);
    }

    @Test
    void armMistakes() {
        String otherSub = storage.replace(f.sub, "11111111-2222-3333-4444-555555555555");
        String cmk = "\"encryption\":{\"status\":\"Enabled\",\"keyVaultProperties\":{\"keyVaultArmId\":\"" + vault + "\",\"keyIdentifier\":\"%s\"}}";
        String newWs = f.workspacePath("ws-new") + V;
        List<Case> cases = new ArrayList<>(List.of(
                new Case("the doc's malformed JSON (keyVault\" lacks its quote)", "PUT", newWs,
                        body(storage, vault, insights, null).replace("\"keyVault\"", "keyVault\""), 400, "InvalidRequestContent", newWs),
                new Case("a backslash-newline inside a JSON string (the doc run by bash)", "PUT", newWs,
                        body(storage, vault, insights, null).replace("/providers/Microsoft.Storage", "/\\\nproviders/Microsoft.Storage"),
                        400, "InvalidRequestContent", newWs),
                new Case("no storage account", "PUT", newWs, body("", vault, insights, null), 400, "ValidationError", newWs),
                new Case("no key vault", "PUT", newWs, "{\"location\":\"eastus\",\"properties\":{\"storageAccount\":\"" + storage
                        + "\",\"applicationInsights\":\"" + insights + "\"}}", 400, "ValidationError", newWs),
                new Case("a storage account that does not exist", "PUT", newWs, body(storage + "x", vault, insights, null), 400, "ValidationError", newWs),
                new Case("a key vault id naming a storage account", "PUT", newWs, body(storage, storage, insights, null), 400, "ValidationError", newWs),
                new Case("a storage account in another subscription", "PUT", newWs, body(otherSub, vault, insights, null), 400, "ValidationError", newWs),
                new Case("a dependent id that is no ARM id", "PUT", newWs, body("not-an-id", vault, insights, null), 400, "ValidationError", newWs),
                new Case("a registry that does not exist", "PUT", newWs, body(storage, vault, insights,
                        "\"containerRegistry\":\"" + f.id("Microsoft.ContainerRegistry/registries", "nope") + "\""), 400, "ValidationError", newWs),
                new Case("a CMK key identifier that is no URL", "PUT", newWs, body(storage, vault, insights, cmk.formatted("not a url")),
                        400, "ValidationError", newWs),
                new Case("a CMK key of another vault", "PUT", newWs, body(storage, vault, insights,
                        cmk.formatted("https://othervault.vault.azure.net/keys/k/1")), 400, "ValidationError", newWs),
                new Case("a CMK key identifier without /keys/", "PUT", newWs, body(storage, vault, insights,
                        cmk.formatted("https://" + f.vaultName() + ".vault.azure.net/secrets/k/1")), 400, "ValidationError", newWs),
                new Case("CMK without keyVaultProperties", "PUT", newWs, body(storage, vault, insights,
                        "\"encryption\":{\"status\":\"Enabled\"}"), 400, "ValidationError", newWs),
                new Case("an unknown identity type", "PUT", newWs, body(storage, vault, insights, null).replace("systemAssigned", "Bogus"),
                        400, "ValidationError", newWs),
                new Case("a user-assigned identity that does not exist", "PUT", newWs, body(storage, vault, insights, null)
                        .replace("{\"type\":\"systemAssigned\"}", "{\"type\":\"UserAssigned\",\"userAssignedIdentities\":{\"" + uai + "x\":{}}}"),
                        400, "ValidationError", newWs),
                new Case("a workspace name of two characters", "PUT", f.workspacePath("ab") + V, body(storage, vault, insights, null),
                        400, "ValidationError", f.workspacePath("ab") + V),
                new Case("a workspace name starting with '-'", "PUT", f.workspacePath("-bad") + V, body(storage, vault, insights, null),
                        400, "ValidationError", f.workspacePath("-bad") + V),
                new Case("a workspace name of 34 characters", "PUT", f.workspacePath("a".repeat(34)) + V, body(storage, vault, insights, null),
                        400, "ValidationError", f.workspacePath("a".repeat(34)) + V),
                new Case("a workspace that does not exist", "GET", f.workspacePath("absent") + V, null, 404, "ResourceNotFound", null),
                new Case("PATCH of the key vault", "PATCH", ws + V, "{\"properties\":{\"keyVault\":\"" + f.vault().replace("kv", "kw") + "\"}}",
                        400, "ValidationError", null),
                new Case("an unknown compute type", "PUT", ws + "/computes/c-type" + V,
                        "{\"properties\":{\"computeType\":\"Quantum\",\"properties\":{}}}", 400, "UserError", ws + "/computes/c-type" + V),
                new Case("a compute without computeType", "PUT", ws + "/computes/c-none" + V, "{\"properties\":{}}", 400, "UserError",
                        ws + "/computes/c-none" + V),
                new Case("a cluster without vmSize", "PUT", ws + "/computes/c-size" + V,
                        "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":{\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":0}}}}",
                        400, "UserError", ws + "/computes/c-size" + V),
                new Case("a cluster without scale settings", "PUT", ws + "/computes/c-scale" + V,
                        "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":{\"vmSize\":\"Standard_D1\"}}}", 400, "UserError",
                        ws + "/computes/c-scale" + V),
                new Case("a cluster with minNodeCount above maxNodeCount", "PUT", ws + "/computes/c-minmax" + V,
                        "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":{\"vmSize\":\"Standard_D1\",\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":3}}}}",
                        400, "UserError", ws + "/computes/c-minmax" + V),
                new Case("a compute name starting with a digit", "PUT", ws + "/computes/1abc" + V,
                        "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":{\"vmSize\":\"Standard_D1\",\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":0}}}}",
                        400, "UserError", ws + "/computes/1abc" + V),
                new Case("a compute under a missing workspace", "PUT", f.workspacePath("absent") + "/computes/c1" + V,
                        "{\"properties\":{\"computeType\":\"AmlCompute\",\"properties\":{\"vmSize\":\"Standard_D1\",\"scaleSettings\":{\"maxNodeCount\":1,\"minNodeCount\":0}}}}",
                        404, "ResourceNotFound", null),
                new Case("compute DELETE without underlyingResourceAction", "DELETE", ws + "/computes/exists" + V, null, 400, "BadRequest", null),
                new Case("compute DELETE with an unknown underlyingResourceAction", "DELETE", ws + "/computes/exists" + V
                        + "&underlyingResourceAction=Shred", null, 400, "BadRequest", null),
                new Case("stop of a cluster", "POST", ws + "/computes/exists/stop" + V, null, 400, "BadRequest", null)));
        assertSoftly(soft -> {
            for (Case c : cases) {
                Https.Response r = f.https.arm(c.method, c.path, c.body);
                soft.assertThat(r.status()).as(c.what + ": " + r).isEqualTo(c.status);
                soft.assertThat(r.body()).as(c.what).contains("\"code\":\"" + c.code + "\"");
                if (c.mustStayAbsent != null) {
                    soft.assertThat(f.https.arm("GET", c.mustStayAbsent, null).status()).as(c.what + " left nothing").isEqualTo(404);
                }
            }
        });
        // the refused PATCH and DELETEs changed nothing
        assertThat(f.https.arm("GET", ws + V, null).json().at("/properties/keyVault").asText()).isEqualToIgnoringCase(vault);
        assertThat(f.https.arm("GET", ws + "/computes/exists" + V, null).status()).isEqualTo(200);
    }

    @Test
    void dataPlaneMistakes() {
        String models = "/modelmanagement/v1.0" + ws + "/models";
        String history = "/history/v1.0" + ws;
        Map<String, String> auth = Map.of("Authorization", "Bearer " + f.https.token(), "Content-Type", "application/json");
        f.https.send("POST", models + V, "{\"name\":\"m\",\"url\":\"aml://a\",\"mimeType\":\"application/octet-stream\"}", auth);
        String experimentId = f.https.send("POST", history + "/experiments/renamed" + V, null, auth).json().get("experimentId").asText();
        record DataCase(String what, String method, String path, String body, int status, String code) {}
        List<DataCase> cases = List.of(
                new DataCase("a model id without version", "GET", models + "/m" + V, null, 400, "BadArgument"),
                new DataCase("a model id with version 0", "GET", models + "/m:0" + V, null, 400, "BadArgument"),
                new DataCase("a model id with a word for version", "DELETE", models + "/m:one" + V, null, 400, "BadArgument"),
                new DataCase("registration without url", "POST", models + V, "{\"name\":\"m\",\"mimeType\":\"x\"}", 400, "BadArgument"),
                new DataCase("registration with a bad name", "POST", models + V, "{\"name\":\"-m\",\"url\":\"u\",\"mimeType\":\"x\"}", 400, "BadArgument"),
                new DataCase("registration that is no JSON", "POST", models + V, "{name:", 400, "BadArgument"),
                new DataCase("JSON Patch of properties", "PATCH", models + "/m:1" + V, "[{\"op\":\"add\",\"path\":\"/properties/a\",\"value\":\"b\"}]", 400, "BadArgument"),
                new DataCase("JSON Patch of the url", "PATCH", models + "/m:1" + V, "[{\"op\":\"replace\",\"path\":\"/url\",\"value\":\"x\"}]", 400, "BadArgument"),
                new DataCase("JSON Patch with move", "PATCH", models + "/m:1" + V, "[{\"op\":\"move\",\"from\":\"/description\",\"path\":\"/kvTags/a\"}]", 400, "BadArgument"),
                new DataCase("JSON Patch that is no array", "PATCH", models + "/m:1" + V, "{\"op\":\"replace\"}", 400, "BadArgument"),
                new DataCase("an unknown orderBy", "GET", models + V + "&orderBy=Random", null, 400, "BadArgument"),
                new DataCase("count zero", "GET", models + V + "&count=0", null, 400, "BadArgument"),
                new DataCase("a negative $skipToken", "GET", models + V + "&$skipToken=LTE", null, 400, "BadArgument"),
                new DataCase("a model that does not exist", "GET", models + "/m:7" + V, null, 404, "NotFound"),
                new DataCase("an experiment name with a space", "POST", history + "/experiments/has%20space" + V, null, 400, "BadArgument"),
                new DataCase("renaming an experiment to a bad name", "PATCH", history + "/experimentids/" + experimentId + V,
                        "{\"name\":\"has space\"}", 400, "BadArgument"),
                new DataCase("renaming an experiment to no string", "PATCH", history + "/experimentids/" + experimentId + V,
                        "{\"name\":{}}", 400, "BadArgument"),
                new DataCase("an experiment id that does not exist", "GET", history + "/experimentids/" + java.util.UUID.randomUUID() + V, null, 404, "NotFound"),
                new DataCase("DELETE on the experiments list", "DELETE", history + "/experiments" + V, null, 405, "MethodNotAllowed"));
        assertSoftly(soft -> {
            for (DataCase c : cases) {
                Https.Response r = f.https.send(c.method, c.path, c.body, auth);
                soft.assertThat(r.status()).as(c.what + ": " + r).isEqualTo(c.status);
                soft.assertThat(r.body()).as(c.what).contains("\"" + c.code + "\"");
            }
        });
        var model = f.https.send("GET", models + "/m:1" + V, null, auth).json();
        assertThat(model.get("properties").size()).isZero();
        assertThat(model.get("url").asText()).isEqualTo("aml://a");
        assertThat(f.https.send("GET", history + "/experimentids/" + experimentId + V, null, auth).json().get("name").asText())
                .isEqualTo("renamed");
        // a malformed escape in the query (Java's URI refuses to send one: curl does) is the client's mistake
        var escape = new ProxyCurl(TestServers.shared()).arm("GET",
                "https://eastus.modelmanagement.azureml.net/modelmanagement/v1.0" + ws + "/models" + V + "&name=%zz", null);
        assertThat(escape.status()).as(escape.toString()).isEqualTo(400);
        assertThat(escape.body()).contains("\"BadArgument\"");
        // removing kvTags leaves an empty object a later op can add to (it was a 500)
        var patched = f.https.send("PATCH", models + "/m:1" + V,
                "[{\"op\":\"remove\",\"path\":\"/kvTags\"},{\"op\":\"add\",\"path\":\"/kvTags/a\",\"value\":\"b\"}]", auth);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("kvTags").toString()).isEqualTo("{\"a\":\"b\"}");
    }
}
