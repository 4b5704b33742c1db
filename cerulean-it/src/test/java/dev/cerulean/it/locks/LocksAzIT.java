package dev.cerulean.it.locks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az lock} (az 2.45 through the proxy, api-version 2016-09-01) at group and resource level,
 * and the locks' enforcement as az users meet it: {@code az group delete} refused with
 * {@code ScopeLocked} until the lock is deleted, a {@code ReadOnly} lock refusing {@code az acr update}
 * and {@code az storage account keys list} (a POST, which ARM counts as a write), a template
 * deployment failing on a locked resource, and curl for the exact 409 body.
 */
class LocksAzIT {
    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    private static String locked(String verb, String target, String lockScope) {
        return "(ScopeLocked) The scope '" + target + "' cannot perform " + verb + " operation because following scope(s) are locked: '"
                + lockScope + "'. Please remove the lock and try again.";
    }

    @Test
    void canNotDeleteOnAGroupRefusesItsDeletionUntilTheLockIsDeleted() {
        String rg = fx.resourceGroup("lockd-");
        String rgId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg;
        JsonNode created = az.json("lock", "create", "--name", "l", "--lock-type", "CanNotDelete", "-g", rg, "--notes", "keep it");
        assertThat(created.get("id").asText()).isEqualTo(rgId + "/providers/Microsoft.Authorization/locks/l");
        assertThat(created.get("level").asText()).isEqualTo("CanNotDelete");
        assertThat(created.get("notes").asText()).isEqualTo("keep it");
        assertThat(created.get("type").asText()).isEqualTo("Microsoft.Authorization/locks");

        assertThat(az.ok("lock", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo("l");
        assertThat(az.ok("lock", "list", "--query", "[?id=='" + created.get("id").asText() + "'].level", "-o", "tsv").trim())
                .isEqualTo("CanNotDelete");
        assertThat(az.json("lock", "show", "--name", "l", "-g", rg).get("notes").asText()).isEqualTo("keep it");
        assertThat(az.json("lock", "update", "--name", "l", "-g", rg, "--notes", "still").get("notes").asText()).isEqualTo("still");

        Processes.Result refused = az.run("group", "delete", "-n", rg, "--yes");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains(locked("delete", rgId, rgId));
        // CanNotDelete leaves writes alone, but not deletes below the group
        String sa = AcrFixtures.unique("lockst");
        az.ok("storage", "account", "create", "-n", sa, "-g", rg, "-l", "westus", "--sku", "Standard_LRS", "-o", "none");
        assertThat(az.run("storage", "account", "delete", "-n", sa, "-g", rg, "--yes").stderr())
                .contains(locked("delete", rgId + "/providers/Microsoft.Storage/storageAccounts/" + sa, rgId));

        az.ok("lock", "delete", "--name", "l", "-g", rg);
        assertThat(az.ok("lock", "list", "-g", rg, "-o", "tsv").trim()).isEmpty();
        az.ok("group", "delete", "-n", rg, "--yes");
        assertThat(az.ok("group", "exists", "-n", rg).trim()).isEqualTo("false");
    }

    @Test
    void readOnlyRefusesUpdatesAndListKeysWhileReadsAndLockChangesGoOn() {
        String rg = fx.resourceGroup("lockro-");
        String rgId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg;
        String acr = AcrFixtures.unique("lockacr");
        String sa = AcrFixtures.unique("lockro");
        az.ok("acr", "create", "-n", acr, "-g", rg, "--sku", "Basic", "-o", "none");
        az.ok("storage", "account", "create", "-n", sa, "-g", rg, "-l", "westus", "--sku", "Standard_LRS", "-o", "none");
        az.ok("lock", "create", "--name", "ro", "--lock-type", "ReadOnly", "-g", rg, "-o", "none");

        Processes.Result update = az.run("acr", "update", "-n", acr, "--admin-enabled", "true");
        assertThat(update.exitCode()).isNotZero();
        assertThat(update.stderr()).contains(locked("write", rgId + "/providers/Microsoft.ContainerRegistry/registries/" + acr, rgId));
        String saId = rgId + "/providers/Microsoft.Storage/storageAccounts/" + sa;
        assertThat(az.run("storage", "account", "keys", "list", "-n", sa, "-g", rg).stderr()).contains(locked("write", saId, rgId));
        assertThat(az.run("storage", "account", "update", "-n", sa, "-g", rg, "--tags", "a=b").stderr()).contains("(ScopeLocked)");
        assertThat(az.json("acr", "show", "-n", acr).get("adminUserEnabled").asBoolean()).isFalse();

        // locks themselves stay changeable: a resource-level lock is added under the ReadOnly one
        JsonNode saLock = az.json("lock", "create", "--name", "sal", "--lock-type", "CanNotDelete", "-g", rg,
                "--resource-type", "Microsoft.Storage/storageAccounts", "--resource", sa);
        assertThat(saLock.get("id").asText()).isEqualToIgnoringCase(saId + "/providers/Microsoft.Authorization/locks/sal");
        assertThat(az.ok("lock", "list", "-g", rg, "--query", "sort([].name)", "-o", "tsv").trim().split("\\s+"))
                .containsExactly("ro", "sal");
        assertThat(az.ok("lock", "list", "-g", rg, "--resource-type", "Microsoft.Storage/storageAccounts", "--resource", sa,
                "--query", "[].name", "-o", "tsv").trim()).isEqualTo("sal");
        assertThat(az.json("lock", "show", "--name", "sal", "-g", rg, "--resource-type", "Microsoft.Storage/storageAccounts",
                "--resource", sa).get("level").asText()).isEqualTo("CanNotDelete");

        az.ok("lock", "delete", "--name", "ro", "-g", rg);
        assertThat(az.json("acr", "update", "-n", acr, "--admin-enabled", "true").get("adminUserEnabled").asBoolean()).isTrue();
        // the account's own lock still refuses deleting the group that holds it
        Processes.Result groupDelete = az.run("group", "delete", "-n", rg, "--yes");
        assertThat(groupDelete.stderr()).contains("(ScopeLocked) The scope '" + rgId + "' cannot perform delete operation")
                .containsIgnoringCase("following scope(s) are locked: '" + saId + "'");
        az.ok("lock", "delete", "--ids", saLock.get("id").asText());
        az.ok("group", "delete", "-n", rg, "--yes");
    }

    @Test
    void curlSeesAzuresExact409Body() {
        String rg = fx.resourceGroup("lockc-");
        String rgId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg;
        az.ok("lock", "create", "--name", "c", "--lock-type", "CanNotDelete", "-g", rg, "-o", "none");
        String token = az.json("account", "get-access-token").get("accessToken").asText();
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + server.proxyPort(),
                "CURL_CA_BUNDLE", server.caCertificate().toAbsolutePath().toString());
        var r = Processes.run(List.of(Tools.require("curl").toString(), "-sS", "-D", "-", "--suppress-connect-headers", "-X", "DELETE",
                "https://management.azure.com" + rgId + "?api-version=2021-04-01", "-H", "Authorization: Bearer " + token), env, null, 60);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).startsWith("HTTP/1.1 409").containsIgnoringCase("content-type: application/json");
        String body = r.stdout().substring(r.stdout().indexOf("\r\n\r\n") + 4);
        assertThat(body).isEqualTo("{\"error\":{\"code\":\"ScopeLocked\",\"message\":\"The scope '" + rgId
                + "' cannot perform delete operation because following scope(s) are locked: '" + rgId
                + "'. Please remove the lock and try again.\"}}");
        az.ok("lock", "delete", "--name", "c", "-g", rg);
        az.ok("group", "delete", "-n", rg, "--yes", "--no-wait");
    }

    @Test
    void aDeploymentWritingALockedResourceFailsOnThatResource() throws IOException {
        String rg = fx.resourceGroup("lockdep-");
        String sa = AcrFixtures.unique("lockdp");
        az.ok("storage", "account", "create", "-n", sa, "-g", rg, "-l", "westus", "--sku", "Standard_LRS", "-o", "none");
        String saId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg + "/providers/Microsoft.Storage/storageAccounts/" + sa;
        az.ok("lock", "create", "--name", "ro", "--lock-type", "ReadOnly", "-g", rg, "--resource-type",
                "Microsoft.Storage/storageAccounts", "--resource", sa, "-o", "none");
        Path template = Files.createTempFile("lock-template", ".json");
        Files.writeString(template, """
                {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                 "contentVersion": "1.0.0.0",
                 "parameters": {"name": {"type": "string"}},
                 "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01", "name": "[parameters('name')]",
                   "location": "westus", "sku": {"name": "Standard_LRS"}, "kind": "StorageV2", "tags": {"changed": "yes"}}]}
                """);
        Processes.Result dep = az.run("deployment", "group", "create", "-g", rg, "-n", "locked", "-f", template.toString(), "-p", "name=" + sa);
        assertThat(dep.exitCode()).isNotZero();
        assertThat(dep.stderr()).contains("DeploymentFailed").contains("ScopeLocked");
        JsonNode ops = az.json("deployment", "operation", "group", "list", "-g", rg, "-n", "locked");
        assertThat(ops.get(0).at("/properties/statusMessage/error/code").asText()).isEqualTo("ScopeLocked");
        assertThat(az.json("storage", "account", "show", "-n", sa, "-g", rg).path("tags").has("changed")).isFalse();
        assertThat(saId).isNotEmpty();

        az.ok("lock", "delete", "--name", "ro", "-g", rg, "--resource-type", "Microsoft.Storage/storageAccounts", "--resource", sa);
        assertThat(az.json("deployment", "group", "create", "-g", rg, "-n", "unlocked", "-f", template.toString(), "-p", "name=" + sa)
                .at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        az.ok("group", "delete", "-n", rg, "--yes", "--no-wait");
        Files.deleteIfExists(template);
    }
    @Test
    void theCorpusTemplatesDeleteLockIsCreatedOnTheRegistryAndEnforced() {
        String rg = fx.resourceGroup("lockt-");
        String acr = AcrFixtures.unique("locktacr");
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "withlock", "-f",
                dev.cerulean.it.support.Shared.require("conformance/templates/container-registry-with-policies-and-diagnostics/azuredeploy.json")
                        .toString(), "-p", "acrName=" + acr, "enableDeleteLock=true");
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        String acrId = fx.registryId(rg, acr);
        JsonNode locks = az.json("lock", "list", "-g", rg);
        assertThat(locks).hasSize(1);
        assertThat(locks.get(0).get("id").asText()).isEqualToIgnoringCase(acrId + "/providers/Microsoft.Authorization/locks/" + acr + "-lck");
        assertThat(locks.get(0).get("level").asText()).isEqualTo("CanNotDelete");
        assertThat(az.run("acr", "delete", "-n", acr, "-g", rg, "--yes").stderr()).contains("(ScopeLocked)");
        az.ok("lock", "delete", "--ids", locks.get(0).get("id").asText());
        az.ok("acr", "delete", "-n", acr, "-g", rg, "--yes");
        az.ok("group", "delete", "-n", rg, "--yes", "--no-wait");
    }
}
