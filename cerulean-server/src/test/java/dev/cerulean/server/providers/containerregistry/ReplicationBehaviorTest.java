package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/** Geo-replications: create, update, the Premium rule and bad input (Replications_* of containerregistry.json). */
class ReplicationBehaviorTest {

    private static final String REG = registryId("rg", "myregistry");
    private final AcrTestbed bed = new AcrTestbed();

    @BeforeEach
    void premiumRegistry() {
        bed.createRegistry("rg", "myregistry", "Premium");
    }

    private ObjectNode create(String name, String body) {
        return bed.put(REG + "/replications/" + name, body);
    }

    @Test
    void aNewReplicationHasTheServicesShape() {
        ObjectNode r = create("eastus", "{'location':'East US','tags':{'a':'b'}}");
        assertThat(r.get("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries/replications");
        assertThat(r.get("location").asText()).isEqualTo("eastus");
        assertThat(r.get("tags").get("a").asText()).isEqualTo("b");
        JsonNode p = r.get("properties");
        List<String> order = new ArrayList<>();
        p.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("provisioningState", "status", "regionEndpointEnabled", "zoneRedundancy");
        assertThat(p.get("regionEndpointEnabled").booleanValue()).isTrue();
        assertThat(p.get("zoneRedundancy").asText()).isEqualTo("Disabled");
        assertThat(p.get("status").get("displayStatus").asText()).isEqualTo("Ready");
        assertThat(p.get("status").get("timestamp").asText()).isEqualTo("2024-01-03T18:38:36.7089583+00:00");
    }

    @Test
    void patchChangesTagsAndRegionEndpointButNotZoneRedundancy() {
        create("eastus", "{'location':'eastus','properties':{'zoneRedundancy':'Enabled'}}");
        ObjectNode r = bed.patch(REG + "/replications/eastus",
                "{'tags':{'env':'dev'},'properties':{'regionEndpointEnabled':false,'zoneRedundancy':'Disabled'}}");
        assertThat(r.get("tags").get("env").asText()).isEqualTo("dev");
        assertThat(r.get("location").asText()).isEqualTo("eastus");
        assertThat(r.get("properties").get("regionEndpointEnabled").booleanValue()).isFalse();
        assertThat(r.get("properties").get("zoneRedundancy").asText()).isEqualTo("Enabled");
    }

    @Test
    void aReplaceCannotMoveItOrChangeZoneRedundancy() {
        create("eastus", "{'location':'eastus'}");
        ApiErrors.expect(() -> create("eastus", "{'location':'westeurope'}"), 400, "InvalidResourceLocation");
        ApiErrors.expect(() -> create("eastus", "{'location':'eastus','properties':{'zoneRedundancy':'Enabled'}}"), 400,
                "ZoneRedundancyCannotBeUpdated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "name too short       | abc    | {'location':'eastus'}                                           | 400 | ResourceNameInvalid",
            "name with a dash     | east-us| {'location':'eastus'}                                           | 400 | ResourceNameInvalid",
            "location missing     | eastus | {'properties':{}}                                               | 400 | LocationRequired",
            "location not a region| eastus | {'location':'moon'}                                             | 400 | LocationNotAvailableForResourceType",
            "location not text    | eastus | {'location':7}                                                  | 400 | LocationRequired",
            "zoneRedundancy value | eastus | {'location':'eastus','properties':{'zoneRedundancy':'Maybe'}}   | 400 | InvalidRequestContent",
            "regionEndpoint value | eastus | {'location':'eastus','properties':{'regionEndpointEnabled':'x'}} | 400 | InvalidRequestContent",
    })
    void badInputIsRefusedAndNothingIsStored(String why, String name, String body, int status, String code) {
        ApiErrors.expect(() -> create(name.trim(), body.trim()), status, code.trim());
        assertThat(bed.children(REG, "replications")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"Basic", "Standard"})
    void onlyPremiumRegistriesReplicate(String sku) {
        bed.createRegistry("rg", "small" + sku.toLowerCase(), sku);
        String small = registryId("rg", "small" + sku.toLowerCase());
        ApiErrors.expect(() -> bed.put(small + "/replications/eastus", "{'location':'eastus'}"), 400,
                "FeatureNotSupportedForSku");
        assertThat(bed.children(small, "replications")).isEmpty();
    }

    @Test
    void aRegistryWithReplicationsStaysPremium() {
        create("eastus", "{'location':'eastus'}");
        ApiErrors.expect(() -> bed.patch(REG, "{'sku':{'name':'Standard'}}"), 400, "FeatureNotSupportedForSku");
        assertThat(bed.get(REG).get("sku").get("name").asText()).isEqualTo("Premium");
        bed.delete(REG + "/replications/eastus");
        assertThat(bed.patch(REG, "{'sku':{'name':'Standard'}}").get("sku").get("name").asText()).isEqualTo("Standard");
    }

    @Test
    void deletingTheRegistryDeletesItsReplications() {
        create("eastus", "{'location':'eastus'}");
        create("westeurope", "{'location':'westeurope'}");
        bed.delete(REG);
        assertThat(bed.store.all()).noneMatch(r -> r.key().startsWith(AcrTestbed.key(REG)));
    }
}
