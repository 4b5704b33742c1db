package dev.cerulean.server.arm.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON document rules shared by every resource type: merge-patch, envelope fields, tags, systemData. */
public final class Documents {
    private Documents() {}

    /** Envelope fields the server owns; a client may send them back, they are ignored. */
    private static final List<String> SERVER_FIELDS = List.of("id", "name", "type", "systemData", "etag");

    public static ObjectNode parse(String json) {
        return (ObjectNode) Json.parse(json);
    }

    /** RFC 7396 merge-patch: objects merge recursively, null removes, anything else replaces. */
    public static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    /**
     * Removes what a client may not set: server-owned envelope fields, provisioningState and the
     * type's read-only properties.
     */
    public static ObjectNode sanitize(ObjectNode body, List<String> readOnlyProperties) {
        ObjectNode copy = body.deepCopy();
        SERVER_FIELDS.forEach(copy::remove);
        if (copy.get("properties") instanceof ObjectNode props) {
            props.remove("provisioningState");
            readOnlyProperties.forEach(props::remove);
        } else if (copy.has("properties") && !copy.get("properties").isNull()) {
            throw ArmErrors.invalidRequestContent("The property 'properties' must be a JSON object.");
        }
        return copy;
    }

    /** Keeps the stored values of read-only properties on a replace. */
    public static void keepReadOnly(ObjectNode doc, ObjectNode existing, List<String> readOnlyProperties) {
        if (existing == null || !(existing.get("properties") instanceof ObjectNode old)) return;
        ObjectNode props = properties(doc);
        for (String name : readOnlyProperties) {
            if (old.has(name) && !props.has(name)) props.set(name, old.get(name).deepCopy());
        }
    }

    public static ObjectNode properties(ObjectNode doc) {
        if (doc.get("properties") instanceof ObjectNode p) return p;
        ObjectNode p = Json.object();
        doc.set("properties", p);
        return p;
    }

    /** The normalised location of a tracked resource's request, or LocationRequired. */
    public static String requireLocation(ObjectNode doc) {
        JsonNode loc = doc.get("location");
        if (loc == null || loc.isNull() || loc.asText().isBlank()) throw ArmErrors.locationRequired();
        return Locations.normalize(loc.asText()).orElseThrow(() -> ArmErrors.invalidLocationForResource(loc.asText()));
    }

    /** ARM's tag limits (arm.md §11): 50 tags, names ≤ 512, values ≤ 256, no reserved characters. */
    public static void validateTags(JsonNode tags) {
        if (tags == null || tags.isNull()) return;
        if (!tags.isObject()) throw ArmErrors.invalidRequestContent("The property 'tags' must be a JSON object of strings.");
        if (tags.size() > 50) throw ArmErrors.invalidTag("The number of tags (" + tags.size() + ") exceeds the limit of 50.");
        Iterator<Map.Entry<String, JsonNode>> it = tags.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.isEmpty() || name.length() > 512 || name.chars().anyMatch(c -> "<>%&\\?/".indexOf(c) >= 0 || c < 32)) {
                throw ArmErrors.invalidTag("The tag name '" + name + "' is invalid: tag names must be 1 to 512 characters and must not contain '<', '>', '%', '&', '\\', '?', '/' or control characters.");
            }
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw ArmErrors.invalidTag("The value of tag '" + name + "' must be a string.");
            }
            if (e.getValue().asText().length() > 256) {
                throw ArmErrors.invalidTag("The value of tag '" + name + "' exceeds the limit of 256 characters.");
            }
        }
    }

    /**
     * Puts the envelope in ARM's order: id, name, type, location, then the rest as given.
     */
    public static ObjectNode envelope(String id, String name, String type, String location, ObjectNode rest) {
        ObjectNode out = Json.object();
        out.put("id", id);
        out.put("name", name);
        out.put("type", type);
        if (location != null) out.put("location", location);
        Iterator<Map.Entry<String, JsonNode>> it = rest.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    public static String provisioningState(ObjectNode doc) {
        JsonNode p = doc.path("properties").get("provisioningState");
        return p == null ? null : p.asText();
    }
}
