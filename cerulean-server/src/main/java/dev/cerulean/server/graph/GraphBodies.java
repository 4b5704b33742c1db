package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.json.Json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of request bodies before anything is written: a JSON object, only properties the type
 * has, none of its read-only ones, and the types of the properties Cerulean reads.
 */
final class GraphBodies {
    private GraphBodies() {}

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The body as an object; a missing body is an empty object when {@code required} is false. */
    static ObjectNode object(JsonNode body, boolean required) {
        if (body == null) {
            if (required) throw GraphErrors.unreadableBody();
            return Json.object();
        }
        if (!body.isObject()) throw GraphErrors.unreadableBody();
        return (ObjectNode) body;
    }

    /** Refuses properties the type does not have or that clients may not set; OData annotations pass. */
    static void checkProperties(ObjectNode body, String type, Set<String> writable, Set<String> readOnly) {
        body.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("@odata.")) return;
            if (readOnly.contains(name)) throw GraphErrors.readOnlyProperty(name, type);
            if (!writable.contains(name)) throw GraphErrors.unknownProperty(name, type);
        });
    }

    static String optionalString(ObjectNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw GraphErrors.invalidValue(property, "a string");
        return value.asText();
    }

    static void checkStringArray(ObjectNode body, String property) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) return;
        if (!value.isArray()) throw GraphErrors.invalidValue(property, "an array of strings");
        value.forEach(item -> {
            if (!item.isTextual()) throw GraphErrors.invalidValue(property, "an array of strings");
        });
    }

    static void checkType(ObjectNode body, String property, boolean array) {
        JsonNode value = body.get(property);
        if (value == null || value.isNull()) return;
        if (array ? !value.isArray() : !value.isObject()) {
            throw GraphErrors.invalidValue(property, array ? "an array" : "an object");
        }
    }

    static void checkBoolean(ObjectNode body, String property) {
        JsonNode value = body.get(property);
        if (value != null && !value.isNull() && !value.isBoolean()) {
            throw GraphErrors.invalidValue(property, "true or false");
        }
    }

    /** Graph does not take secrets through writes: only an empty list is accepted (and changes nothing). */
    static void checkNoPasswords(ObjectNode body) {
        JsonNode value = body.get("passwordCredentials");
        if (value != null && !(value.isArray() && value.isEmpty())) {
            throw GraphErrors.invalidValue("passwordCredentials", "an empty array; add secrets with addPassword");
        }
        body.remove("passwordCredentials");
    }

    static Instant optionalTime(ObjectNode body, String property) {
        String text = optionalString(body, property);
        if (text == null) return null;
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw GraphErrors.invalidValue(property, "a date and time such as 2027-12-05T05:50:00Z");
            }
        }
    }

    static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }

    /** An object id from a path or body, lower-cased; anything but a GUID is Graph's invalid identifier. */
    static String objectId(String text) {
        if (!isGuid(text)) throw GraphErrors.invalidObjectId(text);
        return text.toLowerCase(Locale.ROOT);
    }
}
