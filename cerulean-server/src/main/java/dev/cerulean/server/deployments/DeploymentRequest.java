package dev.cerulean.server.deployments;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.templates.TemplateText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of a deployment PUT, validate or whatIf (deployments.md §1.2, §2.2). az appends the
 * template file's raw text under an unquoted {@code template} key, comments included, so the body is
 * read as JSONC and the template's own text is cut out of it: its line numbers are then the file's,
 * as ARM reports them.
 */
record DeploymentRequest(ObjectNode body, TemplateText template, JsonNode parameters, String mode, String location,
                         Rollback.Spec onErrorDeployment, JsonNode whatIfSettings) {

    /** Azure's limit on a deployment's parameters, as on its template (deployments.md §3.1). */
    static final long MAX_PARAMETERS_BYTES = TemplateText.MAX_BYTES;

    static DeploymentRequest parse(byte[] raw, boolean needsLocation) {
        if (raw == null || raw.length == 0) throw ArmErrors.invalidRequestContent("The request content was empty.");
        String text = new String(raw, StandardCharsets.UTF_8);
        ObjectNode body;
        try {
            JsonNode node = TemplateText.JSONC.readTree(text);
            if (node == null || !node.isObject()) throw ArmErrors.invalidRequestContent("The request body must be a JSON object.");
            body = (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw ArmErrors.invalidRequestContent(e.getOriginalMessage());
        }
        JsonNode props = body.get("properties");
        if (props == null || !props.isObject()) {
            throw ArmErrors.invalidRequestContent("The 'properties' property of the deployment is required.");
        }
        String location = body.path("location").asText(null);
        if (needsLocation && (location == null || location.isBlank())) throw DeploymentErrors.locationRequired();
        String mode = props.path("mode").asText("Incremental");
        if (!mode.equalsIgnoreCase("Incremental") && !mode.equalsIgnoreCase("Complete")) {
            throw ArmErrors.invalidRequestContent("The deployment mode '" + mode + "' is not valid. Allowed values are 'Incremental, Complete'.");
        }
        if (props.has("templateLink")) {
            throw DeploymentErrors.linkedTemplate(props.get("templateLink"));
        }
        if (!props.has("template")) {
            throw ArmErrors.invalidRequestContent("The deployment must have either 'template' or 'templateLink'.");
        }
        if (props.has("parametersLink")) throw DeploymentErrors.linkedTemplate(props.get("parametersLink"));
        if (props.has("parameters")) {
            long size = dev.cerulean.core.json.Json.writeBytes(props.get("parameters")).length;
            if (size > MAX_PARAMETERS_BYTES) throw DeploymentErrors.parametersTooLarge(size, MAX_PARAMETERS_BYTES);
        }
        // a TemplateException here is answered with its position by Deployments (additionalInfo)
        String templateText = templateText(text);
        TemplateText template = templateText != null ? TemplateText.parse(templateText) : TemplateText.of(props.get("template"));
        return new DeploymentRequest(body, template, props.get("parameters"), mode.equalsIgnoreCase("Complete") ? "Complete" : "Incremental",
                location, Rollback.parse(props.get("onErrorDeployment"), !needsLocation), props.get("whatIfSettings"));
    }

    /** The exact text of {@code properties.template}, so error positions are the template file's; null when not found. */
    private static String templateText(String body) {
        try (JsonParser p = TemplateText.JSONC.getFactory().createParser(body)) {
            int depth = 0;
            boolean inProperties = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                else if (t == JsonToken.FIELD_NAME && depth == 1) inProperties = p.currentName().equals("properties");
                else if (t == JsonToken.FIELD_NAME && depth == 2 && inProperties && p.currentName().equals("template")) {
                    JsonToken v = p.nextToken();
                    if (v != JsonToken.START_OBJECT) return null;
                    long start = p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    JsonLocation end = p.currentTokenLocation();
                    long stop = end.getCharOffset() + 1;
                    if (start < 0 || stop > body.length()) return null;
                    return body.substring((int) start, (int) stop);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
