package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.templates.functions.Hashes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * az 2.45 (through the proxy) deploying the corpus templates that need storage accounts, blob
 * containers, key vault secrets and diagnostic settings, as a user would: {@code az deployment group
 * create -f azuredeploy.json -p @azuredeploy.parameters.json} with the quickstart CI's placeholders
 * filled in, then the created resources checked with az's own commands and {@code az rest}.
 */
class CorpusTemplatesIT {
    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }


    /** The corpus parameters file with placeholders replaced (and parameters dropped), as the quickstart CI does. */
    private static String parameters(String relative, Map<String, String> placeholders, String... drop) throws IOException {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(Files.readString(Path.of(Shared.template(relative))));
        ObjectNode params = (ObjectNode) doc.get("parameters");
        for (String d : drop) params.remove(d);
        params.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue().get("value");
            if (v != null && v.isTextual() && placeholders.containsKey(v.asText())) {
                ((ObjectNode) e.getValue()).put("value", placeholders.get(v.asText()));
            }
        });
        Path file = Files.createTempFile("corpus-params", ".json");
        Files.writeString(file, Json.write(doc));
        return "@" + file;
    }

    private String groupId(String rg) {
        return "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg;
    }

    @Test
    void storageAccountCreateNamesTheAccountByUniqueString() {
        String rg = fx.resourceGroup("corsa-");
        String expected = "store" + Hashes.uniqueString(groupId(rg));
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-f", Shared.template("storage-account-create/azuredeploy.json"));
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(dep.at("/properties/outputs/storageAccountName/value").asText()).isEqualTo(expected);
        String id = groupId(rg) + "/providers/Microsoft.Storage/storageAccounts/" + expected;
        assertThat(dep.at("/properties/outputs/storageAccountId/value").asText()).isEqualTo(id);

        JsonNode account = az.json("storage", "account", "show", "-n", expected, "-g", rg);
        assertThat(account.get("id").asText()).isEqualTo(id);
        assertThat(account.at("/sku/name").asText()).isEqualTo("Standard_LRS");
        assertThat(account.get("kind").asText()).isEqualTo("StorageV2");
        assertThat(account.get("location").asText()).isEqualTo("westus");
        assertThat(account.at("/primaryEndpoints/blob").asText()).isEqualTo("https://" + expected + ".blob.core.windows.net/");
    }

    @Test
    void storageMultiBlobContainerCreatesTheCopyLoopsContainers() throws IOException {
        String rg = fx.resourceGroup("corbc-");
        String account = AcrFixtures.unique("corpusbc");
        // the file's "location" is the literal text "[resourceGroup().location]" (parameter values are not evaluated): drop it
        String params = parameters("storage-multi-blob-container/azuredeploy.parameters.json", Map.of("GEN-UNIQUE-24", account),
                "location");
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "blobs",
                "-f", Shared.template("storage-multi-blob-container/azuredeploy.json"), "-p", params);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        assertThat(az.ok("storage", "container-rm", "list", "--storage-account", account, "-g", rg, "--query", "[].name", "-o", "tsv")
                .trim().split("\\s+")).containsExactly("logs0", "logs1", "logs2");
        JsonNode logs1 = az.json("storage", "container-rm", "show", "--storage-account", account, "-g", rg, "-n", "logs1");
        String accountId = groupId(rg) + "/providers/Microsoft.Storage/storageAccounts/" + account;
        assertThat(logs1.get("id").asText()).isEqualTo(accountId + "/blobServices/default/containers/logs1");
        assertThat(logs1.get("type").asText()).isEqualTo("Microsoft.Storage/storageAccounts/blobServices/containers");
        assertThat(logs1.get("publicAccess").asText()).isEqualTo("None");
        assertThat(logs1.get("defaultEncryptionScope").asText()).isEqualTo("$account-encryption-key");
        assertThat(logs1.get("leaseState").asText()).isEqualTo("Available");

        JsonNode service = az.json("rest", "--url", accountId + "/blobServices/default?api-version=2023-01-01");
        assertThat(service.get("name").asText()).isEqualTo("default");
        assertThat(service.at("/sku/name").asText()).isEqualTo("Standard_LRS");
        JsonNode ops = az.json("deployment", "operation", "group", "list", "-g", rg, "-n", "blobs",
                "--query", "[].properties.targetResource.resourceType");
        assertThat(ops).extracting(JsonNode::asText).contains("Microsoft.Storage/storageAccounts",
                "Microsoft.Storage/storageAccounts/blobServices", "Microsoft.Storage/storageAccounts/blobServices/containers");
    }

    @Test
    void storageMultiBlobContainerWithTheLiteralLocationFailsLikeTheStorageProvider() throws IOException {
        String rg = fx.resourceGroup("corbl-");
        String account = AcrFixtures.unique("corpusbl");
        String params = parameters("storage-multi-blob-container/azuredeploy.parameters.json", Map.of("GEN-UNIQUE-24", account));
        var failed = az.run("deployment", "group", "create", "-g", rg, "-n", "literal",
                "-f", Shared.template("storage-multi-blob-container/azuredeploy.json"), "-p", params);
        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.stderr()).contains("DeploymentFailed").contains("[resourceGroup().location]");
        assertThat(az.ok("storage", "account", "list", "-g", rg, "--query", "length(@)", "-o", "tsv").trim()).isEqualTo("0");
    }

    @Test
    void containersAreManagedWithContainerRm() {
        String rg = fx.resourceGroup("corcr-");
        String account = AcrFixtures.unique("corpuscr");
        az.ok("storage", "account", "create", "-n", account, "-g", rg, "-l", "westus", "--sku", "Standard_LRS");
        JsonNode created = az.json("storage", "container-rm", "create", "--storage-account", account, "-g", rg, "-n", "data",
                "--metadata", "team=infra");
        assertThat(created.get("name").asText()).isEqualTo("data");
        assertThat(created.at("/metadata/team").asText()).isEqualTo("infra");
        assertThat(az.ok("storage", "container-rm", "exists", "--storage-account", account, "-g", rg, "-n", "data",
                "--query", "exists", "-o", "tsv").trim()).isEqualTo("true");

        var badName = az.run("storage", "container-rm", "create", "--storage-account", account, "-g", rg, "-n", "Bad_Name");
        assertThat(badName.exitCode()).isNotZero();
        assertThat(badName.stderr()).contains("ContainerOperationFailure").contains("invalid characters");
        var publicAccess = az.run("storage", "container-rm", "create", "--storage-account", account, "-g", rg, "-n", "public",
                "--public-access", "blob");
        assertThat(publicAccess.exitCode()).isNotZero();
        assertThat(publicAccess.stderr()).contains("PublicAccessNotPermitted");

        az.ok("storage", "container-rm", "delete", "--storage-account", account, "-g", rg, "-n", "data", "--yes");
        assertThat(az.ok("storage", "container-rm", "exists", "--storage-account", account, "-g", rg, "-n", "data",
                "--query", "exists", "-o", "tsv").trim()).isEqualTo("false");
    }

    @Test
    void keyVaultCreateStoresTheSecretWithoutEverShowingItsValue() throws IOException {
        String rg = fx.resourceGroup("corkv-");
        String vault = AcrFixtures.unique("corpuskv");
        String secretName = AcrFixtures.unique("secret");
        String secretValue = AcrFixtures.unique("value-never-shown-");
        String objectId = "00000000-0000-0000-0000-0000000000aa";
        String params = parameters("key-vault-create/azuredeploy.parameters.json", Map.of("GEN-AZUREAD-OBJECTID", objectId));
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "kv",
                "-f", Shared.template("key-vault-create/azuredeploy.json"), "-p", params,
                "-p", "keyVaultName=" + vault, "secretName=" + secretName, "secretValue=" + secretValue);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(dep.toString()).doesNotContain(secretValue);

        JsonNode shown = az.json("keyvault", "show", "-n", vault, "-g", rg);
        assertThat(shown.at("/properties/tenantId").asText()).isEqualTo(server.config().tenantId());
        assertThat(shown.at("/properties/sku/name").asText()).isEqualTo("standard");
        assertThat(shown.at("/properties/accessPolicies/0/objectId").asText()).isEqualTo(objectId);
        assertThat(shown.at("/properties/accessPolicies/0/permissions/keys/0").asText()).isEqualTo("list");
        assertThat(shown.at("/properties/accessPolicies/0/permissions/secrets/0").asText()).isEqualTo("list");
        assertThat(shown.at("/properties/networkAcls/bypass").asText()).isEqualTo("AzureServices");

        String vaultId = groupId(rg) + "/providers/Microsoft.KeyVault/vaults/" + vault;
        JsonNode secret = az.json("rest", "--url", vaultId + "/secrets/" + secretName + "?api-version=2022-07-01");
        assertThat(secret.get("type").asText()).isEqualTo("Microsoft.KeyVault/vaults/secrets");
        assertThat(secret.get("location").asText()).isEqualTo("westus");
        String uri = "https://" + vault + ".vault.azure.net/secrets/" + secretName;
        assertThat(secret.at("/properties/secretUri").asText()).isEqualTo(uri);
        assertThat(secret.at("/properties/secretUriWithVersion").asText()).matches(java.util.regex.Pattern.quote(uri) + "/[0-9a-f]{32}");
        assertThat(secret.at("/properties/attributes/enabled").asBoolean()).isTrue();
        assertThat(secret.toString()).doesNotContain(secretValue);
        JsonNode list = az.json("rest", "--url", vaultId + "/secrets?api-version=2022-07-01");
        assertThat(list.at("/value/0/name").asText()).isEqualTo(secretName);
        assertThat(az.ok("deployment", "group", "show", "-g", rg, "-n", "kv")).doesNotContain(secretValue);

        // redeploying writes a new version
        JsonNode again = az.json("deployment", "group", "create", "-g", rg, "-n", "kv2", "-f", Shared.template("key-vault-create/azuredeploy.json"),
                "-p", params, "-p", "keyVaultName=" + vault, "secretName=" + secretName, "secretValue=" + secretValue + "2");
        assertThat(again.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        JsonNode newer = az.json("rest", "--url", vaultId + "/secrets/" + secretName + "?api-version=2022-07-01");
        assertThat(newer.at("/properties/secretUriWithVersion").asText())
                .isNotEqualTo(secret.at("/properties/secretUriWithVersion").asText());

        az.ok("keyvault", "delete", "-n", vault, "-g", rg);
        var gone = az.run("rest", "--url", vaultId + "/secrets/" + secretName + "?api-version=2022-07-01");
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("ResourceNotFound");
    }

    @Test
    void registryWithPoliciesAndDiagnosticsStoresTheDiagnosticSetting() {
        String rg = fx.resourceGroup("cordg-");
        String acr = "acr" + Hashes.uniqueString(groupId(rg));
        String store = AcrFixtures.unique("corpusdg");
        String storeId = az.json("storage", "account", "create", "-n", store, "-g", rg, "-l", "westus", "--sku", "Standard_LRS")
                .get("id").asText();
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "acrdiag",
                "-f", Shared.template("container-registry-with-policies-and-diagnostics/azuredeploy.json"),
                "-p", "enableDiagnostics=true", "diagnosticStorageAccountId=" + storeId);
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        String acrId = fx.registryId(rg, acr);
        assertThat(dep.at("/properties/outputs/name/value").asText()).isEqualTo(acr);
        assertThat(dep.at("/properties/outputs/id/value").asText()).isEqualTo(acrId);
        assertThat(dep.at("/properties/outputs/acrLoginServer/value").asText()).isEqualTo(acr + ".azurecr.io");

        JsonNode registry = az.json("acr", "show", "-n", acr);
        assertThat(registry.at("/sku/name").asText()).isEqualTo("Basic");
        assertThat(registry.get("adminUserEnabled").asBoolean()).isFalse();
        assertThat(registry.get("publicNetworkAccess").asText()).isEqualTo("Enabled");
        assertThat(registry.get("identity").isNull() || registry.get("identity").isMissingNode()).as("null() identity is dropped").isTrue();

        JsonNode settings = az.json("monitor", "diagnostic-settings", "list", "--resource", acrId);
        JsonNode setting = settings.isArray() ? settings.get(0) : settings.at("/value/0");
        assertThat(setting.get("name").asText()).isEqualTo(acr + "-dgs");
        assertThat(setting.get("storageAccountId").asText()).isEqualTo(storeId);
        assertThat(setting.has("workspaceId") && !setting.get("workspaceId").isNull()).as("null() workspace dropped").isFalse();
        assertThat(setting.at("/logs/0/category").asText()).isEqualTo("ContainerRegistryRepositoryEvents");
        assertThat(setting.at("/metrics/0/category").asText()).isEqualTo("AllMetrics");

        // the same type through az monitor directly
        JsonNode direct = az.json("monitor", "diagnostic-settings", "create", "-n", "direct", "--resource", acrId,
                "--storage-account", storeId, "--metrics", "[{\"category\": \"AllMetrics\", \"enabled\": true}]");
        assertThat(direct.get("name").asText()).isEqualTo("direct");
        assertThat(az.json("monitor", "diagnostic-settings", "show", "-n", "direct", "--resource", acrId)
                .get("storageAccountId").asText()).isEqualTo(storeId);
        // az refuses a setting without destination itself; the service's refusal, through az rest
        var noDestination = az.run("rest", "--method", "put", "--url", acrId
                        + "/providers/Microsoft.Insights/diagnosticSettings/nowhere?api-version=2021-05-01-preview",
                "--body", "{\"properties\": {\"metrics\": [{\"category\": \"AllMetrics\", \"enabled\": true}]}}");
        assertThat(noDestination.exitCode()).isNotZero();
        assertThat(noDestination.stderr()).contains("BadRequest").contains("destination");
        az.ok("monitor", "diagnostic-settings", "delete", "-n", "direct", "--resource", acrId);
        var shownAfter = az.run("monitor", "diagnostic-settings", "show", "-n", "direct", "--resource", acrId);
        assertThat(shownAfter.exitCode()).isNotZero();
        assertThat(shownAfter.stderr()).contains("ResourceNotFound");
    }

    /** The template's other conditional extension resource, a CanNotDelete lock. */
    @Test
    void registryWithPoliciesAndDiagnosticsLocksTheRegistryWhenAsked() {
        String rg = fx.resourceGroup("corlk-");
        String acr = "acr" + Hashes.uniqueString(groupId(rg));
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "acrlock",
                "-f", Shared.template("container-registry-with-policies-and-diagnostics/azuredeploy.json"), "-p", "enableDeleteLock=true");
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        String lockId = fx.registryId(rg, acr) + "/providers/Microsoft.Authorization/locks/" + acr + "-lck";
        JsonNode lock = az.json("rest", "--url", lockId + "?api-version=2020-05-01");
        assertThat(lock.at("/properties/level").asText()).isEqualTo("CanNotDelete");
        var refused = az.run("acr", "delete", "-n", acr, "--yes");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("ScopeLocked");
        az.ok("rest", "--method", "delete", "--url", lockId + "?api-version=2020-05-01");
        az.ok("acr", "delete", "-n", acr, "--yes");
    }
}
