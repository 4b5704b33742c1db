package dev.cerulean.templates;

import org.junit.jupiter.api.Test;
import dev.cerulean.templates.expr.ExpressionParser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cerulean.templates.Fixtures.eval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table of inputs ARM refuses, each with the code and message it answers (deployments.md §2.12):
 * expressions that do not parse, wrong argument counts and types per function family, undeclared
 * parameters and variables, and template-level errors (cycles, copy counts, limits).
 */
class BadInputTest {
    private static final String SEE = " Please see https://aka.ms/arm-functions for usage details.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // grammar
            "[]|Unable to parse language expression '': expected token 'Identifier' and actual 'EndOfData'.",
            "[concat('a']|Unable to parse language expression 'concat('a'': expected token 'RightParenthesis' and actual 'EndOfData'.",
            "[resourceGroup().location)]|Unable to parse language expression 'resourceGroup().location)': expected token 'EndOfData' and actual 'RightParenthesis'.",
            "[concat('a' 'b')]|Unable to parse language expression 'concat('a' 'b')': expected token 'RightParenthesis' and actual 'String'.",
            "[concat('a)]|The template language expression 'concat('a)' is not valid: the string character ''' at position '8' is not expected.",
            "[concat(,)]|Unable to parse language expression 'concat(,)': expected token 'Identifier' and actual 'Comma'.",
            "[1.5]|The template language expression '1.5' is not valid: the string character '.' at position '2' is not expected.",
            "[createArray(1)[0]. ]|Unable to parse language expression 'createArray(1)[0]. ': expected token 'Identifier' and actual 'EndOfData'.",
            "[nosuchfunction()]|The template function 'nosuchfunction' is not valid." + SEE,
            // argument counts, one per family
            "[resourceGroup('x')]|The template language function 'resourceGroup' must not have any parameters." + SEE,
            "[toLower()]|The template language function 'toLower' must have only one parameter." + SEE,
            "[equals(1)]|The template language function 'equals' must have '2' parameters." + SEE,
            "[and(true())]|The template language function 'and' must have at least '2' parameters." + SEE,
            "[substring()]|The template language function 'substring' must have between '1' and '3' parameters." + SEE,
            "[utcNow('a', 'b')]|The template language function 'utcNow' must have between '0' and '1' parameters." + SEE,
            "[range(1)]|The template language function 'range' must have '2' parameters." + SEE,
            "[union()]|The template language function 'union' must have at least '1' parameter." + SEE,
            "[resourceId('Microsoft.Storage/storageAccounts')]|The template language function 'resourceId' must have at least '2' parameters." + SEE,
            "[parseCidr()]|The template language function 'parseCidr' must have only one parameter." + SEE,
            "[lambdaVariables()]|The template language function 'lambdaVariables' must have only one parameter." + SEE,
            // argument types, one per family
            "[toLower(1)]|The template language function 'toLower' expects its parameter to be of type 'String'. The provided value is of type 'Integer'." + SEE,
            "[add('a', 1)]|The template language function 'add' expects its parameter to be of type 'Integer'. The provided value is of type 'String'." + SEE,
            "[not('x')]|The template language function 'not' expects its parameter to be of type 'Boolean'. The provided value is of type 'String'." + SEE,
            "[if('x', 1, 2)]|The template language function 'if' expects its parameter to be of type 'Boolean'. The provided value is of type 'String'." + SEE,
            "[length(1)]|The template language function 'length' expects its parameter to be an array, an object, or a string. The provided value is of type 'Integer'." + SEE,
            "[concat('a', createArray(1))]|The template language function 'concat' expects its parameter to be either arrays or strings. The provided value is of type 'Array'." + SEE,
            "[uniqueString(1)]|The template language function 'uniqueString' expects its parameter to be of type 'String'. The provided value is of type 'Integer'." + SEE,
            "[less(1, 'a')]|The template language function 'less' expects its parameter to be both integers or both strings. The provided value is of type 'Integer' and 'String'." + SEE,
            "[items(createArray())]|The template language function 'items' expects its parameter to be of type 'Object'. The provided value is of type 'Array'." + SEE,
            "[join('a', ',')]|The template language function 'join' expects its parameter to be of type 'Array'. The provided value is of type 'String'." + SEE,
            "[dateTimeToEpoch(5)]|The template language function 'dateTimeToEpoch' expects its parameter to be of type 'String'. The provided value is of type 'Integer'." + SEE,
            "[filter(createArray(1), 'x')]|The template language function 'filter' expects its parameter to be a lambda expression. The provided value is of type 'Expression'." + SEE,
            // values out of range
            "[createObject('a')]|Unable to evaluate template language function 'createObject': the number of parameters must be even (key-value pairs)." + SEE,
            "[range(0, 10001)]|Unable to evaluate template language function 'range': the count '10001' must be between 0 and 10000." + SEE,
            "[substring('0123456789', 0, 11)]|The index and length parameters must refer to a location within the string. The index parameter: '0', the length parameter: '11', the length of the string parameter: '10'.",
            "[div(1, 0)]|Unable to evaluate template language function 'div': attempted to divide by zero." + SEE,
            "[json('{')]|Unable to evaluate template language function 'json': the provided value is not valid JSON." + SEE,
            "[dateTimeAdd('2020-01-01T00:00:00Z', 'P1X')]|Unable to evaluate template language function 'dateTimeAdd': the duration 'P1X' is not a valid ISO 8601 duration." + SEE,
            "[cidrSubnet('10.0.0.0/24', 16, 0)]|Unable to evaluate template language function 'cidrSubnet': the new CIDR '16' must be between '24' and '32'." + SEE,
            // names the template does not declare
            "[parameters('nope')]|The template parameter 'nope' is not found. Please see https://aka.ms/arm-template/#parameters for usage details.",
            "[variables('nope')]|The template variable 'nope' is not found. Please see https://aka.ms/arm-template/#variables for usage details.",
            "[reference('nope')]|The template reference 'nope' is not valid: could not find template resource or resource copy with this name. Please see https://aka.ms/arm-function-reference for usage details.",
            "[createObject('a', 1).b]|The language expression property 'b' doesn't exist, available properties are 'a'.",
            "[createArray(1)[5]]|The language expression property array index '5' is out of bounds.",
            "[copyIndex()]|The template function 'copyIndex' is not expected at this location. The function can only be used in a resource with copy specified. Please see https://aka.ms/arm-copy for usage details.",
            "[contoso.f()]|The template function 'contoso.f' is not defined. Please see https://aka.ms/arm-user-defined-functions for usage details.",
    })
    void expressionIsRefused(String expression, String message) {
        assertThat(Errors.of(() -> eval(expression))).isEqualTo("InvalidTemplate: " + message);
    }

    private static String plan(String template) {
        return plan(template, null);
    }

    private static String plan(String template, String parameters) {
        return Errors.of(() -> TemplateEngineTest.plan(template, parameters));
    }

    private static String st(String name, String extra) {
        return "{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"" + name + "\"" + extra + "}";
    }

    @Test
    void malformedJsonSaysWhere() {
        TemplateException e = Errors.raised(() -> TemplateText.parse("{\n  \"resources\": [}\n"));
        assertThat(e.code()).isEqualTo("InvalidTemplate");
        assertThat(e.innerMessage()).startsWith("Unable to parse template content: Unexpected close marker '}'");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.toApiError().message()).startsWith("Deployment template validation failed: 'Unable to parse template content");
        assertThat(Errors.of(() -> TemplateText.parse("[]"))).isEqualTo("InvalidTemplate: The template must be a JSON object.");
    }

    @Test
    void templateShape() {
        assertThat(plan("{}")).isEqualTo("InvalidTemplate: The template is missing required property 'resources'."
                + " Please see https://aka.ms/arm-template for usage details.");
        assertThat(plan("{\"languageVersion\": \"9.0\", \"resources\": []}"))
                .isEqualTo("InvalidTemplate: The template language version '9.0' is not supported. Supported versions are '1.0, 2.0'.");
        assertThat(plan("{\"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\"}]}")).startsWith(
                "InvalidTemplate: The template resource at 'resources[0]' is missing required property 'name'.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            "http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json",
            "https://schema.management.azure.com/schemas/2014-04-01-preview/deploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-08-01/TENANTDeploymentTemplate.json#"})
    void knownSchemasAreAccepted(String schema) {
        assertThat(TemplateEngineTest.plan("{\"$schema\": \"" + schema + "\", \"resources\": []}").resources()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://schema.management.azure.com/schemas/2019-08-01/deploymentTemplate.json#",
            "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "x"})
    void unknownSchemasAreRefused(String schema) {
        TemplateException e = Errors.raised(() -> TemplateEngineTest.plan("{\"$schema\": \"" + schema + "\", \"resources\": []}"));
        assertThat(e.code() + ": " + e.innerMessage()).isEqualTo("InvalidTemplate: The template schema '" + schema + "' is not supported."
                + " Supported schemas are '" + String.join(", ", TemplateEngine.SCHEMAS) + "'. Please see https://aka.ms/arm-template for usage details.");
        assertThat(e.path()).isEqualTo("$schema");
    }

    @Test
    void parameterErrorsWithPositions() {
        String template = "{\n  \"parameters\": {\n    \"name\": {\"type\": \"string\", \"minLength\": 3, \"maxLength\": 5},\n"
                + "    \"sku\": {\"type\": \"string\", \"defaultValue\": \"Basic\", \"allowedValues\": [\"Basic\", \"Premium\"]},\n"
                + "    \"count\": {\"type\": \"int\", \"defaultValue\": 1, \"minValue\": 1, \"maxValue\": 3},\n"
                + "    \"flag\": {\"type\": \"bool\", \"defaultValue\": false}\n  },\n  \"resources\": []\n}";
        assertThat(plan(template)).isEqualTo("InvalidTemplate: The value for the template parameter 'name' at line '3' and column '5'"
                + " is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details.");
        assertThat(plan(template, "{\"name\": {\"value\": \"abc\"}, \"extra\": {\"value\": 1}, \"other\": {\"value\": 2}}"))
                .isEqualTo("InvalidTemplate: The template parameters 'extra, other' in the parameters file are not valid; they are not"
                        + " present in the original template and can therefore not be provided at deployment time. The only supported"
                        + " parameters for this template are 'name, sku, count, flag'. Please see https://aka.ms/arm-pass-parameter-values for usage details.");
        assertThat(plan(template, "{\"name\": {\"value\": \"abc\"}, \"sku\": {\"value\": \"Gold\"}}"))
                .isEqualTo("InvalidTemplate: The provided value 'Gold' for the template parameter 'sku' at line '4' and column '5' is not valid."
                        + " The parameter value is not part of the allowed value(s): 'Basic,Premium'.");
        assertThat(plan(template, "{\"name\": {\"value\": \"abc\"}, \"flag\": {\"value\": \"true\"}}"))
                .isEqualTo("InvalidTemplate: Template parameter JToken type is not valid. Expected 'Boolean'. Actual 'String'."
                        + " Please see https://aka.ms/resource-manager-parameter-files for usage details.");
        assertThat(plan(template, "{\"name\": {\"value\": \"ab\"}}")).isEqualTo("InvalidTemplate: The provided value for the template"
                + " parameter 'name' at line '3' and column '5' is not valid. Length of the value should be greater than or equal to '3'.");
        assertThat(plan(template, "{\"name\": {\"value\": \"abcdef\"}}")).endsWith("Length of the value should be less than or equal to '5'.");
        assertThat(plan(template, "{\"name\": {\"value\": \"abc\"}, \"count\": {\"value\": 4}}"))
                .endsWith("The value should be less than or equal to '3'.");
        TemplateException e = Errors.raised(() -> TemplateEngineTest.plan(template));
        assertThat(e.path()).isEqualTo("parameters.name");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void errorsOutsideParametersTakeTheirPositionFromThePath() {
        TemplateException e = Errors.raised(() -> TemplateEngineTest.plan("{\n \"variables\": {\n   \"ok\": 1,\n   \"bad\": \"[variables('missing')]\"},\n"
                + " \"resources\": [\n  " + st("a", "") + ",\n  " + st("b", ", \"dependsOn\": [\"zz\"]") + "]}"));
        assertThat(e.path()).isEqualTo("variables.bad");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 4);
        e = Errors.raised(() -> TemplateEngineTest.plan("{\n \"resources\": [\n  " + st("a", "") + ",\n  " + st("b", ", \"dependsOn\": [\"zz\"]") + "]}"));
        assertThat(e.innerMessage()).startsWith("The resource 'zz' is not defined in the template.");
        assertThat(e.path()).isEqualTo("resources[1]");
        assertThat(List.of(e.line(), e.column())).containsExactly(4, 3);
        e = Errors.raised(() -> TemplateEngineTest.plan("{\"resources\": [],\n \"outputs\": {\"o\": {\"type\": \"int\", \"value\": \"x\"}}}"));
        assertThat(List.of(e.path(), e.line(), e.column())).containsExactly("outputs.o", 2, 14);
        e = Errors.raised(() -> TemplateEngine.plan(TemplateText.of(dev.cerulean.core.json.Json.parse("{\"resources\": [" + st("a/b", "") + "]}")),
                null, Fixtures.rg1()));
        assertThat(List.of(e.path(), e.line(), e.column())).as("a template sent as a JSON tree has no positions")
                .containsExactly("resources[0]", 0, 0);
    }

    @Test
    void variableAndParameterCycles() {
        assertThat(plan("{\"variables\": {\"a\": \"[variables('b')]\", \"b\": \"[variables('a')]\"}, \"resources\": []}"))
                .isEqualTo("InvalidTemplate: The template variable 'a' has a circular reference to itself."
                        + " Please see https://aka.ms/arm-template/#variables for usage details.");
        assertThat(plan("{\"parameters\": {\"a\": {\"type\": \"string\", \"defaultValue\": \"[parameters('a')]\"}}, \"resources\": []}"))
                .startsWith("InvalidTemplate: The template parameter 'a' has a circular reference to itself.");
        assertThat(plan("{\"variables\": {\"unused\": \"[variables('missing')]\"}, \"resources\": []}"))
                .as("every variable is evaluated, used or not").startsWith("InvalidTemplate: The template variable 'missing' is not found.");
    }

    @Test
    void functionsRefusedWhereArmRefusesThem() {
        assertThat(plan("{\"variables\": {\"v\": \"[reference('x')]\"}, \"resources\": []}"))
                .startsWith("InvalidTemplate: The template function 'reference' is not expected at this location.");
        assertThat(plan("{\"parameters\": {\"p\": {\"type\": \"string\", \"defaultValue\": \"[variables('v')]\"}}, \"variables\": {\"v\": \"x\"}, \"resources\": []}"))
                .startsWith("InvalidTemplate: The template function 'variables' is not expected at this location.");
        assertThat(plan("{\"resources\": [" + st("[reference('a').x]", "") + "]}"))
                .startsWith("InvalidTemplate: The template function 'reference' is not expected at this location.");
        assertThat(plan("{\"resources\": [" + st("[utcNow()]", "") + "]}"))
                .startsWith("InvalidTemplate: The template function 'utcNow' is not expected at this location.");
    }

    @Test
    void dependencyErrors() {
        assertThat(plan("{\"resources\": [" + st("a", ", \"dependsOn\": [\"b\"]") + "," + st("b", ", \"dependsOn\": [\"a\"]") + "]}"))
                .isEqualTo("InvalidTemplate: Circular dependency detected on resource: '/subscriptions/" + Fixtures.SUB
                        + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/a', '/subscriptions/" + Fixtures.SUB
                        + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/b'. Please see https://aka.ms/arm-template/#resources for usage details.");
        assertThat(plan("{\"resources\": [" + st("a", ", \"dependsOn\": [\"[resourceId('Microsoft.Web/sites', 'zz')]\"]") + "]}"))
                .isEqualTo("InvalidTemplate: The resource 'Microsoft.Web/sites/zz' is not defined in the template."
                        + " Please see https://aka.ms/arm-template for usage details.");
        assertThat(plan("{\"resources\": [" + st("a", "") + "," + st("a", "") + "]}")).startsWith("InvalidTemplate: The resource '/subscriptions/"
                + Fixtures.SUB + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/a' is defined multiple times in a template.");
        assertThat(plan("{\"resources\": [{\"type\": \"Microsoft.Storage/storageAccounts\", \"apiVersion\": \"2022-09-01\", \"name\": \"a/b\"}]}"))
                .startsWith("InvalidTemplate: The template resource 'a/b' for type 'Microsoft.Storage/storageAccounts' at line '1' and column '16' has incorrect segment lengths.");
    }

    @Test
    void copyCountsAndResourceLimits() {
        String bad = "InvalidTemplate: The template 'copy' definition at line '1' and column '16' has an invalid copy count. The copy count"
                + " must be a non-negative integer value and cannot exceed '800'. Please see https://aka.ms/arm-copy for usage details.";
        for (String count : new String[] {"801", "-1", "\"3\""}) {
            assertThat(plan("{\"resources\": [" + st("[concat('s', copyIndex())]", ", \"copy\": {\"name\": \"l\", \"count\": " + count + "}") + "]}"))
                    .isEqualTo(bad);
        }
        assertThat(plan("{\"resources\": [" + st("[concat('s', copyIndex())]", ", \"copy\": {\"name\": \"l\", \"count\": 2, \"mode\": \"serial\", \"batchSize\": 3}") + "]}"))
                .startsWith("InvalidTemplate: The template 'copy' definition at line '1' and column '16' has an invalid copy batch size.");
        assertThat(plan("{\"resources\": [" + st("[concat('a', copyIndex())]", ", \"copy\": {\"name\": \"l1\", \"count\": 400}") + ","
                + st("[concat('b', copyIndex())]", ", \"copy\": {\"name\": \"l2\", \"count\": 401}") + "]}"))
                .isEqualTo("InvalidTemplate: The number of template resources limit exceeded. Limit: '800' and actual: '801'.");
        StringBuilder params = new StringBuilder("{\"parameters\": {");
        for (int i = 0; i < 257; i++) params.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": {\"type\": \"int\", \"defaultValue\": 1}");
        assertThat(plan(params + "}, \"resources\": []}"))
                .isEqualTo("InvalidTemplate: The number of template parameters limit exceeded. Limit: '256' and actual: '257'.");
    }

    private static String members(String prefix, int n, String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append("\"").append(prefix).append(i).append("\": ").append(value);
        return b.toString();
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> limits() {
        String expr = "[concat('" + "x".repeat(ExpressionParser.MAX_LENGTH) + "')]";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("257 parameters", "{\"parameters\": {" + members("p", 257,
                        "{\"type\": \"int\", \"defaultValue\": 1}") + "}, \"resources\": []}",
                        "The number of template parameters limit exceeded. Limit: '256' and actual: '257'."),
                org.junit.jupiter.params.provider.Arguments.of("257 variables", "{\"variables\": {" + members("v", 257, "1")
                        + "}, \"resources\": []}", "The number of template variables limit exceeded. Limit: '256' and actual: '257'."),
                org.junit.jupiter.params.provider.Arguments.of("65 outputs", "{\"resources\": [], \"outputs\": {" + members("o", 65,
                        "{\"type\": \"int\", \"value\": 1}") + "}}", "The number of template outputs limit exceeded. Limit: '64' and actual: '65'."),
                org.junit.jupiter.params.provider.Arguments.of("801 resources", "{\"resources\": [" + st("[concat('a', copyIndex())]",
                        ", \"copy\": {\"name\": \"l\", \"count\": 800}") + "," + st("b", "") + "]}",
                        "The number of template resources limit exceeded. Limit: '800' and actual: '801'."),
                org.junit.jupiter.params.provider.Arguments.of("an expression of 24,579 characters", "{\"variables\": {\"v\": \"" + expr
                        + "\"}, \"resources\": []}", "The template language expression length '" + expr.length()
                        + "' exceeds the limit of '24576' characters."));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("limits")
    void templateLimits(String what, String template, String message) {
        assertThat(plan(template)).isEqualTo("InvalidTemplate: " + message);
    }

    @Test
    void templatesOverFourMegabytesAreRefused() {
        String big = "{\"metadata\": {\"pad\": \"" + "x".repeat(TemplateText.MAX_BYTES) + "\"}, \"resources\": []}";
        TemplateException e = Errors.raised(() -> TemplateText.parse(big));
        assertThat(e.code()).isEqualTo("JobSizeExceededException");
        assertThat(e.innerMessage()).startsWith("The template size '" + big.length() + "' bytes exceeds the limit of '4194304' bytes.");
    }

    @Test
    void runtimeExpressionErrorsNameTheResource() {
        String rid = "/subscriptions/" + Fixtures.SUB + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/";
        assertThat(plan("{\"resources\": [" + st("a", ", \"properties\": {\"x\": \"[createObject('k', 1).missing]\"}") + "]}"))
                .as("an error that needs no deployed resource is found while planning").isEqualTo("InvalidTemplate: The template resource"
                + " 'a' at line '1' and column '16' is not valid: The language expression property 'missing' doesn't exist, available properties"
                + " are 'k'. Please see https://aka.ms/arm-template-expressions for usage details.");
        DeploymentPlan p = TemplateEngineTest.plan("{\"resources\": [" + st("a", "") + ",\n  "
                + st("b", ", \"properties\": {\"x\": \"[reference('a').missing]\"}") + "]}");
        TemplateException e = Errors.raised(() -> p.body(p.deployed().get(1), new FakeRuntime()));
        assertThat(e.code() + ": " + e.innerMessage()).as("a reference() result is only known at run time")
                .isEqualTo("InvalidTemplate: Unable to process template language expressions for resource '" + rid + "b' at line '2' and"
                        + " column '3'. 'The language expression property 'missing' doesn't exist, available properties are ''.'");
        assertThat(List.of(e.path(), e.line(), e.column())).containsExactly("resources[1]", 2, 3);
    }

    private static final String P = "{\"parameters\": {\"on\": {\"type\": \"bool\", \"defaultValue\": false},"
            + " \"arr\": {\"type\": \"array\", \"defaultValue\": []}}, \"functions\": [{\"namespace\": \"ns\", \"members\": {\"f\":"
            + " {\"parameters\": [{\"name\": \"x\", \"type\": \"string\"}], \"output\": {\"type\": \"string\", \"value\": \"x\"}}}}],"
            + " \"resources\": [";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`\"location\": \"[parameters('nope')]\"`|The template parameter 'nope' is not found. Please see https://aka.ms/arm-template/#parameters for usage details.",
            "`\"tags\": {\"t\": \"[nosuch()]\"}`|The template function 'nosuch' is not valid." + SEE,
            "`\"sku\": {\"name\": \"[toLower()]\"}`|The template language function 'toLower' must have only one parameter." + SEE,
            "`\"kind\": \"[toLower(1)]\"`|The template language function 'toLower' expects its parameter to be of type 'String'. The provided value is of type 'Integer'." + SEE,
            "`\"properties\": {\"x\": [\"[concat(reference('a').y, variables('nope'))]\"]}`|The template variable 'nope' is not found. Please see https://aka.ms/arm-template/#variables for usage details.",
            "`\"properties\": {\"x\": \"[reference('a').y[nosuch()]]\"}`|The template function 'nosuch' is not valid." + SEE,
            "`\"properties\": {\"x\": \"[listKeys('a')]\"}`|The template language function 'listKeys' must have between '2' and '3' parameters." + SEE,
            "`\"properties\": {\"x\": \"[reference('zz').y]\"}`|The template reference 'zz' is not valid: could not find template resource or resource copy with this name. Please see https://aka.ms/arm-function-reference for usage details.",
            "`\"properties\": {\"x\": \"[if(parameters('on'), reference('a').y, ns.f())]\"}`|The template language function 'ns.f' must have only one parameter." + SEE,
            "`\"properties\": {\"copy\": [{\"name\": \"d\", \"count\": 2, \"input\": \"[add(copyIndex('d'), 'x')]\"}]}`|The template language function 'add' expects its parameter to be of type 'Integer'. The provided value is of type 'String'." + SEE,
            "`\"condition\": false, \"properties\": {\"x\": \"[parameters('nope')]\"}`|The template parameter 'nope' is not found. Please see https://aka.ms/arm-template/#parameters for usage details.",
    })
    void resourceBodiesAreCheckedWhilePlanning(String member, String inner) {
        String template = P + st("a", "") + ",\n" + st("b", ", " + member) + "]}";
        TemplateException e = Errors.raised(() -> TemplateEngineTest.plan(template));
        assertThat(e.code() + ": " + e.innerMessage()).isEqualTo("InvalidTemplate: The template resource 'b' at line '2' and column '1' is not valid: "
                + inner + " Please see https://aka.ms/arm-template-expressions for usage details.");
        assertThat(e.path()).isEqualTo("resources[1]");
        assertThat(e.line()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`\"properties\": {\"x\": \"[if(parameters('on'), reference('a').y, parameters('arr')[0])]\"}`",
            "`\"properties\": {\"x\": \"[listKeys('a', '2022-09-01').keys[0].value]\", \"y\": \"[reference(resourceId('Microsoft.Storage/storageAccounts', 'a'), '2022-09-01', 'Full').id]\"}`",
            "`\"condition\": \"[not(empty(parameters('arr')))]\", \"properties\": {\"x\": \"[parameters('arr')[0]]\"}`",
            "`\"properties\": {\"copy\": [{\"name\": \"d\", \"count\": \"[length(parameters('arr'))]\", \"input\": \"[parameters('arr')[copyIndex('d')]]\"}]}`",
            "`\"properties\": {\"x\": \"[coalesce(reference('a').y, first(parameters('arr')).z)]\"}`",
            "`\"properties\": {\"x\": \"[map(reference('a').list, lambda('i', lambdaVariables('i').name))]\"}`",
    })
    void runtimeDependentPartsAreLeftForTheDeployment(String member) {
        DeploymentPlan p = TemplateEngineTest.plan(P + st("a", "") + "," + st("b", ", " + member) + "]}");
        assertThat(p.resources()).hasSize(2);
    }

    @Test
    void outputsAreCheckedWhilePlanning() {
        String head = "{\"resources\": [" + st("a", "") + "],\n \"outputs\": {\n  \"o\": ";
        String see = " Please see https://aka.ms/arm-template-expressions for usage details.";
        assertThat(plan(head + "{\"type\": \"string\", \"value\": \"[variables('nope')]\"}}}")).isEqualTo("InvalidTemplate: The template"
                + " output 'o' at line '3' and column '3' is not valid: The template variable 'nope' is not found. Please see"
                + " https://aka.ms/arm-template/#variables for usage details." + see);
        assertThat(plan(head + "{\"type\": \"int\", \"value\": \"[reference('a').x.y[toLower(1)]]\"}}}")).endsWith("is not valid: The"
                + " template language function 'toLower' expects its parameter to be of type 'String'. The provided value is of type 'Integer'." + SEE + see);
        assertThat(plan(head + "{\"type\": \"int\", \"value\": \"x\"}}}")).isEqualTo("InvalidTemplate: The template output 'o' is not valid:"
                + " the value is of type 'String' while the declared type is 'Int'.");
        assertThat(plan(head + "{\"type\": \"array\", \"copy\": {\"count\": 2, \"input\": \"[parameters('p')]\"}}}}")).contains(
                "The template parameter 'p' is not found.");
        TemplateEngineTest.plan(head + "{\"condition\": false, \"type\": \"string\", \"value\": \"[createArray()[0]]\"}}}");
        TemplateEngineTest.plan(head + "{\"condition\": \"[reference('a').on]\", \"type\": \"string\", \"value\": \"[createArray()[0]]\"}}}");
        TemplateEngineTest.plan(head + "{\"type\": \"string\", \"value\": \"[reference('a').x]\"}}}");
    }
}
