package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.cerulean.templates.Functions.MANY;
import static dev.cerulean.templates.Functions.add;

/** Array and object functions, and those ARM defines over strings, arrays and objects alike (deployments.md §3.7). */
public final class ArrayFunctions {
    private ArrayFunctions() {}

    public static void register() {
        add("array", 1, 1, a -> a.get(0).isArray() ? a.get(0) : Values.array().add(a.get(0)));
        add("createArray", 0, MANY, a -> { ArrayNode out = Values.array(); for (int i = 0; i < a.size(); i++) out.add(a.get(i)); return out; });
        add("createObject", 0, MANY, ArrayFunctions::createObject);
        add("concat", 0, MANY, ArrayFunctions::concat);
        add("contains", 2, 2, ArrayFunctions::contains);
        add("empty", 1, 1, a -> Values.of(isEmpty(a.get(0))));
        add("first", 1, 1, a -> edge(a, true));
        add("last", 1, 1, a -> edge(a, false));
        add("flatten", 1, 1, ArrayFunctions::flatten);
        add("indexOf", 2, 2, a -> indexOf(a, false));
        add("lastIndexOf", 2, 2, a -> indexOf(a, true));
        add("length", 1, 1, ArrayFunctions::length);
        add("max", 1, MANY, a -> extreme(a, true));
        add("min", 1, MANY, a -> extreme(a, false));
        add("range", 2, 2, ArrayFunctions::range);
        add("skip", 2, 2, a -> slice(a, true));
        add("take", 2, 2, a -> slice(a, false));
        add("union", 1, MANY, ArrayFunctions::union);
        add("intersection", 1, MANY, ArrayFunctions::intersection);
        add("items", 1, 1, ArrayFunctions::items);
        add("objectKeys", 1, 1, a -> { ArrayNode out = Values.array(); a.object(0).fieldNames().forEachRemaining(out::add); return out; });
        add("shallowMerge", 1, 1, ArrayFunctions::shallowMerge);
        add("tryGet", 2, MANY, ArrayFunctions::tryGet);
    }

    static boolean isEmpty(JsonNode v) {
        if (Values.isNull(v)) return true;
        if (v.isTextual()) return v.textValue().isEmpty();
        if (v.isContainerNode()) return v.isEmpty();
        return false;
    }

    private static JsonNode createObject(Args a) {
        if (a.size() % 2 != 0) throw TemplateErrors.functionFailed(a.function(), "the number of parameters must be even (key-value pairs).");
        ObjectNode out = Values.object();
        for (int i = 0; i < a.size(); i += 2) {
            JsonNode v = a.get(i + 1);
            out.set(a.str(i), v);
        }
        return out;
    }

    private static JsonNode concat(Args a) {
        boolean arrays = a.size() > 0 && a.get(0).isArray();
        if (arrays) {
            ArrayNode out = Values.array();
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (Values.isNull(v)) continue;
                if (!v.isArray()) throw TemplateErrors.argumentType(a.function(), "either arrays or strings", Values.typeName(v));
                out.addAll((ArrayNode) v);
            }
            return out;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            JsonNode v = a.get(i);
            if (v.isContainerNode()) throw TemplateErrors.argumentType(a.function(), "either arrays or strings", Values.typeName(v));
            sb.append(Values.display(v));
        }
        return Values.of(sb.toString());
    }

    private static JsonNode contains(Args a) {
        JsonNode c = a.get(0), x = a.get(1);
        if (c.isTextual()) return Values.of(c.textValue().contains(Values.display(x)));
        if (c.isArray()) {
            for (JsonNode item : c) if (Values.deepEquals(item, x)) return Values.of(true);
            return Values.of(false);
        }
        if (c.isObject()) return Values.of(Values.field(c, a.str(1)) != null);
        throw a.wrongType(0, "an array, an object, or a string");
    }

    private static JsonNode edge(Args a, boolean first) {
        JsonNode v = a.get(0);
        if (v.isTextual()) {
            String s = v.textValue();
            return Values.of(s.isEmpty() ? "" : first ? s.substring(0, 1) : s.substring(s.length() - 1));
        }
        if (v.isArray()) return v.isEmpty() ? Values.NULL : v.get(first ? 0 : v.size() - 1);
        throw a.wrongType(0, "an array or a string");
    }

    private static JsonNode flatten(Args a) {
        ArrayNode out = Values.array();
        for (JsonNode item : a.array(0)) {
            if (!item.isArray()) throw TemplateErrors.argumentType(a.function(), "an array of arrays", Values.typeName(item));
            out.addAll((ArrayNode) item);
        }
        return out;
    }

    private static JsonNode indexOf(Args a, boolean last) {
        JsonNode c = a.get(0);
        if (c.isTextual()) {
            String s = c.textValue().toLowerCase(Locale.ROOT), x = a.str(1).toLowerCase(Locale.ROOT);
            return Values.of(last ? s.lastIndexOf(x) : s.indexOf(x));
        }
        if (c.isArray()) {
            int found = -1;
            for (int i = 0; i < c.size(); i++) {
                if (Values.deepEquals(c.get(i), a.get(1))) { found = i; if (!last) break; }
            }
            return Values.of(found);
        }
        throw a.wrongType(0, "an array or a string");
    }

    private static JsonNode length(Args a) {
        JsonNode v = a.get(0);
        if (v.isTextual()) return Values.of(v.textValue().length());
        if (v.isContainerNode()) return Values.of(v.size());
        throw a.wrongType(0, "an array, an object, or a string");
    }

    private static JsonNode extreme(Args a, boolean max) {
        List<JsonNode> items = new ArrayList<>();
        if (a.size() == 1 && a.get(0).isArray()) a.get(0).forEach(items::add);
        else for (int i = 0; i < a.size(); i++) items.add(a.get(i));
        if (items.isEmpty()) throw TemplateErrors.functionFailed(a.function(), "the array must not be empty.");
        JsonNode best = null;
        for (JsonNode v : items) {
            if (!v.isNumber()) throw TemplateErrors.argumentType(a.function(), "integers or an array of integers", Values.typeName(v));
            if (best == null || (max ? v.doubleValue() > best.doubleValue() : v.doubleValue() < best.doubleValue())) best = v;
        }
        return best;
    }

    private static JsonNode range(Args a) {
        long start = a.integer(0), count = a.integer(1);
        if (count < 0 || count > 10_000) throw TemplateErrors.functionFailed(a.function(), "the count '" + count + "' must be between 0 and 10000.");
        if (start + count > Integer.MAX_VALUE) throw TemplateErrors.functionFailed(a.function(), "the sum of start index and count must be at most 2147483647.");
        ArrayNode out = Values.array();
        for (long i = 0; i < count; i++) out.add(start + i);
        return out;
    }

    private static JsonNode slice(Args a, boolean skip) {
        JsonNode v = a.get(0);
        long n = a.integer(1);
        if (v.isTextual()) {
            String s = v.textValue();
            int k = (int) Math.max(0, Math.min(n, s.length()));
            return Values.of(skip ? s.substring(k) : s.substring(0, k));
        }
        if (v.isArray()) {
            int k = (int) Math.max(0, Math.min(n, v.size()));
            ArrayNode out = Values.array();
            for (int i = skip ? k : 0; i < (skip ? v.size() : k); i++) out.add(v.get(i));
            return out;
        }
        throw a.wrongType(0, "an array or a string");
    }

    private static JsonNode union(Args a) {
        if (a.get(0).isArray()) {
            ArrayNode out = Values.array();
            for (int i = 0; i < a.size(); i++) {
                for (JsonNode item : a.array(i)) if (!containsDeep(out, item)) out.add(item);
            }
            return out;
        }
        ObjectNode out = Values.object();
        for (int i = 0; i < a.size(); i++) mergeDeep(out, a.object(i));
        return out;
    }

    private static void mergeDeep(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                ObjectNode merged = ((ObjectNode) existing).deepCopy();
                mergeDeep(merged, (ObjectNode) e.getValue());
                into.set(e.getKey(), merged);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }

    private static boolean containsDeep(ArrayNode arr, JsonNode x) {
        for (JsonNode item : arr) if (Values.deepEquals(item, x)) return true;
        return false;
    }

    private static JsonNode intersection(Args a) {
        if (a.get(0).isArray()) {
            ArrayNode out = Values.array();
            outer:
            for (JsonNode item : a.array(0)) {
                for (int i = 1; i < a.size(); i++) if (!containsDeep(a.array(i), item)) continue outer;
                if (!containsDeep(out, item)) out.add(item);
            }
            return out;
        }
        ObjectNode out = Values.object();
        outer:
        for (Iterator<Map.Entry<String, JsonNode>> it = a.object(0).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (int i = 1; i < a.size(); i++) {
                JsonNode other = a.object(i).get(e.getKey());
                if (other == null || !Values.deepEquals(other, e.getValue())) continue outer;
            }
            out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    private static JsonNode items(Args a) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        a.object(0).fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        ArrayNode out = Values.array();
        sorted.forEach((k, v) -> out.addObject().put("key", k).set("value", v));
        return out;
    }

    private static JsonNode shallowMerge(Args a) {
        ObjectNode out = Values.object();
        for (JsonNode o : a.array(0)) {
            if (!o.isObject()) throw TemplateErrors.argumentType(a.function(), "an array of objects", Values.typeName(o));
            out.setAll((ObjectNode) o);
        }
        return out;
    }

    private static JsonNode tryGet(Args a) {
        JsonNode v = a.get(0);
        for (int i = 1; i < a.size(); i++) {
            JsonNode key = a.get(i);
            if (v.isObject() && key.isTextual()) v = Values.field(v, key.textValue());
            else if (v.isArray() && key.isIntegralNumber()) v = key.longValue() >= 0 && key.longValue() < v.size() ? v.get(key.intValue()) : null;
            else v = null;
            if (v == null) return Values.NULL;
        }
        return v;
    }
}
