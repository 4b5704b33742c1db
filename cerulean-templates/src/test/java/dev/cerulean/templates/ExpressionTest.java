package dev.cerulean.templates;

import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cerulean.templates.Fixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expressions against known values (deployments.md §3.6-§3.8 and the function pages' documented
 * examples): each row is an expression and the compact JSON of its value.
 */
class ExpressionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // grammar
            "[concat('a', 'b')]|\"ab\"",
            "[ concat ( 'a' , 'b' ) ]|\"ab\"",
            "[CONCAT('a','b')]|\"ab\"",
            "[concat('it''s')]|\"it's\"",
            "[[not an expression]|\"[not an expression]\"",
            "[x] y|\"[x] y\"",
            "[createObject('a', createArray(1, 2)).a[1]]|2",
            "[createObject('a', createObject('b', 'c'))['a'].b]|\"c\"",
            "[createArray('x','y')[add(0, 1)]]|\"y\"",
            "[-5]|-5",
            // string
            "[base64('one, two, three')]|\"b25lLCB0d28sIHRocmVl\"",
            "[base64ToString('b25lLCB0d28sIHRocmVl')]|\"one, two, three\"",
            "[base64ToJson('eyJhIjoxfQ==').a]|1",
            "[dataUri('Hello')]|\"data:text/plain;charset=utf8;base64,SGVsbG8=\"",
            "[dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')]|\"Hello, World!\"",
            "[startsWith('abcdef', 'AB')]|true",
            "[endsWith('abcdef', 'EF')]|true",
            "[format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)]|\"Hello, User. Formatted number: 8,175,133\"",
            "[format('{0:D3}-{{x}}', 7)]|\"007-{x}\"",
            "[format('{0}', true())]|\"True\"",
            "[indexOf('test', 't')]|0",
            "[lastIndexOf('test', 'T')]|3",
            "[indexOf('abcdef', 'z')]|-1",
            "[join(createArray('a', 'b', 'c'), ',')]|\"a,b,c\"",
            "[padLeft('123', 10, '0')]|\"0000000123\"",
            "[padLeft(7, 3)]|\"  7\"",
            "[replace('123-123-1234', '-', '')]|\"1231231234\"",
            "[split('one,two;three', createArray(',', ';'))]|[\"one\",\"two\",\"three\"]",
            "[split('a,,b', ',')]|[\"a\",\"\",\"b\"]",
            "[string(createObject('a', 1))]|\"{\\\"a\\\":1}\"",
            "[string(5)]|\"5\"",
            "[substring('hello world', 6, 5)]|\"world\"",
            "[substring('hello', 2)]|\"llo\"",
            "[toLower('ONE')]|\"one\"",
            "[toUpper('one')]|\"ONE\"",
            "[trim('  a b  ')]|\"a b\"",
            "[uri('http://contoso.com/resources/', 'nested/azuredeploy.json')]|\"http://contoso.com/resources/nested/azuredeploy.json\"",
            "[uriComponent('http://contoso.com/resources/nested/azuredeploy.json')]|\"http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json\"",
            "[uriComponentToString('http%3A%2F%2Fcontoso.com')]|\"http://contoso.com\"",
            "[json('{\"a\": [1, 2]}').a[1]]|2",
            "[json('null')]|null",
            "[uniqueString('aaa')]|\"zavj67f3en4hc\"",
            "[uniqueString(resourceGroup().id)]|\"esry3te6a5b2e\"",
            "[guid('foo', 'bar')]|\"5153061a-20ce-546e-8e3a-7b6a1d0eb119\"",
            "[concat('vm', 1)]|\"vm1\"",
            // arrays and objects
            "[concat(createArray(1, 2), createArray(3))]|[1,2,3]",
            "[contains(createArray('a', 'b'), 'b')]|true",
            "[contains(createObject('Key', 1), 'kEY')]|true",
            "[contains('OneTwo', 'two')]|false",
            "[empty('')]|true",
            "[empty(createObject())]|true",
            "[empty(null())]|true",
            "[empty(createArray(1))]|false",
            "[first('abc')]|\"a\"",
            "[last(createArray(1, 2, 3))]|3",
            "[first(createArray())]|null",
            "[flatten(createArray(createArray(1), createArray(2, 3)))]|[1,2,3]",
            "[indexOf(createArray('a', 'b', 'b'), 'b')]|1",
            "[lastIndexOf(createArray('a', 'b', 'b'), 'b')]|2",
            "[length('abc')]|3",
            "[length(createObject('a', 1, 'b', 2))]|2",
            "[max(createArray(0, 3, 2))]|3",
            "[min(4, 1, 9)]|1",
            "[range(5, 3)]|[5,6,7]",
            "[skip('abcd', 2)]|\"cd\"",
            "[take(createArray(1, 2, 3), 2)]|[1,2]",
            "[take('abc', 10)]|\"abc\"",
            "[skip(createArray(1, 2), -1)]|[1,2]",
            "[union(createArray(1, 2), createArray(2, 3))]|[1,2,3]",
            "[union(createObject('a', createObject('x', 1)), createObject('a', createObject('y', 2)))]|{\"a\":{\"x\":1,\"y\":2}}",
            "[intersection(createArray(1, 2, 3), createArray(3, 2))]|[2,3]",
            "[intersection(createObject('a', 1, 'b', 2), createObject('a', 1, 'b', 3))]|{\"a\":1}",
            "[items(createObject('b', 2, 'a', 1))]|[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}]",
            "[objectKeys(createObject('a', 1, 'b', 2))]|[\"a\",\"b\"]",
            "[shallowMerge(createArray(createObject('a', 1), createObject('a', 2, 'b', 3)))]|{\"a\":2,\"b\":3}",
            "[tryGet(createObject('a', 1), 'b')]|null",
            "[array('x')]|[\"x\"]",
            // comparison and logic
            "[coalesce(null(), null(), 'x')]|\"x\"",
            "[equals(createArray(1, 'a'), createArray(1, 'a'))]|true",
            "[equals('a', 'A')]|false",
            "[greater('b', 'a')]|true",
            "[lessOrEquals(2, 2)]|true",
            "[less(3, 2)]|false",
            "[greaterOrEquals('A', 'a')]|false",
            "[and(true(), true(), false())]|false",
            "[or(false(), true())]|true",
            "[not(true())]|false",
            "[bool('TRUE')]|true",
            "[bool(0)]|false",
            "[if(equals(1, 1), 'yes', fail('never evaluated'))]|\"yes\"",
            "[if(true(), createObject('a', 1), null())]|{\"a\":1}",
            // numeric
            "[add(1, 2)]|3",
            "[sub(7, 3)]|4",
            "[mul(5, 3)]|15",
            "[div(8, 3)]|2",
            "[mod(7, 3)]|1",
            "[int('4')]|4",
            "[float('2.5')]|2.5",
            // date
            "[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]|\"2023-04-07T14:53:14Z\"",
            "[dateTimeAdd('2020-04-07T14:53:14Z', '-PT1H')]|\"2020-04-07T13:53:14Z\"",
            "[dateTimeToEpoch('2023-02-16T00:00:00Z')]|1676505600",
            "[dateTimeFromEpoch(1683040573)]|\"2023-05-02T15:16:13Z\"",
            // scope and deployment
            "[resourceGroup().id]|\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1\"",
            "[resourceGroup().location]|\"westus\"",
            "[resourceGroup().tags.env]|\"test\"",
            "[subscription().subscriptionId]|\"00000000-1111-2222-3333-444444444444\"",
            "[subscription().tenantId]|\"72f988bf-86f1-41af-91ab-2d7cd011db47\"",
            "[tenant().tenantId]|\"72f988bf-86f1-41af-91ab-2d7cd011db47\"",
            "[environment().suffixes.acrLoginServer]|\".azurecr.io\"",
            "[resourceId('Microsoft.Storage/storageAccounts', 'st1')]|\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/st1\"",
            "[resourceId('otherRg', 'Microsoft.Network/virtualNetworks/subnets', 'vn', 'sn')]|\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/otherRg/providers/Microsoft.Network/virtualNetworks/vn/subnets/sn\"",
            "[resourceId('s2', 'g2', 'Microsoft.Web/sites', 'w')]|\"/subscriptions/s2/resourceGroups/g2/providers/Microsoft.Web/sites/w\"",
            "[resourceId('', 'Microsoft.Network/virtualNetworks/subnets', '', '')]|\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups//providers/Microsoft.Network/virtualNetworks//subnets/\"",
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '00482a5a-887f-4fb3-b363-3b7fe8e74483')]|\"/subscriptions/00000000-1111-2222-3333-444444444444/providers/Microsoft.Authorization/roleDefinitions/00482a5a-887f-4fb3-b363-3b7fe8e74483\"",
            "[tenantResourceId('Microsoft.Authorization/policyDefinitions', 'p1')]|\"/providers/Microsoft.Authorization/policyDefinitions/p1\"",
            "[extensionResourceId(resourceGroup().id, 'Microsoft.Authorization/locks', 'l1')]|\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.Authorization/locks/l1\"",
            "[deployment().name]|\"dep1\"",
            "[pickZones('Microsoft.Compute', 'virtualMachines', 'westus2')]|[]",
            // lambda
            "[filter(createArray(1, 5, 7), lambda('x', greater(lambdaVariables('x'), 4)))]|[5,7]",
            "[map(createArray(1, 2), lambda('x', mul(lambdaVariables('x'), 10)))]|[10,20]",
            "[reduce(createArray(1, 2, 3), 0, lambda('cur', 'next', add(lambdaVariables('cur'), lambdaVariables('next'))))]|6",
            "[sort(createArray(3, 1, 2), lambda('a', 'b', less(lambdaVariables('a'), lambdaVariables('b'))))]|[1,2,3]",
            "[toObject(createArray('a', 'b'), lambda('k', lambdaVariables('k')), lambda('v', length(lambdaVariables('v'))))]|{\"a\":1,\"b\":1}",
            "[groupBy(createArray('foo', 'bar', 'baz'), lambda('x', substring(lambdaVariables('x'), 0, 1)))]|{\"f\":[\"foo\"],\"b\":[\"bar\",\"baz\"]}",
            "[mapValues(createObject('foo', 'foo'), lambda('val', toUpper(lambdaVariables('val'))))]|{\"foo\":\"FOO\"}",
            // resource (continued)
            "[providers('Microsoft.Web', 'sites').resourceType]|\"sites\"",
            "[managementGroupResourceId('mg1', 'Microsoft.Authorization/policyDefinitions', 'p1')]|\"/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p1\"",
            // cidr
            "[parseCidr('10.144.0.0/20').broadcast]|\"10.144.15.255\"",
            "[cidrSubnet('10.144.0.0/20', 24, 2)]|\"10.144.2.0/24\"",
            "[cidrHost('10.144.3.0/24', 0)]|\"10.144.3.1\"",
    })
    void evaluatesToTheKnownValue(String expression, String expectedJson) {
        assertThat(Json.write(eval(expression))).isEqualTo(Json.write(Json.parse(expectedJson)));
    }

    @Test
    void utcNowAndNewGuidOnlyInParameterDefaults() {
        EvalContext defaults = EvalContext.of(Fixtures.rg1()).at(EvalContext.Placement.PARAMETER_DEFAULT);
        assertThat(Evaluator.string("[utcNow()]", defaults).textValue()).isEqualTo("20261205T073015Z");
        assertThat(Evaluator.string("[utcNow('u')]", defaults).textValue()).isEqualTo("2026-12-05 07:30:15Z");
        assertThat(Evaluator.string("[newGuid()]", defaults).textValue()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(Errors.of(() -> eval("[utcNow()]")))
                .isEqualTo("InvalidTemplate: The template function 'utcNow' is not expected at this location."
                        + " Please see https://aka.ms/arm-functions for usage details.");
    }

    @Test
    void subscriptionScopeHasNoResourceGroupAndShortResourceIds() {
        EvalContext sub = EvalContext.of(Fixtures.subscriptionScope());
        assertThat(Evaluator.string("[resourceId('Microsoft.Resources/resourceGroups', 'rg2')]", sub).textValue())
                .isEqualTo("/subscriptions/" + Fixtures.SUB + "/providers/Microsoft.Resources/resourceGroups/rg2");
        assertThat(Evaluator.string("[deployment().location]", sub).textValue()).isEqualTo("westus");
        assertThat(Errors.of(() -> Evaluator.string("[resourceGroup()]", sub)))
                .startsWith("InvalidTemplate: The template function 'resourceGroup' is not expected at this location.");
    }

    @Test
    void managementGroupScope() {
        DeploymentContext mg = new DeploymentContext(DeploymentContext.ScopeLevel.MANAGEMENT_GROUP, Fixtures.TENANT, null, null, null,
                "mg1", "mgdep", "westus", null, null, null);
        EvalContext ctx = EvalContext.of(mg);
        assertThat(Json.write(Evaluator.string("[managementGroup()]", ctx))).isEqualTo("{\"id\":\"/providers/Microsoft.Management/"
                + "managementGroups/mg1\",\"name\":\"mg1\",\"type\":\"/providers/Microsoft.Management/managementGroups\"}");
        assertThat(Evaluator.string("[managementGroupResourceId('Microsoft.Authorization/policyDefinitions', 'p1')]", ctx).textValue())
                .isEqualTo("/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.Authorization/policyDefinitions/p1");
        assertThat(Errors.of(() -> eval("[managementGroup()]")))
                .startsWith("InvalidTemplate: The template function 'managementGroup' is not expected at this location.");
    }

    @Test
    void referencesOfACollection() {
        DeploymentPlan p = TemplateEngineTest.plan("{\"languageVersion\": \"2.0\", \"resources\": {\"acr\": {\"type\":"
                + " \"Microsoft.ContainerRegistry/registries\", \"apiVersion\": \"2023-01-01-preview\", \"name\": \"[format('acr{0}', copyIndex())]\","
                + " \"copy\": {\"name\": \"acrLoop\", \"count\": 2}}, \"one\": {\"type\": \"Microsoft.ContainerRegistry/registries\","
                + " \"apiVersion\": \"2023-01-01-preview\", \"name\": \"single\"}},"
                + " \"outputs\": {\"servers\": {\"type\": \"array\", \"value\": \"[map(references('acr'), lambda('r', lambdaVariables('r').loginServer))]\"},"
                + " \"ids\": {\"type\": \"array\", \"value\": \"[map(references('acrLoop', 'Full'), lambda('r', lambdaVariables('r').id))]\"},"
                + " \"single\": {\"type\": \"int\", \"value\": \"[length(references('one', 'Properties'))]\"}}}");
        FakeRuntime rt = new FakeRuntime();
        String rg = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/";
        assertThat(Json.write(p.outputs(rt))).isEqualTo("{\"servers\":{\"type\":\"Array\",\"value\":[\"acr0.azurecr.io\",\"acr1.azurecr.io\"]},"
                + "\"ids\":{\"type\":\"Array\",\"value\":[\"" + rg + "acr0\",\"" + rg + "acr1\"]},\"single\":{\"type\":\"Int\",\"value\":1}}");
        assertThat(rt.calls).contains("reference " + rg + "acr1 2023-01-01-preview Full");
        assertThat(Errors.of(() -> TemplateEngineTest.plan("{\"resources\": [], \"outputs\": {\"o\": {\"type\": \"array\","
                + " \"value\": \"[references('nope')]\"}}}"))).contains("The template reference 'nope' is not valid");
        assertThat(Errors.of(() -> eval("[references('x')]"))).startsWith("InvalidTemplate: The template reference 'x' is not valid");
    }
}
