package dev.cerulean.templates;

import java.util.Collection;

/**
 * Catalogue of the template language's errors with ARM's wording (deployments.md §2.12 and public
 * error texts). Wordings marked "unverified" in DEVIATIONS.md follow ARM's pattern where no
 * recorded text was found.
 */
public final class TemplateErrors {
    private TemplateErrors() {}

    private static final String EXPRESSIONS_DETAILS = " Please see https://aka.ms/arm-template-expressions for usage details.";
    private static final String EXPRESSIONS_LINK = " Please see https://aka.ms/arm-functions for usage details.";

    static TemplateException invalid(String message) {
        return new TemplateException(400, "InvalidTemplate", message, null, 0, 0);
    }

    // --- template shape -------------------------------------------------------------------

    public static TemplateException malformedJson(String detail, int line, int column) {
        return invalid("Unable to parse template content: " + detail).withPosition(line, column);
    }

    public static TemplateException notAnObject() {
        return invalid("The template must be a JSON object.");
    }

    public static TemplateException templateTooLarge(long bytes, long limit) {
        return new TemplateException(400, "JobSizeExceededException",
                "The template size '" + bytes + "' bytes exceeds the limit of '" + limit + "' bytes."
                        + " Please see https://aka.ms/arm-template-limits for usage details.", null, 0, 0);
    }

    public static TemplateException tooMany(String what, int limit, int actual) {
        return invalid("The number of template " + what + " limit exceeded. Limit: '" + limit + "' and actual: '" + actual + "'.");
    }

    public static TemplateException missingMember(String member, String where) {
        return invalid("The template " + (where.isEmpty() ? "" : where + " ") + "is missing required property '" + member + "'."
                + " Please see https://aka.ms/arm-template for usage details.");
    }

    public static TemplateException unsupportedSchema(String schema, Collection<String> supported) {
        return invalid("The template schema '" + schema + "' is not supported. Supported schemas are '" + String.join(", ", supported)
                + "'. Please see https://aka.ms/arm-template for usage details.");
    }

    public static TemplateException unsupportedLanguageVersion(String version) {
        return invalid("The template language version '" + version + "' is not supported. Supported versions are '1.0, 2.0'.");
    }

    // --- parameters ------------------------------------------------------------------------

    public static TemplateException missingParameterValue(String name, int line, int column) {
        return invalid("The value for the template parameter '" + name + "' at line '" + line + "' and column '" + column
                + "' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details.")
                .withPosition(line, column);
    }

    public static TemplateException extraParameters(Collection<String> extra, Collection<String> allowed) {
        return invalid("The template parameters '" + String.join(", ", extra) + "' in the parameters file are not valid;"
                + " they are not present in the original template and can therefore not be provided at deployment time."
                + " The only supported parameters for this template are '" + String.join(", ", allowed) + "'."
                + " Please see https://aka.ms/arm-pass-parameter-values for usage details.");
    }

    public static TemplateException notAllowedValue(String value, String name, int line, int column, String allowed) {
        return invalid("The provided value '" + value + "' for the template parameter '" + name + "' at line '" + line
                + "' and column '" + column + "' is not valid. The parameter value is not part of the allowed value(s): '"
                + allowed + "'.").withPosition(line, column);
    }

    public static TemplateException parameterOutOfRange(String name, int line, int column, String rule) {
        return invalid("The provided value for the template parameter '" + name + "' at line '" + line + "' and column '"
                + column + "' is not valid. " + rule).withPosition(line, column);
    }

    public static TemplateException wrongParameterType(String expected, String actual) {
        return invalid("Template parameter JToken type is not valid. Expected '" + expected + "'. Actual '" + actual
                + "'. Please see https://aka.ms/resource-manager-parameter-files for usage details.");
    }

    public static TemplateException unknownParameterType(String name, String type) {
        return invalid("The template parameter '" + name + "' has an invalid type '" + type + "'. The supported types are"
                + " 'String, SecureString, Int, Bool, Object, SecureObject, Array'.");
    }

    public static TemplateException badTypeReference(String ref) {
        return invalid("The type reference '" + ref + "' is not valid: the template 'definitions' does not declare it."
                + " Please see https://aka.ms/arm-syntax-parameters for usage details.");
    }

    public static TemplateException parameterNotFound(String name) {
        return invalid("The template parameter '" + name + "' is not found."
                + " Please see https://aka.ms/arm-template/#parameters for usage details.");
    }

    public static TemplateException keyVaultReferenceUnsupported(String name) {
        return invalid("The template parameter '" + name + "' references a key vault secret, which this deployment cannot resolve.");
    }

    // --- variables and functions -----------------------------------------------------------

    public static TemplateException variableNotFound(String name) {
        return invalid("The template variable '" + name + "' is not found."
                + " Please see https://aka.ms/arm-template/#variables for usage details.");
    }

    public static TemplateException circularVariable(String name) {
        return invalid("The template variable '" + name + "' has a circular reference to itself."
                + " Please see https://aka.ms/arm-template/#variables for usage details.");
    }

    public static TemplateException circularParameter(String name) {
        return invalid("The template parameter '" + name + "' has a circular reference to itself."
                + " Please see https://aka.ms/arm-template/#parameters for usage details.");
    }

    public static TemplateException unknownFunction(String name) {
        return invalid("The template function '" + name + "' is not valid." + EXPRESSIONS_LINK);
    }

    public static TemplateException functionNotExpected(String name) {
        return invalid("The template function '" + name + "' is not expected at this location." + EXPRESSIONS_LINK);
    }

    public static TemplateException arity(String function, int min, int max) {
        String rule;
        if (max == 0) rule = "must not have any parameters";
        else if (min == max && max == 1) rule = "must have only one parameter";
        else if (min == max) rule = "must have '" + min + "' parameters";
        else if (max == Integer.MAX_VALUE) rule = "must have at least '" + min + "' parameter" + (min == 1 ? "" : "s");
        else rule = "must have between '" + min + "' and '" + max + "' parameters";
        return invalid("The template language function '" + function + "' " + rule + "." + EXPRESSIONS_LINK);
    }

    public static TemplateException argumentType(String function, String expected, String actual) {
        return invalid("The template language function '" + function + "' expects its parameter to be " + expected
                + ". The provided value is of type '" + actual + "'." + EXPRESSIONS_LINK);
    }

    public static TemplateException functionFailed(String function, String why) {
        return invalid("Unable to evaluate template language function '" + function + "': " + why + EXPRESSIONS_LINK);
    }

    public static TemplateException substringRange(int index, int length, int stringLength) {
        return invalid("The index and length parameters must refer to a location within the string. The index parameter: '"
                + index + "', the length parameter: '" + length + "', the length of the string parameter: '" + stringLength + "'.");
    }

    public static TemplateException propertyNotFound(String property, Collection<String> available) {
        return invalid("The language expression property '" + property + "' doesn't exist, available properties are '"
                + String.join(", ", available) + "'.");
    }

    public static TemplateException indexOutOfRange(long index, int count) {
        return invalid("The language expression property array index '" + index + "' is out of bounds.");
    }

    public static TemplateException notIndexable(String kind, String accessor) {
        return invalid("The language expression property '" + accessor + "' can't be evaluated, property name must be a string"
                + " for an object and an integer for an array; the value is of type '" + kind + "'.");
    }

    public static TemplateException parse(String expression, String expected, String actual) {
        return invalid("Unable to parse language expression '" + expression + "': expected token '" + expected
                + "' and actual '" + actual + "'.");
    }

    public static TemplateException badCharacter(String expression, char c, int position) {
        return invalid("The template language expression '" + expression + "' is not valid: the string character '" + c
                + "' at position '" + position + "' is not expected.");
    }

    public static TemplateException expressionTooLong(int length, int limit) {
        return invalid("The template language expression length '" + length + "' exceeds the limit of '" + limit + "' characters.");
    }

    public static TemplateException userFunctionNotFound(String name) {
        return invalid("The template function '" + name + "' is not defined. Please see https://aka.ms/arm-user-defined-functions for usage details.");
    }

    // --- resources ----------------------------------------------------------------------------

    public static TemplateException segmentLengths(String name, String type) {
        return invalid("The template resource '" + name + "' for type '" + type + "' at line '0' and column '0' has incorrect"
                + " segment lengths. A nested resource type must have identical number of segments as its resource name."
                + " A root resource type must have segment length one greater than its resource name."
                + " Please see https://aka.ms/arm-template/#resources for usage details.");
    }

    public static TemplateException copyCount(int line, int column) {
        return invalid("The template 'copy' definition at line '" + line + "' and column '" + column + "' has an invalid copy count."
                + " The copy count must be a non-negative integer value and cannot exceed '800'."
                + " Please see https://aka.ms/arm-copy for usage details.");
    }

    public static TemplateException copyBatchSize(int count) {
        return invalid("The template 'copy' definition at line '0' and column '0' has an invalid copy batch size. The copy batch size"
                + " must be a non-negative integer value and cannot exceed the copy count '" + count + "'."
                + " Please see https://aka.ms/arm-copy for usage details.");
    }

    public static TemplateException copyNotExpected(String loop) {
        return invalid("The template function 'copyIndex' is not expected at this location. The function can only be used in a"
                + " resource with copy specified" + (loop == null ? "" : " (loop '" + loop + "')") + "."
                + " Please see https://aka.ms/arm-copy for usage details.");
    }

    public static TemplateException duplicateResource(String id) {
        return invalid("The resource '" + id + "' is defined multiple times in a template."
                + " Please see https://aka.ms/arm-template/#resources for usage details.");
    }

    public static TemplateException resourceNotDefined(String typeAndName) {
        return invalid("The resource '" + typeAndName + "' is not defined in the template."
                + " Please see https://aka.ms/arm-template for usage details.");
    }

    public static TemplateException badReference(String name) {
        return invalid("The template reference '" + name + "' is not valid: could not find template resource or resource copy with"
                + " this name. Please see https://aka.ms/arm-function-reference for usage details.");
    }

    public static TemplateException circularDependency(String ids) {
        return invalid("Circular dependency detected on resource: " + ids + "."
                + " Please see https://aka.ms/arm-template/#resources for usage details.");
    }

    public static TemplateException resourceExpression(String id, TemplateException inner) {
        return invalid("Unable to process template language expressions for resource '" + id + "' at line '" + inner.line()
                + "' and column '" + inner.column() + "'. '" + inner.innerMessage() + "'").at(inner.path())
                .withPosition(inner.line(), inner.column());
    }

    /** A resource whose body validation refuses (deployments.md §2.12); the inner text keeps its own period. */
    public static TemplateException resourceInvalid(String name, int line, int column, TemplateException inner) {
        return invalid("The template resource '" + name + "' at line '" + line + "' and column '" + column + "' is not valid: "
                + inner.innerMessage() + EXPRESSIONS_DETAILS);
    }

    public static TemplateException outputInvalid(String name, int line, int column, TemplateException inner) {
        return invalid("The template output '" + name + "' at line '" + line + "' and column '" + column + "' is not valid: "
                + inner.innerMessage() + EXPRESSIONS_DETAILS);
    }

    public static TemplateException linkedTemplateUnsupported(com.fasterxml.jackson.databind.JsonNode link) {
        return invalid(linkedTemplateText(link));
    }

    /**
     * Why a {@code templateLink} or {@code parametersLink} is refused, naming what it points at: Cerulean
     * fetches nothing over the network and serves no template specs, and a {@code relativePath}
     * resolves only against a parent deployed from a URI or a template spec (az 2.45 sends it
     * unchanged for {@code --template-file}; only {@code az ts create} packs such links).
     */
    public static String linkedTemplateText(com.fasterxml.jackson.databind.JsonNode link) {
        String uri = link.path("uri").asText("");
        String id = link.path("id").asText("");
        String relative = link.path("relativePath").asText("");
        if (uri.isEmpty() && id.isEmpty() && !relative.isEmpty()) {
            return "The linked template with relativePath '" + relative + "' cannot be resolved: a relativePath is resolved"
                    + " against the parent's templateLink (a URI or a template spec), and Cerulean deploys only templates"
                    + " sent inline. Inline the linked template (a nested 'template') or deploy it on its own.";
        }
        String what = !uri.isEmpty() ? "'" + uri + "'" : "'" + id + "' (a template spec)";
        return "The linked template " + what + " cannot be fetched: Cerulean deploys only templates sent inline"
                + " (az sends --template-file inline); it fetches nothing over the network and serves no template specs.";
    }

    public static TemplateException outputType(String name, String expected, String actual) {
        return invalid("The template output '" + name + "' is not valid: the value is of type '" + actual
                + "' while the declared type is '" + expected + "'.");
    }
}
