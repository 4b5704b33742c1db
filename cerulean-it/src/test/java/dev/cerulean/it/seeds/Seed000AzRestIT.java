package dev.cerulean.it.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.JsonShapes;
import dev.cerulean.it.acr.SeedDocument;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's bash walkthrough with the real az 2.45 through Cerulean's proxy, verbatim but for the
 * variables: {@code az group create}, {@code az rest} PUT / PATCH / GET / POST regenerateCredential /
 * DELETE of a container registry with the docs' single-quoted bodies, then {@code az group delete}.
 * What az prints is compared with the JSON the document shows (when shared/ is present).
 */
class Seed000AzRestIT {

    @Test
    void restWalkthroughOfAContainerRegistry() {
        CeruleanServer server = TestServers.shared();
        Az az = Az.viaProxy(server).login(server);

        // Variable block (bash: let "randomIdentifier=$RANDOM*$RANDOM")
        SecureRandom random = new SecureRandom();
        long randomIdentifier = (long) random.nextInt(32768) * random.nextInt(32768);
        String subscriptionId = "00000000-0000-0000-0000-000000000000";
        assertThat(server.config().subscriptionId()).as("the docs' subscription is the server's default").isEqualTo(subscriptionId);
        String resourceGroup = "msdocs-app-rg" + randomIdentifier;
        String containerRegistryName = "msdocscr" + randomIdentifier;
        String locationName = "westus";
        String skuName = "Standard";
        String propertyValue = "true";
        String url = "https://management.azure.com/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.ContainerRegistry/registries/" + containerRegistryName;
        List<JsonNode> samples = SeedDocument.jsonSamples("000_");
        if (Files.isDirectory(Shared.root().resolve("seeds"))) {
            assertThat(samples).as("the PUT and POST samples of seed 000").hasSize(2);
        }

        JsonNode group = az.json("group", "create", "--name", resourceGroup, "--location", locationName, "--output", "json");
        assertThat(group.get("name").asText()).isEqualTo(resourceGroup);
        assertThat(group.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        // PUT
        JsonNode created = az.json("rest", "--method", "put", "--url", url + "?api-version=2023-01-01-preview",
                "--body", "{'location': '" + locationName + "', 'sku': {'name': '" + skuName + "'}, 'properties': {'adminUserEnabled': '" + propertyValue + "'}}");
        assertRegistry(created, containerRegistryName, resourceGroup, "Standard");
        assertThat(created.at("/properties/adminUserEnabled").isBoolean()).as("'true' is coerced to a boolean (clients.md §3)").isTrue();
        assertThat(created.at("/properties/adminUserEnabled").asBoolean()).isTrue();
        assertThat(created.at("/properties/networkRuleSet").isMissingNode()).as("Standard has no networkRuleSet (acr.md §1.3)").isTrue();
        if (!samples.isEmpty()) JsonShapes.assertShape(created, samples.get(0));

        // PATCH ($skuName="Premium"); the body still carries location, which a PATCH ignores (acr.md §1.5)
        skuName = "Premium";
        JsonNode patched = az.json("rest", "--method", "patch", "--url", url + "?api-version=2023-01-01-preview",
                "--body", "{'location': '" + locationName + "', 'sku': {'name': '" + skuName + "'}, 'properties': {'adminUserEnabled': '" + propertyValue + "'}}");
        assertRegistry(patched, containerRegistryName, resourceGroup, "Premium");
        assertThat(patched.at("/properties/networkRuleSet/defaultAction").asText()).as("Premium adds networkRuleSet").isEqualTo("Allow");
        assertThat(patched.at("/properties/creationDate").asText()).isEqualTo(created.at("/properties/creationDate").asText());

        // GET: "The output for GET method is the same as the one shown for PUT."
        JsonNode got = az.json("rest", "--method", "get", "--url", url + "?api-version=2023-01-01-preview");
        assertThat(got).isEqualTo(patched);
        if (!samples.isEmpty()) JsonShapes.assertShape(got, samples.get(0));

        // Not in the seed: read the admin passwords first, to see which one the POST replaces.
        JsonNode before = az.json("rest", "--method", "post", "--url", url + "/listCredentials?api-version=2023-01-01-preview");

        // POST ($passwordValue="password")
        String passwordValue = "password";
        JsonNode regenerated = az.json("rest", "--method", "post", "--url", url + "/regenerateCredential?api-version=2023-01-01-preview",
                "--body", "{'name': '" + passwordValue + "'}");
        assertThat(regenerated.get("username").asText()).isEqualTo(containerRegistryName);
        assertThat(regenerated.get("passwords")).hasSize(2);
        assertThat(regenerated.at("/passwords/0/name").asText()).isEqualTo("password");
        assertThat(regenerated.at("/passwords/1/name").asText()).isEqualTo("password2");
        assertThat(regenerated.at("/passwords/0/value").asText()).as("password is new")
                .isNotEqualTo(before.at("/passwords/0/value").asText()).matches("[A-Za-z0-9+/=]{32}");
        assertThat(regenerated.at("/passwords/1/value").asText()).as("password2 is kept").isEqualTo(before.at("/passwords/1/value").asText());
        if (samples.size() > 1) JsonShapes.assertShape(regenerated, samples.get(1));

        // DELETE: az rest prints nothing for the empty 200
        assertThat(az.ok("rest", "--method", "delete", "--url", url + "?api-version=2023-01-01-preview")).isBlank();
        var gone = az.run("rest", "--method", "get", "--url", url + "?api-version=2023-01-01-preview");
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("Not Found").contains("ResourceNotFound");

        // Clean up resources (--yes: az would prompt, and the test has no terminal)
        az.ok("group", "delete", "--resource-group", resourceGroup, "--yes");
        assertThat(az.ok("group", "exists", "--name", resourceGroup).trim()).isEqualTo("false");
    }

    /** The values the seed's PUT output shows, with this walkthrough's names. */
    private static void assertRegistry(JsonNode r, String name, String resourceGroup, String sku) {
        assertThat(r.get("id").asText()).isEqualTo("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/" + resourceGroup
                + "/providers/Microsoft.ContainerRegistry/registries/" + name);
        assertThat(r.get("name").asText()).isEqualTo(name);
        assertThat(r.get("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries");
        assertThat(r.get("location").asText()).isEqualTo("westus");
        assertThat(r.get("tags").isObject()).isTrue();
        assertThat(r.at("/sku/name").asText()).isEqualTo(sku);
        assertThat(r.at("/sku/tier").asText()).isEqualTo(sku);
        JsonNode p = r.get("properties");
        assertThat(p.get("loginServer").asText()).isEqualTo(name + ".azurecr.io");
        assertThat(p.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(p.get("anonymousPullEnabled").asBoolean(true)).isFalse();
        assertThat(p.get("dataEndpointEnabled").asBoolean(true)).isFalse();
        assertThat(p.get("dataEndpointHostNames")).isEmpty();
        assertThat(p.get("privateEndpointConnections")).isEmpty();
        assertThat(p.at("/encryption/status").asText()).isEqualTo("disabled");
        assertThat(p.get("networkRuleBypassOptions").asText()).isEqualTo("AzureServices");
        assertThat(p.get("publicNetworkAccess").asText()).isEqualTo("Enabled");
        assertThat(p.get("zoneRedundancy").asText()).isEqualTo("Disabled");
        assertThat(p.get("creationDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
        JsonNode policies = p.get("policies");
        assertThat(policies.at("/azureADAuthenticationAsArmPolicy/status").asText()).isEqualTo("enabled");
        assertThat(policies.at("/exportPolicy/status").asText()).isEqualTo("enabled");
        assertThat(policies.at("/quarantinePolicy/status").asText()).isEqualTo("disabled");
        assertThat(policies.at("/retentionPolicy/days").asInt()).isEqualTo(7);
        assertThat(policies.at("/retentionPolicy/status").asText()).isEqualTo("disabled");
        assertThat(policies.at("/retentionPolicy/lastUpdatedTime").asText()).endsWith("+00:00");
        assertThat(policies.at("/softDeletePolicy/retentionDays").asInt()).isEqualTo(7);
        assertThat(policies.at("/softDeletePolicy/status").asText()).isEqualTo("disabled");
        assertThat(policies.at("/trustPolicy/type").asText()).isEqualTo("Notary");
        assertThat(policies.at("/trustPolicy/status").asText()).isEqualTo("disabled");
        for (String f : List.of("createdAt", "createdBy", "createdByType", "lastModifiedAt", "lastModifiedBy", "lastModifiedByType")) {
            assertThat(r.at("/systemData/" + f).isTextual()).as("systemData." + f).isTrue();
        }
    }
}
