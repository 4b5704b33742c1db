package dev.cerulean.it.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004 after the token: every Machine Learning curl of the document with the user's values in
 * its placeholders, run by bash through the proxy. The document breaks long lines with a backslash,
 * even inside quotes where bash would keep it (curl then refuses the URL, on Azure too); the commands
 * are run with those lines joined, as the rendered page shows them.
 */
final class Seed004Walkthrough {

    private final CeruleanServer server;
    private final Https https;
    private final Map<String, String> env;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final String bash = Tools.require("bash").toString();

    Seed004Walkthrough(CeruleanServer server) {
        this.server = server;
        this.https = new Https(server);
        this.env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                "CURL_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString(), "PATH", System.getenv("PATH"));
    }

    void run() {
        Tools.require("curl");
        String sub = server.config().subscriptionId();
        String rg = "seed004";
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        values.put("<YOUR-SUBSCRIPTION-ID>", sub);
        values.put("<YOUR-RESOURCE-GROUP>", rg);
        values.put("<YOUR-ACCESS-TOKEN>", https.token());
        values.put("<YOUR-WORKSPACE-NAME>", "seed-ws");
        values.put("<REGIONAL-API-SERVER>", "eastus.api.azureml.ms");
        values.put("<YOUR-COMPUTE-NAME>", "cpu-cluster");
        values.put("<ADMIN_USERNAME>", "azureuser");
        values.put("<ADMIN_PASSWORD>", "Pa55-w0rd-never-shown");
        values.put("AZURE-LOCATION>", "eastus");
        values.put("<YOUR-WORKSPACE-FRIENDLY-NAME>", "Seed workspace");
        values.put("<YOUR-WORKSPACE-DESCRIPTION>", "made by seed 004");
        values.put("<YOUR-REGISTRY-NAME>", "seedacr" + suffix);
        values.put("<YOUR-KEYVAULT-NAME>", "seedkv" + suffix);
        values.put("<YOUR-VAULT>", "seedkv" + suffix);
        values.put("<YOUR-KEY>", "cmk");
        values.put("<YOUR-KEY-VERSION>", "0123456789abcdef0123456789abcdef");
        values.put("<YOUR-APPLICATION-INSIGHTS-NAME>", "seedai" + suffix);
        values.put("<YOUR-STORAGE-ACCOUNT-NAME>", "seedst" + suffix);
        values.put("<YOUR-MANAGED-IDENTITY>", "seed-identity");
        prerequisites(sub, rg);

        // workspaces in the group, with the document's trailing slash
        Reply list = curl(Seed004Commands.LIST_WORKSPACES);
        assertThat(list.status).as(list.toString()).isEqualTo(200);
        JsonNode ws = list.json().get("value").get(0);
        assertThat(ws.get("name").asText()).isEqualTo("seed-ws");

        // GET {discoveryUrl}, anonymous; the client takes "api"
        Reply discovery = run("curl " + ws.get("properties").get("discoveryUrl").asText());
        assertThat(discovery.status).as(discovery.toString()).isEqualTo(200);
        assertThat(discovery.json().get("api").asText()).isEqualTo("https://eastus.api.azureml.ms");

        Reply experiments = curl(Seed004Commands.LIST_EXPERIMENTS);
        assertThat(experiments.status).as(experiments.toString()).isEqualTo(200);
        assertThat(experiments.json().get("value").isArray()).isTrue();
        Reply models = curl(Seed004Commands.LIST_MODELS);
        assertThat(models.status).as(models.toString()).isEqualTo(200);
        assertThat(models.json().get("value").get(0).get("id").asText()).isEqualTo("seed-model:1");

        Reply computes = curl(Seed004Commands.LIST_COMPUTES);
        assertThat(computes.status).as(computes.toString()).isEqualTo(200);
        Reply compute = curl(Seed004Commands.CREATE_COMPUTE);
        assertThat(compute.status).as(compute.toString()).isEqualTo(201);
        assertThat(compute.headers).containsKey("azure-asyncoperation");
        assertThat(compute.body).doesNotContain("Pa55-w0rd-never-shown");
        assertThat(compute.json().get("properties").get("properties").get("vmSize").asText()).isEqualTo("STANDARD_D1");

        // the document's body is not JSON (keyVault" lacks its opening quote): refused as Azure refuses it
        values.put("<YOUR-NEW-WORKSPACE-NAME>", "seed-new");
        Reply malformed = curl(Seed004Commands.CREATE_WORKSPACE);
        assertThat(malformed.status).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.json().get("error").get("code").asText()).isEqualTo("InvalidRequestContent");
        assertThat(https.arm("GET", workspaceId(sub, rg, "seed-new") + "?api-version=2022-05-01", null).status()).isEqualTo(404);
        createdAndSucceeded(fixQuote(Seed004Commands.CREATE_WORKSPACE), "SystemAssigned");

        values.put("<YOUR-NEW-WORKSPACE-NAME>", "seed-uai");
        assertThat(curl(Seed004Commands.CREATE_WORKSPACE_USER_IDENTITY).status).isEqualTo(400);
        JsonNode uai = createdAndSucceeded(fixQuote(Seed004Commands.CREATE_WORKSPACE_USER_IDENTITY), "SystemAssigned,UserAssigned");
        assertThat(uai.get("identity").get("userAssignedIdentities").elements().next().get("principalId").asText()).hasSize(36);

        // eastus2euap is Microsoft's canary region, closed to ordinary subscriptions; the user writes their own
        values.put("<YOUR-NEW-WORKSPACE-NAME>", "seed-cmk");
        Reply canary = curl(Seed004Commands.CREATE_WORKSPACE_CMK);
        assertThat(canary.status).as(canary.toString()).isEqualTo(400);
        JsonNode cmk = createdAndSucceeded(Seed004Commands.CREATE_WORKSPACE_CMK.replace("eastus2euap", "eastus"), "SystemAssigned");
        assertThat(cmk.get("properties").get("encryption").get("keyVaultProperties").get("keyIdentifier").asText())
                .startsWith("https://seedkv");

        values.put("<YOUR-MODEL-ID>", "seed-model:1");
        Reply deleted = curl(Seed004Commands.DELETE_MODEL);
        assertThat(deleted.status).as(deleted.toString()).isEqualTo(200);
        assertThat(curl(Seed004Commands.DELETE_MODEL).status).isEqualTo(204);
    }

    /** 202 + Location; the Location answers the workspace once it has succeeded. */
    private JsonNode createdAndSucceeded(String command, String identityType) {
        Reply created = curl(command);
        assertThat(created.status).as(created.toString()).isEqualTo(202);
        String location = created.headers.get("location");
        assertThat(location).startsWith("https://management.azure.com/");
        Reply done = run("curl '" + location + "' -H 'Authorization: Bearer " + https.token() + "'");
        for (int i = 0; i < 10 && done.status == 202; i++) done = run("curl '" + location + "' -H 'Authorization: Bearer " + https.token() + "'");
        assertThat(done.status).as(done.toString()).isEqualTo(200);
        JsonNode ws = done.json();
        assertThat(ws.get("properties").get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(ws.get("identity").get("type").asText()).isEqualTo(identityType);
        return ws;
    }

    /**
     * What the user made beforehand with the stock az (the seed's prerequisites): the group, the
     * dependents, the workspace the first steps read, and a registered model.
     */
    private void prerequisites(String sub, String rg) {
        Az az = Az.viaProxy(server).login(server);
        az.ok("group", "create", "-n", rg, "-l", "eastus");
        az.ok("storage", "account", "create", "-n", values.get("<YOUR-STORAGE-ACCOUNT-NAME>"), "-g", rg, "-l", "eastus", "--sku", "Standard_LRS");
        // --no-self-perms: az looks the signed-in principal up in Graph otherwise
        az.ok("keyvault", "create", "-n", values.get("<YOUR-KEYVAULT-NAME>"), "-g", rg, "-l", "eastus", "--no-self-perms",
                "--enable-purge-protection", "true");
        az.ok("identity", "create", "-n", values.get("<YOUR-MANAGED-IDENTITY>"), "-g", rg, "-l", "eastus");
        az.ok("acr", "create", "-n", values.get("<YOUR-REGISTRY-NAME>"), "-g", rg, "-l", "eastus", "--sku", "Basic", "--admin-enabled", "true");
        // the app-insights extension cannot be installed offline: the component is made with az resource create
        az.ok("resource", "create", "-g", rg, "-n", values.get("<YOUR-APPLICATION-INSIGHTS-NAME>"), "--resource-type",
                "Microsoft.Insights/components", "--is-full-object", "--properties",
                "{\"location\":\"eastus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}");
        String base = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/";
        String ws = workspaceId(sub, rg, "seed-ws");
        var created = https.arm("PUT", ws + "?api-version=2022-05-01", "{\"location\":\"eastus\",\"properties\":{\"storageAccount\":\""
                + base + "Microsoft.Storage/storageAccounts/" + values.get("<YOUR-STORAGE-ACCOUNT-NAME>") + "\",\"keyVault\":\""
                + base + "Microsoft.KeyVault/vaults/" + values.get("<YOUR-KEYVAULT-NAME>") + "\",\"applicationInsights\":\""
                + base + "Microsoft.Insights/components/" + values.get("<YOUR-APPLICATION-INSIGHTS-NAME>") + "\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        var model = https.send("POST", "/modelmanagement/v1.0" + ws + "/models?api-version=2022-05-01",
                "{\"name\":\"seed-model\",\"url\":\"aml://asset/seed\",\"mimeType\":\"application/octet-stream\"}",
                Map.of("Authorization", "Bearer " + https.token(), "Content-Type", "application/json"));
        assertThat(model.status()).as(model.toString()).isEqualTo(200);
    }

    private static String workspaceId(String sub, String rg, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.MachineLearningServices/workspaces/" + name;
    }

    /** What a user does after the 400: adds the missing quote before keyVault. */
    private static String fixQuote(String command) {
        return command.replaceAll("(?m)^(\\s+)keyVault\"", "$1\"keyVault\"");
    }

    private Reply curl(String documented) {
        String command = documented;
        for (var e : values.entrySet()) command = command.replace(e.getKey(), e.getValue());
        command = command.replace("\\\n", "");
        if (command.startsWith("curl\n")) command = "curl " + command.substring(5);
        return run(command.strip());
    }

    private Reply run(String command) {
        Processes.Result r = Processes.run(List.of(bash, "-c", command + " -sS --suppress-connect-headers -D -"), env, null, 60);
        assertThat(r.exitCode()).as(command + "\n" + r.describe()).isZero();
        return Reply.parse(r.stdout());
    }

    private record Reply(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return Json.parse(body);
        }

        static Reply parse(String out) {
            int end = out.indexOf("\r\n\r\n");
            String head = end < 0 ? out : out.substring(0, end);
            String body = end < 0 ? "" : out.substring(end + 4);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
        }
    }
}
