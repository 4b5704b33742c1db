package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Template-level behaviour of deployments.md §3.2-§3.5 and §3.9 on small templates. */
class TemplateEngineTest {
    private static final String RG = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg1";

    static DeploymentPlan plan(String template) {
        return plan(template, null);
    }

    static DeploymentPlan plan(String template, String parameters) {
        return TemplateEngine.plan(TemplateText.parse(template), parameters == null ? null : Json.parse(parameters), Fixtures.rg1());
    }

    private static List<String> names(DeploymentPlan p) {
        return p.deployed().stream().map(PlannedResource::name).toList();
    }

    private static String t(String resources) {
        return "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": " + resources + "}";
    }

    @Test
    void readsTheTemplateTextAzSends() {
        String jsonc = "\uFEFF{\r\n  // az sends the file as it is\r\n  \"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", /* block */\r\n"
                + "  \"parameters\": {\"p\": {\"type\": \"string\", \"defaultValue\": \"v\",},},\r\n  \"resources\": [],\r\n}";
        DeploymentPlan p = plan(jsonc);
        assertThat(p.parameters().get("p").textValue()).isEqualTo("v");
    }

    @Test
    void serialCopyWithBatchSizeWaitsForThePreviousBatch() {
        DeploymentPlan p = plan(t("[{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\","
                + " \"name\": \"[concat('st', copyIndex(1))]\", \"copy\": {\"name\": \"loop\", \"count\": 5, \"mode\": \"serial\", \"batchSize\": 2}}]"));
        assertThat(names(p)).containsExactly("st1", "st2", "st3", "st4", "st5");
        assertThat(p.deployed().get(0).dependsOn()).isEmpty();
        assertThat(p.deployed().get(2).dependsOn()).containsExactly(p.deployed().get(0).id(), p.deployed().get(1).id());
        assertThat(p.deployed().get(4).dependsOn()).containsExactly(p.deployed().get(2).id(), p.deployed().get(3).id());
    }

    @Test
    void dependsOnByNameCopyLoopAndIdInTopologicalOrder() {
        DeploymentPlan p = plan(t("["
                + "{\"type\": \"Microsoft.Web/sites\", \"apiVersion\": \"2022-03-01\", \"name\": \"app\", \"dependsOn\": [\"plans\", \"[resourceId('Microsoft.Network/virtualNetworks', 'vn')]\"]},"
                + "{\"type\": \"Microsoft.Web/serverfarms\", \"apiVersion\": \"2022-03-01\", \"name\": \"[concat('plan', copyIndex())]\", \"copy\": {\"name\": \"plans\", \"count\": 2}},"
                + "{\"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2022-07-01\", \"name\": \"vn\", \"dependsOn\": [\"plan1\"]}]"));
        assertThat(names(p)).containsExactly("plan0", "plan1", "vn", "app");
        assertThat(p.deployed().get(3).dependsOn()).hasSize(3);
    }

    @Test
    void referenceAndListAddImplicitDependencies() {
        DeploymentPlan p = plan(t("["
                + "{\"type\": \"Microsoft.Web/sites\", \"apiVersion\": \"2022-03-01\", \"name\": \"app\", \"properties\": {"
                + "  \"a\": \"[reference('st1').primaryEndpoints.blob]\", \"k\": \"[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st2'), '2022-09-01').keys[0].value]\"}},"
                + "{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"st1\"},"
                + "{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"st2\"}]"));
        assertThat(names(p)).containsExactly("st1", "st2", "app");
        assertThat(p.deployed().get(2).dependsOn()).containsExactly(p.deployed().get(0).id(), p.deployed().get(1).id());
    }

    @Test
    void falseConditionsAreDroppedFromDependencies() {
        DeploymentPlan p = plan(t("["
                + "{\"condition\": false, \"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"st1\"},"
                + "{\"type\": \"Microsoft.Web/sites\", \"apiVersion\": \"2022-03-01\", \"name\": \"app\", \"dependsOn\": [\"st1\"]}]"));
        assertThat(names(p)).containsExactly("app");
        assertThat(p.deployed().get(0).dependsOn()).isEmpty();
    }

    @Test
    void nestedChildrenGetFullTypesAndNames() {
        DeploymentPlan p = plan(t("[{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"st1\","
                + " \"resources\": [{\"type\": \"blobServices\", \"apiVersion\": \"2022-09-01\", \"name\": \"default\", \"dependsOn\": [\"st1\"],"
                + "   \"resources\": [{\"type\": \"containers\", \"apiVersion\": \"2022-09-01\", \"name\": \"c1\", \"dependsOn\": [\"default\"]}]}]}]"));
        assertThat(p.deployed().stream().map(r -> r.type() + " " + r.name()).toList()).containsExactly(
                "Microsoft.Storage/storageAccounts st1",
                "Microsoft.Storage/storageAccounts/blobServices st1/default",
                "Microsoft.Storage/storageAccounts/blobServices/containers st1/default/c1");
        assertThat(p.deployed().get(2).id()).isEqualTo(RG + "/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default/containers/c1");
    }

    @Test
    void propertyAndVariableCopies() {
        DeploymentPlan p = plan("{\"variables\": {\"copy\": [{\"name\": \"names\", \"count\": 2, \"input\": \"[concat('n', copyIndex('names'))]\"}],"
                + " \"disks\": {\"copy\": [{\"name\": \"list\", \"count\": 2, \"input\": {\"lun\": \"[copyIndex('list')]\"}}]}},"
                + " \"resources\": [{\"type\": \"Microsoft.Compute/virtualMachines\", \"apiVersion\": \"2022-08-01\", \"name\": \"vm\","
                + "   \"properties\": {\"names\": \"[variables('names')]\", \"d\": \"[variables('disks').list]\","
                + "     \"copy\": [{\"name\": \"dataDisks\", \"count\": 3, \"input\": {\"lun\": \"[copyIndex('dataDisks', 10)]\"}}]}}]}");
        assertThat(Json.write(p.body(p.deployed().get(0), RuntimeResources.NONE).get("properties"))).isEqualTo(
                "{\"names\":[\"n0\",\"n1\"],\"d\":[{\"lun\":0},{\"lun\":1}],\"dataDisks\":[{\"lun\":10},{\"lun\":11},{\"lun\":12}]}");
    }

    @Test
    void userDefinedFunctions() {
        DeploymentPlan p = plan("{\"functions\": [{\"namespace\": \"contoso\", \"members\": {\"uniqueName\": {\"parameters\": [{\"name\": \"p\", \"type\": \"string\"}],"
                + " \"output\": {\"type\": \"string\", \"value\": \"[concat(toLower(parameters('p')), uniqueString(resourceGroup().id))]\"}}}}],"
                + " \"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"[contoso.uniqueName('ST')]\"}]}");
        assertThat(names(p)).containsExactly("stesry3te6a5b2e");
    }

    @Test
    void languageVersion2SymbolicNamesAndExisting() {
        DeploymentPlan p = plan("{\"languageVersion\": \"2.0\", \"resources\": {"
                + " \"app\": {\"type\": \"Microsoft.Web/sites\", \"apiVersion\": \"2022-03-01\", \"name\": \"app\", \"dependsOn\": [\"plan\"],"
                + "   \"properties\": {\"vnet\": \"[reference('vnet')]\"}},"
                + " \"plan\": {\"type\": \"Microsoft.Web/serverfarms\", \"apiVersion\": \"2022-03-01\", \"name\": \"plan1\"},"
                + " \"vnet\": {\"existing\": true, \"type\": \"Microsoft.Network/virtualNetworks\", \"apiVersion\": \"2022-07-01\", \"name\": \"vn\"}},"
                + " \"outputs\": {\"planId\": {\"type\": \"string\", \"value\": \"[resourceId('Microsoft.Web/serverfarms', 'plan1')]\"}}}");
        assertThat(names(p)).containsExactly("plan1", "app");
        assertThat(p.resources().stream().filter(PlannedResource::existing).map(PlannedResource::symbolicName)).containsExactly("vnet");
        assertThat(p.deployed().get(1).dependsOn()).containsExactly(p.deployed().get(0).id());
        FakeRuntime rt = new FakeRuntime();
        p.body(p.deployed().get(1), rt);
        assertThat(rt.calls).containsExactly("reference " + RG + "/providers/Microsoft.Network/virtualNetworks/vn 2022-07-01");
    }

    @Test
    void outerScopeNestedTemplateSeesTheParentsParametersAndTargetsItsGroup() {
        DeploymentPlan p = plan("{\"parameters\": {\"prefix\": {\"type\": \"string\", \"defaultValue\": \"pre\"}},"
                + " \"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2021-04-01\", \"name\": \"inner\", \"resourceGroup\": \"rg2\","
                + "  \"properties\": {\"mode\": \"Incremental\", \"template\": {\"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\","
                + "   \"apiVersion\": \"2022-09-01\", \"name\": \"[concat(parameters('prefix'), 'st')]\"}]}}}]}");
        PlannedResource nested = p.deployed().get(0);
        assertThat(nested.id()).isEqualTo("/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg2/providers/Microsoft.Resources/deployments/inner");
        DeploymentContext target = Fixtures.rg1().nested("inner", null, new DeploymentContext.ResourceGroup("rg2", "eastus", null, null));
        DeploymentPlan inner = TemplateEngine.nested(p, p.body(nested, RuntimeResources.NONE), target);
        assertThat(inner.deployed().get(0).id())
                .isEqualTo("/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/prest");
    }

    @Test
    void nestedLinkedTemplatesAreRefusedNamingWhatTheyPointAt() {
        for (String link : new String[] {"{\"uri\": \"https://example.com/a.json\"}", "{\"relativePath\": \"modules/a.json\"}"}) {
            DeploymentPlan p = plan("{\"resources\": [{\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2021-04-01\","
                    + " \"name\": \"linked\", \"properties\": {\"mode\": \"Incremental\", \"templateLink\": " + link + "}}]}");
            DeploymentContext target = Fixtures.rg1().nested("linked", null, new DeploymentContext.ResourceGroup("rg1", "westus", null, null));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> TemplateEngine.nested(p, p.body(p.deployed().get(0), RuntimeResources.NONE), target))
                    .isInstanceOf(TemplateException.class)
                    .hasMessageContaining(link.contains("relativePath") ? "relativePath 'modules/a.json'" : "'https://example.com/a.json'");
        }
    }

    @Test
    void subscriptionDeploymentCreatesGroupsAndDeploysIntoThem() {
        DeploymentPlan p = TemplateEngine.plan(TemplateText.parse("{\"$schema\": \"https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#\","
                + " \"resources\": [{\"type\": \"Microsoft.Resources/resourceGroups\", \"apiVersion\": \"2021-04-01\", \"name\": \"rg9\", \"location\": \"[deployment().location]\"},"
                + "  {\"type\": \"Microsoft.Resources/deployments\", \"apiVersion\": \"2021-04-01\", \"name\": \"d\", \"resourceGroup\": \"rg9\","
                + "   \"dependsOn\": [\"[resourceId('Microsoft.Resources/resourceGroups', 'rg9')]\"],"
                + "   \"properties\": {\"mode\": \"Incremental\", \"expressionEvaluationOptions\": {\"scope\": \"inner\"}, \"template\": {\"resources\": []}}}]}"),
                null, Fixtures.subscriptionScope());
        assertThat(p.deployed().get(0).id()).isEqualTo("/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg9");
        assertThat(p.body(p.deployed().get(0), RuntimeResources.NONE).get("location").textValue()).isEqualTo("westus");
        assertThat(p.deployed().get(1).id()).isEqualTo("/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg9/providers/Microsoft.Resources/deployments/d");
        assertThat(p.deployed().get(1).dependsOn()).containsExactly(p.deployed().get(0).id());
    }

    @Test
    void parameterDefaultsUseOtherParametersAndDeploymentFunctions() {
        DeploymentPlan p = plan("{\"parameters\": {\"a\": {\"type\": \"string\", \"defaultValue\": \"[concat(parameters('b'), '-', deployment().name)]\"},"
                + " \"b\": {\"type\": \"int\", \"defaultValue\": 3}, \"c\": {\"type\": \"string\", \"defaultValue\": \"[[literal]\"}}, \"resources\": []}");
        assertThat(p.parameters().get("a").textValue()).isEqualTo("3-dep1");
        assertThat(p.parameters().get("c").textValue()).isEqualTo("[literal]");
        JsonNode echo = p.parameters().echo();
        assertThat(Json.write(echo.get("b"))).isEqualTo("{\"type\":\"Int\",\"value\":3}");
    }

    @Test
    void outputsWithCopyAndCondition() {
        DeploymentPlan p = plan("{\"resources\": [], \"outputs\": {"
                + " \"list\": {\"type\": \"array\", \"copy\": {\"count\": 2, \"input\": \"[concat('x', copyIndex())]\"}},"
                + " \"skipped\": {\"condition\": false, \"type\": \"string\", \"value\": \"[createArray()[0]]\"},"
                + " \"secret\": {\"type\": \"securestring\", \"value\": \"s\"}}}");
        assertThat(Json.write(p.outputs(RuntimeResources.NONE)))
                .isEqualTo("{\"list\":{\"type\":\"Array\",\"value\":[\"x0\",\"x1\"]},\"secret\":{\"type\":\"SecureString\"}}");
    }

    @Test
    void existingResourcesInAnotherGroupOrSubscription() {
        DeploymentPlan p = plan("{\"languageVersion\": \"2.0\", \"resources\": {"
                + " \"here\": {\"existing\": true, \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2021-10-01\", \"name\": \"kv0\"},"
                + " \"otherGroup\": {\"existing\": true, \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2021-10-01\", \"name\": \"kv1\","
                + " \"resourceGroup\": \"shared-rg\"},"
                + " \"otherSub\": {\"existing\": true, \"type\": \"Microsoft.KeyVault/vaults\", \"apiVersion\": \"2021-10-01\", \"name\": \"kv2\","
                + " \"subscriptionId\": \"sub2\", \"resourceGroup\": \"[format('{0}-rg', 'x')]\"}},"
                + " \"outputs\": {\"uri\": {\"type\": \"string\", \"value\": \"[reference('otherGroup').vaultUri]\"}}}");
        assertThat(p.resources()).extracting(PlannedResource::id).containsExactly(
                RG + "/providers/Microsoft.KeyVault/vaults/kv0",
                "/subscriptions/" + Fixtures.SUB + "/resourceGroups/shared-rg/providers/Microsoft.KeyVault/vaults/kv1",
                "/subscriptions/sub2/resourceGroups/x-rg/providers/Microsoft.KeyVault/vaults/kv2");
        assertThat(p.deployed()).isEmpty();
    }

    @Test
    void parameterAndOutputTypesFromDefinitions() {
        String template = "{\"languageVersion\": \"2.0\", \"definitions\": {"
                + " \"sku\": {\"type\": \"string\", \"allowedValues\": [\"Basic\", \"Premium\"]},"
                + " \"skuAlias\": {\"$ref\": \"#/definitions/sku\"},"
                + " \"settings\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}},"
                + " \"parameters\": {\"sku\": {\"$ref\": \"#/definitions/skuAlias\", \"defaultValue\": \"Basic\"},"
                + " \"settings\": {\"$ref\": \"#/definitions/settings\"}},"
                + " \"resources\": {},"
                + " \"outputs\": {\"o\": {\"$ref\": \"#/definitions/settings\", \"value\": \"[parameters('settings')]\"}}}";
        DeploymentPlan p = plan(template, "{\"settings\": {\"value\": {\"name\": \"n\"}}}");
        assertThat(p.parameters().get("sku").textValue()).isEqualTo("Basic");
        assertThat(Json.write(p.parameters().echo())).isEqualTo("{\"sku\":{\"type\":\"String\",\"value\":\"Basic\"},"
                + "\"settings\":{\"type\":\"Object\",\"value\":{\"name\":\"n\"}}}");
        assertThat(Json.write(p.outputs(RuntimeResources.NONE))).isEqualTo("{\"o\":{\"type\":\"Object\",\"value\":{\"name\":\"n\"}}}");
        assertThat(Errors.of(() -> plan(template, "{\"sku\": {\"value\": \"Gold\"}, \"settings\": {\"value\": {}}}")))
                .contains("The parameter value is not part of the allowed value(s): 'Basic,Premium'.");
        assertThat(Errors.of(() -> plan(template, "{\"settings\": {\"value\": \"x\"}}")))
                .contains("Expected 'Object'. Actual 'String'.");
        assertThat(Errors.of(() -> plan("{\"languageVersion\": \"2.0\", \"parameters\": {\"p\": {\"$ref\": \"#/definitions/none\"}},"
                + " \"resources\": {}}"))).isEqualTo("InvalidTemplate: The type reference '#/definitions/none' is not valid: the template"
                + " 'definitions' does not declare it. Please see https://aka.ms/arm-syntax-parameters for usage details.");
    }
}
