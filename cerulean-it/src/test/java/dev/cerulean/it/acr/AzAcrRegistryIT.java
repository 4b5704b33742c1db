package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry commands of az 2.45 ({@code acr create/show/list/update/check-name/show-usage/delete})
 * and the admin user ({@code acr credential show/renew}) through the proxy, in the order a user
 * runs them, with the call sequences of acr.md §4.2.
 */
class AzAcrRegistryIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    @Test
    void registryLifecycleWithTheAdminUser() {
        String rg = fx.resourceGroup("azacr-");
        String name = AcrFixtures.unique("azacr");

        // acr create without --location: az reads the group's location first
        JsonNode created = az.json("acr", "create", "-n", name, "-g", rg, "--sku", "Basic");
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("location").asText()).isEqualTo("westus");
        assertThat(created.get("loginServer").asText()).isEqualTo(name + ".azurecr.io");
        assertThat(created.at("/sku/tier").asText()).isEqualTo("Basic");
        assertThat(created.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(created.get("adminUserEnabled").asBoolean(true)).isFalse();
        assertThat(created.get("resourceGroup").asText()).isEqualTo(rg);

        JsonNode shown = az.json("acr", "show", "-n", name, "--query", "{login: loginServer, sku: sku.name, admin: adminUserEnabled}");
        assertThat(shown.get("login").asText()).isEqualTo(name + ".azurecr.io");
        assertThat(shown.get("sku").asText()).isEqualTo("Basic");

        String table = az.ok("acr", "list", "-g", rg, "--output", "table");
        assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "RESOURCE GROUP", "LOCATION", "SKU", "LOGIN SERVER");
        assertThat(table).containsPattern(name + "\\s+" + rg + "\\s+westus\\s+Basic\\s+" + name + "\\.azurecr\\.io");
        assertThat(az.ok("acr", "list", "--query", "[?name=='" + name + "'].name", "--output", "tsv").trim()).isEqualTo(name);

        // the admin user: refused client-side while disabled, then enabled with az acr update
        var refused = az.run("acr", "credential", "show", "-n", name);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("az acr update -n " + name + " --admin-enabled true");
        assertThat(az.ok("acr", "update", "-n", name, "--admin-enabled", "true", "--query", "adminUserEnabled", "--output", "tsv").trim())
                .isEqualTo("true");

        JsonNode creds = az.json("acr", "credential", "show", "-n", name);
        assertThat(creds.get("username").asText()).isEqualTo(name);
        assertThat(creds.at("/passwords/0/name").asText()).isEqualTo("password");
        assertThat(creds.at("/passwords/1/name").asText()).isEqualTo("password2");
        String credTable = az.ok("acr", "credential", "show", "-n", name, "--output", "table");
        assertThat(credTable.lines().findFirst().orElseThrow()).containsSubsequence("USERNAME", "PASSWORD", "PASSWORD2");
        assertThat(credTable).contains(creds.at("/passwords/0/value").asText()).contains(creds.at("/passwords/1/value").asText());

        JsonNode renewed = az.json("acr", "credential", "renew", "-n", name, "--password-name", "password2");
        assertThat(renewed.at("/passwords/0/value").asText()).as("password kept").isEqualTo(creds.at("/passwords/0/value").asText());
        assertThat(renewed.at("/passwords/1/value").asText()).as("password2 renewed").isNotEqualTo(creds.at("/passwords/1/value").asText());

        // sku upgrade through PATCH
        assertThat(az.ok("acr", "update", "-n", name, "--sku", "Standard", "--query", "sku.tier", "--output", "tsv").trim()).isEqualTo("Standard");

        JsonNode taken = az.json("acr", "check-name", "-n", name);
        assertThat(taken.get("nameAvailable").asBoolean()).isFalse();
        assertThat(taken.get("reason").asText()).isEqualTo("AlreadyExists");
        assertThat(taken.get("message").asText()).isEqualTo("The registry " + name + " is already in use.");
        JsonNode free = az.json("acr", "check-name", "-n", AcrFixtures.unique("free"));
        assertThat(free.get("nameAvailable").asBoolean()).isTrue();

        JsonNode usage = az.json("acr", "show-usage", "-n", name);
        assertThat(usage.get("value")).extracting(u -> u.get("name").asText()).contains("Size", "Webhooks");
        for (JsonNode u : usage.get("value")) {
            assertThat(u.get("limit").isNumber() && u.get("currentValue").isNumber()).isTrue();
            assertThat(u.get("unit").asText()).isIn("Count", "Bytes");
        }
        assertThat(usage.get("value")).filteredOn(u -> u.get("name").asText().equals("Size"))
                .extracting(u -> u.get("limit").asLong()).containsExactly(107374182400L); // Standard: 100 GiB (acr.md §1.3)
        assertThat(az.ok("acr", "show-usage", "-n", name, "--output", "table")).containsPattern("Webhooks\\s+10\\s+0\\s+Count");

        assertThat(az.ok("acr", "delete", "-n", name, "--yes")).isBlank();
        var gone = az.run("acr", "show", "-n", name);
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("could not be found");
        assertThat(az.json("acr", "check-name", "-n", name).get("nameAvailable").asBoolean()).as("the name is free again").isTrue();
    }
}
