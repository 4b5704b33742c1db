package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/** Loose values, SKUs, Premium-only features and PATCH semantics of registries (acr.md §1.3-§1.5, §1.11). */
class RegistryPropertiesTest {

    private static final String ID = registryId("rg", "myregistry");
    private final AcrTestbed bed = new AcrTestbed();

    private ObjectNode create(String properties) {
        return bed.put(ID, "{'location':'westus','sku':{'name':'Standard'},'properties':" + properties + "}");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"'true',true", "'false',false", "'TRUE',true", "true,true", "false,false"})
    void stringBooleansAreStoredAsBooleans(String sent, boolean stored) {
        JsonNode p = create("{'adminUserEnabled':" + sent + ",'anonymousPullEnabled':" + sent + "}").get("properties");
        assertThat(p.get("adminUserEnabled").isBoolean()).isTrue();
        assertThat(p.get("adminUserEnabled").booleanValue()).isEqualTo(stored);
        assertThat(p.get("anonymousPullEnabled").booleanValue()).isEqualTo(stored);
    }

    @Test
    void aNonBooleanIsRefused() {
        ApiErrors.expect(() -> create("{'adminUserEnabled':'yes'}"), 400, "InvalidRequestContent",
                "The request content was invalid and could not be deserialized: 'Error converting value \"yes\" to type 'System.Boolean'. Path 'properties.adminUserEnabled''.");
    }

    @ParameterizedTest
    @CsvSource({"basic,Basic", "STANDARD,Standard", "Premium,Premium", "' premium ',Premium"})
    void skuNamesAreNormalisedWithTheirTier(String sent, String canonical) {
        ObjectNode doc = bed.put(ID, "{'location':'westus','sku':{'name':'" + sent + "'}}");
        assertThat(doc.get("sku")).isEqualTo(Json.parse("{\"name\":\"" + canonical + "\",\"tier\":\"" + canonical + "\"}"));
    }

    @Test
    void anUnknownSkuIsRefused() {
        ApiErrors.expect(() -> bed.put(ID, "{'location':'westus','sku':{'name':'Gold'}}"), 400, "InvalidSku",
                "The sku 'Gold' is invalid. Valid values are Basic, Standard, Premium.");
    }

    @Test
    void classicOrMissingSkuIsRefusedAsDeprecated() {
        String message = "Classic SKU is now deprecated. Please select a managed SKU. Kindly refer to docs for instructions: https://docs.microsoft.com/en-us/azure/container-registry/container-registry-upgrade";
        ApiErrors.expect(() -> bed.put(ID, "{'location':'westus','sku':{'name':'Classic'}}"), 400, "ClassicSkuDeprecated", message);
        ApiErrors.expect(() -> bed.put(ID, "{'location':'westus'}"), 400, "ClassicSkuDeprecated", message);
    }

    @Test
    void enumValuesAreAcceptedInAnyCaseAndAnsweredCanonically() {
        JsonNode p = create("{'publicNetworkAccess':'disabled','networkRuleBypassOptions':'none',"
                + "'policies':{'exportPolicy':{'status':'Enabled'},'azureADAuthenticationAsArmPolicy':{'status':'DISABLED'}}}")
                .get("properties");
        assertThat(p.get("publicNetworkAccess").asText()).isEqualTo("Disabled");
        assertThat(p.get("networkRuleBypassOptions").asText()).isEqualTo("None");
        assertThat(p.get("policies").get("exportPolicy").get("status").asText()).isEqualTo("enabled");
        assertThat(p.get("policies").get("azureADAuthenticationAsArmPolicy").get("status").asText()).isEqualTo("disabled");
    }

    @Test
    void anUnknownEnumValueIsRefused() {
        ApiErrors.expect(() -> create("{'publicNetworkAccess':'Sometimes'}"), 400, "InvalidRequestContent",
                "The request content was invalid and could not be deserialized: 'Error converting value \"Sometimes\" to type 'PublicNetworkAccess'. Path 'properties.publicNetworkAccess''.");
    }

    @Test
    void patchChangesTheSkuAndItsTier() {
        create("{}");
        ObjectNode doc = bed.patch(ID, "{'sku':{'name':'premium'}}");
        assertThat(doc.get("sku")).isEqualTo(Json.parse("{\"name\":\"Premium\",\"tier\":\"Premium\"}"));
        assertThat(doc.get("properties").get("networkRuleSet")).isEqualTo(Json.parse("{\"defaultAction\":\"Allow\",\"ipRules\":[]}"));
    }

    @Test
    void downgradingDropsADefaultNetworkRuleSet() {
        bed.createRegistry("rg", "myregistry", "Premium");
        ObjectNode doc = bed.patch(ID, "{'sku':{'name':'Basic'}}");
        assertThat(doc.get("sku").get("tier").asText()).isEqualTo("Basic");
        assertThat(doc.get("properties").has("networkRuleSet")).isFalse();
    }

    @Test
    void downgradingWithPremiumFeaturesInUseIsRefused() {
        bed.put(ID, "{'location':'westus','sku':{'name':'Premium'},'properties':{'networkRuleSet':{'defaultAction':'Deny',"
                + "'ipRules':[{'action':'Allow','value':'10.0.0.0/24'}]}}}");
        ApiErrors.expect(() -> bed.patch(ID, "{'sku':{'name':'Standard'}}"), 400, "FeatureNotSupportedForSku",
                "The feature 'networkRuleSet' is not supported for the 'Standard' SKU. Please upgrade the registry to the Premium SKU.");
        assertThat(bed.get(ID).get("sku").get("name").asText()).isEqualTo("Premium");
    }

    @Test
    void premiumOnlyFeaturesAreRefusedOnLowerSkus() {
        ApiErrors.expect(() -> create("{'dataEndpointEnabled':true}"), 400, "FeatureNotSupportedForSku",
                "The feature 'dataEndpointEnabled' is not supported for the 'Standard' SKU. Please upgrade the registry to the Premium SKU.");
        ApiErrors.expect(() -> create("{'zoneRedundancy':'Enabled'}"), 400, "FeatureNotSupportedForSku",
                "The feature 'zoneRedundancy' is not supported for the 'Standard' SKU. Please upgrade the registry to the Premium SKU.");
        ApiErrors.expect(() -> create("{'policies':{'retentionPolicy':{'status':'enabled'}}}"), 400, "FeatureNotSupportedForSku",
                "The feature 'retentionPolicy' is not supported for the 'Standard' SKU. Please upgrade the registry to the Premium SKU.");
        ApiErrors.expect(() -> bed.put(ID, "{'location':'westus','sku':{'name':'Basic'},'properties':{'anonymousPullEnabled':true}}"),
                400, "FeatureNotSupportedForSku",
                "The feature 'anonymousPullEnabled' is not supported for the 'Basic' SKU. Please upgrade the registry to the Premium SKU.");
    }

    @Test
    void premiumDataEndpointsGetHostNames() {
        ObjectNode doc = bed.put(ID, "{'location':'West US','sku':{'name':'Premium'},'properties':{'dataEndpointEnabled':'true'}}");
        assertThat(doc.get("properties").get("dataEndpointHostNames"))
                .containsExactly(Json.MAPPER.valueToTree("myregistry.westus.data.azurecr.io"));
    }

    @Test
    void patchMergesPoliciesOneByOne() {
        bed.createRegistry("rg", "myregistry", "Premium");
        JsonNode before = bed.get(ID).get("properties").get("policies");
        bed.clock.advance(Duration.ofMinutes(1));
        JsonNode after = bed.patch(ID, "{'properties':{'policies':{'retentionPolicy':{'days':30,'status':'enabled'}}}}")
                .get("properties").get("policies");
        assertThat(after.get("retentionPolicy").get("days").intValue()).isEqualTo(30);
        assertThat(after.get("retentionPolicy").get("status").asText()).isEqualTo("enabled");
        assertThat(after.get("retentionPolicy").get("lastUpdatedTime")).isNotEqualTo(before.get("retentionPolicy").get("lastUpdatedTime"));
        assertThat(after.get("softDeletePolicy")).isEqualTo(before.get("softDeletePolicy"));
        assertThat(after.get("trustPolicy")).isEqualTo(before.get("trustPolicy"));
    }

    @Test
    void patchLeavesUnsentPropertiesAndAcceptsTheSeedsBody() {
        create("{'publicNetworkAccess':'Disabled'}");
        ObjectNode doc = bed.patch(ID, "{'location': 'westus', 'sku': {'name': 'Premium'}, 'properties': {'adminUserEnabled': 'true'}}");
        assertThat(doc.get("properties").get("publicNetworkAccess").asText()).isEqualTo("Disabled");
        assertThat(doc.get("properties").get("adminUserEnabled").booleanValue()).isTrue();
        assertThat(doc.get("sku").get("name").asText()).isEqualTo("Premium");
    }

    @Test
    void putReplacesWritablePropertiesWithDefaults() {
        create("{'publicNetworkAccess':'Disabled'}");
        assertThat(create("{}").get("properties").get("publicNetworkAccess").asText()).isEqualTo("Enabled");
    }

    @Test
    void zoneRedundancyIsSetAtCreationOnly() {
        bed.put(ID, "{'location':'westus','sku':{'name':'Premium'},'properties':{'zoneRedundancy':'Enabled'}}");
        ApiErrors.expect(() -> bed.put(ID, "{'location':'westus','sku':{'name':'Premium'},'properties':{'zoneRedundancy':'Disabled'}}"),
                400, "ZoneRedundancyCannotBeUpdated", "Zone redundancy can only be set when the registry is created.");
        assertThat(bed.patch(ID, "{'properties':{'zoneRedundancy':'Disabled'}}").get("properties").get("zoneRedundancy").asText())
                .isEqualTo("Enabled");
    }

    @Test
    void aSystemAssignedIdentityGetsStablePrincipalIds() {
        ObjectNode doc = bed.put(ID, "{'location':'westus','sku':{'name':'Basic'},'identity':{'type':'systemassigned'}}");
        JsonNode identity = doc.get("identity");
        assertThat(identity.get("type").asText()).isEqualTo("SystemAssigned");
        assertThat(identity.get("tenantId").asText()).isEqualTo(AcrTestbed.CALLER.tenantId());
        assertThat(bed.patch(ID, "{'tags':{'a':'b'}}").get("identity")).isEqualTo(identity);
    }
}
