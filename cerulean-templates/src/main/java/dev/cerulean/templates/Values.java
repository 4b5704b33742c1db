package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.Iterator;
import java.util.Map;

/** The language's values are JSON trees; these are the conversions ARM applies between them. */
public final class Values {
    private Values() {}

    public static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final JsonNode NULL = NullNode.instance;

    public static JsonNode of(String s) { return F.textNode(s); }
    public static JsonNode of(long n) { return F.numberNode(n); }
    public static JsonNode of(boolean b) { return F.booleanNode(b); }
    public static ArrayNode array() { return F.arrayNode(); }
    public static ObjectNode object() { return F.objectNode(); }

    public static boolean isNull(JsonNode v) { return v == null || v.isNull() || v.isMissingNode(); }

    /** ARM's type names as its messages print them. */
    public static String typeName(JsonNode v) {
        if (isNull(v)) return "Null";
        if (v.isTextual()) return "String";
        if (v.isIntegralNumber()) return "Integer";
        if (v.isNumber()) return "Float";
        if (v.isBoolean()) return "Boolean";
        if (v.isArray()) return "Array";
        if (v.isObject()) return "Object";
        return "Unknown";
    }

    /**
     * The string form {@code string()}, {@code concat} and {@code format} use: text as is, booleans as
     * .NET prints them ({@code True}), containers as compact JSON, null as empty.
     */
    public static String display(JsonNode v) {
        if (isNull(v)) return "";
        if (v.isTextual()) return v.textValue();
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        if (v.isNumber()) return v.asText();
        return Json.write(v);
    }

    /** Deep equality with ARM's rules: integers compare by value whatever their width, strings case-sensitively. */
    public static boolean deepEquals(JsonNode a, JsonNode b) {
        if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
        if (a.isNumber() && b.isNumber()) {
            return a.isIntegralNumber() && b.isIntegralNumber() ? a.longValue() == b.longValue() : a.doubleValue() == b.doubleValue();
        }
        if (a.getNodeType() != b.getNodeType()) return false;
        if (a.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!deepEquals(a.get(i), b.get(i))) return false;
            return true;
        }
        if (a.isObject()) {
            if (a.size() != b.size()) return false;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = field(b, e.getKey());
                if (other == null || !deepEquals(e.getValue(), other)) return false;
            }
            return true;
        }
        return a.equals(b);
    }

    /** A member by name, case-insensitively as ARM's JSON objects are, exact match first. */
    public static JsonNode field(JsonNode obj, String name) {
        JsonNode exact = obj.get(name);
        if (exact != null) return exact;
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equalsIgnoreCase(name)) return obj.get(k);
        }
        return null;
    }
}
