package dev.cerulean.server.registry.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.cerulean.core.json.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The registry host's refusals as ACR words them (acr.md §5.1, §5.2, §5.6, §5.7): the challenge
 * headers, byte for byte (az splits them on the first spaces, then on {@code ,} and {@code =}, so
 * no space may follow a comma), and the OCI error bodies with their trailing newline.
 */
public final class RegistryErrors {
    private RegistryErrors() {}

    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String DENIED = "DENIED";
    public static final String UNSUPPORTED = "UNSUPPORTED";
    public static final String NAME_UNKNOWN = "NAME_UNKNOWN";
    public static final String AUTHENTICATION_REQUIRED =
            "authentication required, visit https://aka.ms/acr/authorization for more information.";
    public static final String ACCESS_DENIED = "requested access to the resource is denied";
    /** What a rejected Basic credential gets instead of the Bearer challenge (Azure/acr #651). */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Azure Container Registry\"";

    /** {@code Bearer realm="https://{ls}/oauth2/token",service="{ls}"[,scope="..."][,error="insufficient_scope"]}. */
    public static String bearerChallenge(String loginServer, AccessScope scope, boolean insufficientScope) {
        StringBuilder b = new StringBuilder(160).append("Bearer realm=\"https://").append(loginServer)
                .append("/oauth2/token\",service=\"").append(loginServer).append('"');
        if (scope != null) b.append(",scope=\"").append(scope.asString()).append('"');
        if (insufficientScope) b.append(",error=\"insufficient_scope\"");
        return b.toString();
    }

    /** No or an unusable credential: 401 with the Bearer challenge for what the request needs. */
    public static AccessDecision.Refused unauthorized(String loginServer, AccessScope needed) {
        return new AccessDecision.Refused(401, UNAUTHORIZED, AUTHENTICATION_REQUIRED,
                bearerChallenge(loginServer, needed, false), needed);
    }

    /** A Basic credential that is wrong, disabled or expired. */
    public static AccessDecision.Refused basicRejected(AccessScope needed) {
        return new AccessDecision.Refused(401, UNAUTHORIZED, AUTHENTICATION_REQUIRED, BASIC_CHALLENGE, needed);
    }

    /** A valid credential without the rights: 401 {@code DENIED} naming the missing actions (acr.md §5.6). */
    public static AccessDecision.Refused denied(String loginServer, AccessScope needed, AccessScope missing) {
        return new AccessDecision.Refused(401, DENIED, ACCESS_DENIED, bearerChallenge(loginServer, needed, true), missing);
    }

    /** The {@code detail} of a refusal: {@code [{"Type","Name","Action"}...]} for the missing actions, else JSON null. */
    public static JsonNode detail(AccessScope missing) {
        if (missing == null || missing.actions().isEmpty()) return NullNode.getInstance();
        ArrayNode detail = Json.MAPPER.createArrayNode();
        for (String action : missing.actions()) {
            detail.addObject().put("Type", missing.type()).put("Name", missing.name()).put("Action", action);
        }
        return detail;
    }

    /**
     * {@code {"errors":[{"code":..,"message":..,"detail":..}]}} and a newline. {@code detail} is a list of
     * {@code {"Type","Name","Action"}} when {@code missing} is known, else null; left out entirely when
     * {@code withDetail} is false (the token endpoints' shape, §5.4).
     */
    public static String body(String code, String message, AccessScope missing, boolean withDetail) {
        StringWriter out = new StringWriter(200);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("errors");
            json.writeStartObject();
            json.writeStringField("code", code);
            json.writeStringField("message", message);
            if (withDetail) {
                json.writeFieldName("detail");
                json.writeTree(detail(missing));
            }
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}
