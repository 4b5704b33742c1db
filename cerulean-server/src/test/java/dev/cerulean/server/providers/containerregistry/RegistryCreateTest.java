package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static dev.cerulean.server.providers.containerregistry.Conformance.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** The document a registry create produces (acr.md §1.3, §1.4, seed 000, RegistryCreate.json). */
class RegistryCreateTest {

    private final AcrTestbed bed = new AcrTestbed();

    /** The body seed 000 sends with az rest, single quotes and a string boolean included. */
    private ObjectNode seedCreate() {
        return bed.put(registryId("msdocs-app-rg1", "msdocscr1234"),
                "{'location': 'westus', 'sku': {'name': 'Standard'}, 'properties': {'adminUserEnabled': 'true'}}");
    }

    @Test
    void seedCreateHasTheSeedsPropertySet() {
        JsonNode props = seedCreate().get("properties");
        assertThat(keys(props)).containsExactlyInAnyOrder("adminUserEnabled", "anonymousPullEnabled", "creationDate",
                "dataEndpointEnabled", "dataEndpointHostNames", "encryption", "loginServer", "networkRuleBypassOptions",
                "policies", "privateEndpointConnections", "provisioningState", "publicNetworkAccess", "zoneRedundancy");
        assertThat(keys(props.get("policies"))).containsExactlyInAnyOrder("azureADAuthenticationAsArmPolicy",
                "exportPolicy", "quarantinePolicy", "retentionPolicy", "softDeletePolicy", "trustPolicy");
    }

    @Test
    void seedCreateHasTheSeedsDefaults() {
        ObjectNode doc = seedCreate();
        JsonNode p = doc.get("properties");
        assertThat(p.get("adminUserEnabled").isBoolean()).isTrue();
        assertThat(p.get("adminUserEnabled").booleanValue()).isTrue();
        assertThat(p.get("anonymousPullEnabled").booleanValue()).isFalse();
        assertThat(p.get("dataEndpointEnabled").booleanValue()).isFalse();
        assertThat(p.get("dataEndpointHostNames")).isEmpty();
        assertThat(p.get("privateEndpointConnections")).isEmpty();
        assertThat(p.get("encryption")).isEqualTo(Json.parse("{\"status\":\"disabled\"}"));
        assertThat(p.get("loginServer").asText()).isEqualTo("msdocscr1234.azurecr.io");
        assertThat(p.get("networkRuleBypassOptions").asText()).isEqualTo("AzureServices");
        assertThat(p.get("publicNetworkAccess").asText()).isEqualTo("Enabled");
        assertThat(p.get("zoneRedundancy").asText()).isEqualTo("Disabled");
        assertThat(p.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(doc.get("sku")).isEqualTo(Json.parse("{\"name\":\"Standard\",\"tier\":\"Standard\"}"));
        assertThat(doc.get("tags")).isEqualTo(Json.object());
        assertThat(doc.get("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries");
        assertThat(doc.get("location").asText()).isEqualTo("westus");
    }

    @Test
    void policiesHaveTheSeedsShapes() {
        JsonNode pol = seedCreate().get("properties").get("policies");
        assertThat(pol.get("quarantinePolicy")).isEqualTo(Json.parse("{\"status\":\"disabled\"}"));
        assertThat(pol.get("trustPolicy")).isEqualTo(Json.parse("{\"type\":\"Notary\",\"status\":\"disabled\"}"));
        assertThat(pol.get("exportPolicy")).isEqualTo(Json.parse("{\"status\":\"enabled\"}"));
        assertThat(pol.get("azureADAuthenticationAsArmPolicy")).isEqualTo(Json.parse("{\"status\":\"enabled\"}"));
        assertThat(keys(pol.get("retentionPolicy"))).containsExactlyInAnyOrder("days", "lastUpdatedTime", "status");
        assertThat(pol.get("retentionPolicy").get("days").intValue()).isEqualTo(7);
        assertThat(keys(pol.get("softDeletePolicy"))).containsExactlyInAnyOrder("retentionDays", "lastUpdatedTime", "status");
        assertThat(pol.get("softDeletePolicy").get("retentionDays").intValue()).isEqualTo(7);
        assertThat(pol.get("softDeletePolicy").get("status").asText()).isEqualTo("disabled");
    }

    @Test
    void timestampsUseTheServicesSpellings() {
        JsonNode p = seedCreate().get("properties");
        assertThat(p.get("creationDate").asText()).isEqualTo("2024-01-03T18:38:36.7089583Z");
        assertThat(p.get("policies").get("retentionPolicy").get("lastUpdatedTime").asText())
                .isEqualTo("2024-01-03T18:38:36.7089583+00:00");
    }

    @Test
    void propertiesComeInTheServicesOrder() {
        JsonNode p = bed.createRegistry("rg", "premiumreg", "Premium").get("properties");
        List<String> order = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("loginServer", "creationDate", "provisioningState", "adminUserEnabled",
                "networkRuleSet", "policies", "encryption", "dataEndpointEnabled", "dataEndpointHostNames",
                "privateEndpointConnections", "publicNetworkAccess", "networkRuleBypassOptions", "zoneRedundancy",
                "anonymousPullEnabled");
    }

    @Test
    void premiumHasADefaultNetworkRuleSet() {
        JsonNode p = bed.createRegistry("rg", "premiumreg", "Premium").get("properties");
        assertThat(p.get("networkRuleSet")).isEqualTo(Json.parse("{\"defaultAction\":\"Allow\",\"ipRules\":[]}"));
    }

    @Test
    void basicAndStandardHaveNoNetworkRuleSet() {
        assertThat(bed.createRegistry("rg", "basicreg", "Basic").get("properties").has("networkRuleSet")).isFalse();
        assertThat(bed.createRegistry("rg", "standardreg", "Standard").get("properties").has("networkRuleSet")).isFalse();
    }

    @Test
    void loginServerIsTheLowerCasedNameAndTheConfiguredSuffix() {
        AcrTestbed local = new AcrTestbed(".azurecr.local:8443");
        ObjectNode doc = local.createRegistry("rg", "MyRegistry", "Basic");
        assertThat(doc.get("name").asText()).isEqualTo("MyRegistry");
        assertThat(doc.get("properties").get("loginServer").asText()).isEqualTo("myregistry.azurecr.local:8443");
    }

    @Test
    void clientSentReadOnlyPropertiesAreIgnored() {
        ObjectNode doc = bed.put(registryId("rg", "readonlyreg"), "{'location':'westus','sku':{'name':'Basic','tier':'Premium'},"
                + "'properties':{'loginServer':'evil.example.com','creationDate':'2000-01-01T00:00:00Z','status':null}}");
        assertThat(doc.get("properties").get("loginServer").asText()).isEqualTo("readonlyreg.azurecr.io");
        assertThat(doc.get("properties").get("creationDate").asText()).startsWith("2024-01-03");
        assertThat(doc.get("properties").has("status")).isFalse();
        assertThat(doc.get("sku").get("tier").asText()).isEqualTo("Basic");
    }

    @Test
    void createMaterializesTheFiveSystemScopeMaps() {
        String id = registryId("rg", "withmaps");
        bed.createRegistry("rg", "withmaps", "Basic");
        List<ObjectNode> maps = bed.children(id, "scopeMaps");
        assertThat(maps).extracting(m -> m.get("name").asText()).containsExactlyInAnyOrder("_repositories_admin",
                "_repositories_pull", "_repositories_pull_metadata_read", "_repositories_push",
                "_repositories_push_metadata_write");
        ObjectNode pull = bed.get(id + "/scopeMaps/_repositories_pull");
        assertThat(pull.get("id").asText()).isEqualTo(id + "/scopeMaps/_repositories_pull");
        assertThat(pull.get("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries/scopeMaps");
        assertThat(pull.get("properties").get("type").asText()).isEqualTo("SystemDefined");
        assertThat(pull.get("properties").get("description").asText()).isEqualTo("Can pull any repository of the registry");
        assertThat(pull.get("properties").get("actions")).containsExactly(Json.MAPPER.valueToTree("repositories/*/content/read"));
        assertThat(pull.get("properties").get("creationDate").asText()).isEqualTo("2024-01-03T18:38:36.7089583+00:00");
    }

    @Test
    void replaceKeepsCreationDateAndDoesNotDuplicateSystemScopeMaps() {
        String id = registryId("rg", "replaced");
        String created = bed.createRegistry("rg", "replaced", "Basic").get("properties").get("creationDate").asText();
        bed.clock.advance(java.time.Duration.ofMinutes(5));
        ObjectNode doc = bed.createRegistry("rg", "replaced", "Standard");
        assertThat(doc.get("properties").get("creationDate").asText()).isEqualTo(created);
        assertThat(bed.children(id, "scopeMaps")).hasSize(5);
    }

    @Test
    void createMatchesTheShapeOfRegistryCreateExample() {
        JsonNode example = Conformance.example("RegistryCreate.json");
        JsonNode request = example.get("parameters").get("registry");
        ObjectNode doc = bed.put(registryId("myResourceGroup", "myRegistry"), Json.write(request));
        JsonNode expected = example.get("responses").get("201").get("body");

        Set<String> top = new TreeSet<>(keys(expected));
        top.add("systemData"); // the example predates systemData; the live service sends it (acr.md §1.3)
        assertThat(keys(doc)).isEqualTo(top);
        // the example's Standard body has networkRuleSet and "status": null; the live service sends neither (acr.md §1.3)
        Set<String> props = new TreeSet<>(keys(expected.get("properties")));
        props.removeAll(Set.of("networkRuleSet", "status"));
        assertThat(keys(doc.get("properties"))).isEqualTo(props);
        assertThat(keys(doc.get("properties").get("policies"))).containsAll(keys(expected.get("properties").get("policies")));
        assertThat(doc.get("tags")).isEqualTo(expected.get("tags"));
        assertThat(doc.get("sku")).isEqualTo(expected.get("sku"));
        for (String same : List.of("adminUserEnabled", "encryption", "dataEndpointEnabled", "dataEndpointHostNames",
                "privateEndpointConnections", "publicNetworkAccess", "networkRuleBypassOptions", "zoneRedundancy",
                "anonymousPullEnabled")) {
            assertThat(doc.get("properties").get(same)).as(same).isEqualTo(expected.get("properties").get(same));
        }
    }

    @Test
    void getMatchesTheShapeOfRegistryGetExample() {
        JsonNode expected = Conformance.example("RegistryGet.json").get("responses").get("200").get("body");
        bed.put(registryId("myResourceGroup", "myRegistry"), "{'location':'westus','tags':{'key':'value'},'sku':{'name':'Standard'}}");
        ObjectNode doc = bed.get(registryId("myResourceGroup", "myRegistry"));
        Set<String> props = new TreeSet<>(keys(expected.get("properties")));
        props.removeAll(Set.of("networkRuleSet", "status"));
        assertThat(keys(doc.get("properties"))).isEqualTo(props);
        assertThat(doc.get("properties").get("adminUserEnabled")).isEqualTo(expected.get("properties").get("adminUserEnabled"));
        assertThat(doc.get("properties").get("policies").get("trustPolicy"))
                .isEqualTo(expected.get("properties").get("policies").get("trustPolicy"));
    }
}
