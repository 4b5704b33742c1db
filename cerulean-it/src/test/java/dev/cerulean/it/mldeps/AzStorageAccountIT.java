package dev.cerulean.it.mldeps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code az storage account create/show/list/keys list/keys renew/check-name/delete} (az 2.45) through the proxy. */
class AzStorageAccountIT {

    static CeruleanServer server;
    static DepFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new DepFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    @Test
    void accountLifecycle() {
        String rg = fx.resourceGroup("azsa-");
        String name = DepFixtures.unique("azsa");

        JsonNode created = az.json("storage", "account", "create", "-n", name, "-g", rg, "-l", "westus", "--sku", "Standard_LRS");
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("kind").asText()).isEqualTo("StorageV2");
        assertThat(created.at("/sku/name").asText()).isEqualTo("Standard_LRS");
        assertThat(created.at("/sku/tier").asText()).isEqualTo("Standard");
        assertThat(created.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(created.at("/primaryEndpoints/blob").asText()).isEqualTo("https://" + name + ".blob.core.windows.net/");
        assertThat(created.at("/primaryEndpoints/dfs").asText()).isEqualTo("https://" + name + ".dfs.core.windows.net/");
        assertThat(created.at("/primaryEndpoints/file").asText()).isEqualTo("https://" + name + ".file.core.windows.net/");
        assertThat(created.at("/primaryEndpoints/queue").asText()).isEqualTo("https://" + name + ".queue.core.windows.net/");
        assertThat(created.at("/primaryEndpoints/table").asText()).isEqualTo("https://" + name + ".table.core.windows.net/");
        assertThat(created.at("/primaryEndpoints/web").asText()).startsWith("https://" + name + ".");
        assertThat(created.get("primaryLocation").asText()).isEqualTo("westus");
        assertThat(created.get("statusOfPrimary").asText()).isEqualTo("available");
        assertThat(created.get("enableHttpsTrafficOnly").asBoolean()).isTrue();
        assertThat(created.at("/encryption/services/blob/enabled").asBoolean()).isTrue();

        // show without -g: az finds the group by listing the subscription's accounts
        JsonNode shown = az.json("storage", "account", "show", "-n", name);
        assertThat(shown.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(shown.get("resourceGroup").asText()).isEqualTo(rg);
        assertThat(az.ok("storage", "account", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(name);
        assertThat(az.ok("storage", "account", "list", "--query", "[?name=='" + name + "'].name", "-o", "tsv").trim()).isEqualTo(name);

        JsonNode keys = az.json("storage", "account", "keys", "list", "-n", name, "-g", rg);
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("keyName").asText()).isEqualTo("key1");
        assertThat(keys.get(1).get("keyName").asText()).isEqualTo("key2");
        assertThat(keys.get(0).get("value").asText()).hasSize(88).isNotEqualTo(keys.get(1).get("value").asText());
        assertThat(keys.get(0).get("permissions").asText()).isEqualToIgnoringCase("FULL");
        JsonNode again = az.json("storage", "account", "keys", "list", "-n", name, "-g", rg);
        assertThat(again.get(0).get("value").asText()).as("keys are stable").isEqualTo(keys.get(0).get("value").asText());

        JsonNode renewed = az.json("storage", "account", "keys", "renew", "-n", name, "-g", rg, "--key", "secondary");
        assertThat(renewed.get(0).get("value").asText()).isEqualTo(keys.get(0).get("value").asText());
        assertThat(renewed.get(1).get("value").asText()).isNotEqualTo(keys.get(1).get("value").asText());

        JsonNode connection = az.json("storage", "account", "show-connection-string", "-n", name, "-g", rg);
        assertThat(connection.get("connectionString").asText()).contains("AccountName=" + name)
                .contains("AccountKey=" + keys.get(0).get("value").asText());

        JsonNode taken = az.json("storage", "account", "check-name", "-n", name);
        assertThat(taken.get("nameAvailable").asBoolean()).isFalse();
        assertThat(taken.get("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(az.json("storage", "account", "check-name", "-n", "Bad_Name").get("reason").asText()).isEqualTo("AccountNameInvalid");

        // a second account with the name, elsewhere: refused
        String rg2 = fx.resourceGroup("azsa-");
        var conflict = az.run("storage", "account", "create", "-n", name, "-g", rg2, "-l", "westus", "--sku", "Standard_LRS");
        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.stderr()).contains("StorageAccountInAnotherResourceGroup");

        az.ok("storage", "account", "delete", "-n", name, "-g", rg, "--yes");
        var gone = az.run("storage", "account", "show", "-n", name, "-g", rg);
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("ResourceNotFound");
        assertThat(az.json("storage", "account", "check-name", "-n", name).get("nameAvailable").asBoolean()).isTrue();
    }

    @Test
    void azDefaultsGeoRedundantAccountInTheGroupsRegion() {
        String rg = fx.resourceGroup("azsa-");
        String name = DepFixtures.unique("azsad");
        // no --sku and no -l: az sends Standard_RAGRS and the group's location
        JsonNode created = az.json("storage", "account", "create", "-n", name, "-g", rg);
        assertThat(created.at("/sku/name").asText()).isEqualTo("Standard_RAGRS");
        assertThat(created.get("location").asText()).isEqualTo("westus");
        assertThat(created.get("secondaryLocation").asText()).isEqualTo("eastus");
        assertThat(created.at("/secondaryEndpoints/blob").asText()).isEqualTo("https://" + name + "-secondary.blob.core.windows.net/");

        JsonNode updated = az.json("storage", "account", "update", "-n", name, "-g", rg, "--sku", "Standard_LRS",
                "--min-tls-version", "TLS1_2", "--tags", "team=ml");
        assertThat(updated.at("/sku/name").asText()).isEqualTo("Standard_LRS");
        assertThat(updated.at("/tags/team").asText()).isEqualTo("ml");
        assertThat(updated.has("secondaryLocation") && !updated.get("secondaryLocation").isNull()).isFalse();
    }

    @Test
    void badNamesAreRefusedWithTheStorageCode() {
        String rg = fx.resourceGroup("azsa-");
        var r = az.run("storage", "account", "create", "-n", "UPPERcase", "-g", rg, "-l", "westus", "--sku", "Standard_LRS");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("AccountNameInvalid");
    }
}
