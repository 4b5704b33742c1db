package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A template's parameters bound to the supplied values (deployments.md §3.2): supplied values are
 * literal, defaults are expressions evaluated on first use (they may use other parameters; a cycle is
 * refused), each value must have its declared JSON type and pass {@code allowedValues}, min/max and
 * length rules. Secure values are never echoed.
 */
public final class Parameters {
    public static final int MAX_COUNT = 256;

    private record Declared(String name, String type, JsonNode definition, String path) {}

    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, JsonNode> supplied = new HashMap<>();
    private final Map<String, JsonNode> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final TemplateText text;
    private final String pathPrefix;
    private EvalContext defaultsContext;

    private Parameters(TemplateText text, String pathPrefix) {
        this.text = text;
        this.pathPrefix = pathPrefix;
    }

    /**
     * Binds {@code values} ({@code {"p": {"value": ...}}}) to the declarations in {@code definitions}
     * and checks every parameter at once, as ARM does before anything is deployed.
     */
    public static Parameters bind(TemplateText text, JsonNode definitions, JsonNode values, EvalContext base, String pathPrefix) {
        Parameters p = new Parameters(text, pathPrefix);
        if (definitions != null && definitions.size() > MAX_COUNT) throw TemplateErrors.tooMany("parameters", MAX_COUNT, definitions.size());
        if (definitions != null) {
            for (var it = definitions.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode definition = resolveRef(e.getValue(), text.root(), pathPrefix + "parameters." + e.getKey());
                String type = definition.path("type").asText("");
                if (!isKnownType(type)) throw TemplateErrors.unknownParameterType(e.getKey(), type).at(pathPrefix + "parameters." + e.getKey());
                p.declared.put(key(e.getKey()), new Declared(e.getKey(), type.toLowerCase(Locale.ROOT), definition,
                        "parameters." + e.getKey()));
            }
        }
        List<String> extra = new ArrayList<>();
        if (values != null) {
            for (var it = values.fields(); it.hasNext(); ) {
                var e = it.next();
                Declared d = p.declared.get(key(e.getKey()));
                if (d == null) { extra.add(e.getKey()); continue; }
                JsonNode v = e.getValue();
                if (v.has("reference")) throw TemplateErrors.keyVaultReferenceUnsupported(d.name());
                p.supplied.put(key(d.name()), v.has("value") ? v.get("value") : Values.NULL);
            }
        }
        if (!extra.isEmpty()) {
            List<String> allowed = new ArrayList<>();
            p.declared.values().forEach(d -> allowed.add(d.name()));
            throw TemplateErrors.extraParameters(extra, allowed);
        }
        p.defaultsContext = base.at(EvalContext.Placement.PARAMETER_DEFAULT).withParameters(p::get)
                .withRuntime(RuntimeResources.NONE, EvalContext.ResourceResolver.NONE);
        for (Declared d : p.declared.values()) p.get(d.name());
        return p;
    }

    /** {@code parameters('name')}: the checked value. */
    public JsonNode get(String name) {
        String k = key(name);
        JsonNode v = resolved.get(k);
        if (v != null) return v;
        Declared d = declared.get(k);
        if (d == null) throw TemplateErrors.parameterNotFound(name);
        if (!resolving.add(k)) throw TemplateErrors.circularParameter(d.name());
        try {
            TemplateText.Position at = text.position(pathPrefix + d.path());
            if (supplied.containsKey(k)) {
                v = supplied.get(k);
            } else if (d.definition().has("defaultValue")) {
                v = Evaluator.value(d.definition().get("defaultValue"), defaultsContext);
            } else if (d.definition().path("nullable").asBoolean(false)) {
                v = Values.NULL;
            } else {
                throw TemplateErrors.missingParameterValue(d.name(), at.line(), at.column());
            }
            if (!Values.isNull(v) || !d.definition().path("nullable").asBoolean(false)) {
                checkType(d.type(), v);
                checkConstraints(d, v, at);
            }
            resolved.put(k, v);
            return v;
        } catch (TemplateException e) {
            throw e.at(pathPrefix + d.path());
        } finally {
            resolving.remove(k);
        }
    }

    /** The deployment's {@code properties.parameters} echo: PascalCase types, secure values left out. */
    public ObjectNode echo() {
        ObjectNode out = Values.object();
        for (Declared d : declared.values()) {
            ObjectNode entry = out.putObject(d.name());
            entry.put("type", pascalType(d.type()));
            if (!d.type().startsWith("secure")) entry.set("value", get(d.name()));
        }
        return out;
    }

    /** The bound values by declared name, secure ones included (for nested and outer-scope use). */
    public Map<String, JsonNode> values() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Declared d : declared.values()) out.put(d.name(), get(d.name()));
        return out;
    }

    static boolean isKnownType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "string", "securestring", "int", "bool", "object", "secureobject", "array" -> true;
            default -> false;
        };
    }

    static String pascalType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "securestring" -> "SecureString";
            case "secureobject" -> "SecureObject";
            case "int" -> "Int";
            case "bool" -> "Bool";
            case "object" -> "Object";
            case "array" -> "Array";
            default -> "String";
        };
    }

    /**
     * A languageVersion 2.0 type declaration with its {@code "$ref": "#/definitions/name"} replaced by the
     * definition it names (followed through further refs); the declaration's own members win.
     */
    static JsonNode resolveRef(JsonNode declaration, JsonNode root, String path) {
        JsonNode d = declaration;
        for (int depth = 0; d.isObject() && d.has("$ref"); depth++) {
            String ref = d.get("$ref").asText("");
            String prefix = "#/definitions/";
            JsonNode target = ref.startsWith(prefix) ? root.path("definitions").get(ref.substring(prefix.length())) : null;
            if (target == null || !target.isObject() || depth > 32) throw TemplateErrors.badTypeReference(ref).at(path);
            ObjectNode merged = target.deepCopy();
            d.fields().forEachRemaining(f -> { if (!f.getKey().equals("$ref")) merged.set(f.getKey(), f.getValue()); });
            d = merged;
        }
        return d;
    }

    /** ARM's JSON type check (deployments.md §2.12 "wrong type"). */
    static void checkType(String type, JsonNode v) {
        String expected;
        boolean ok;
        switch (type.toLowerCase(Locale.ROOT)) {
            case "string", "securestring" -> { expected = "String"; ok = v.isTextual(); }
            case "int" -> { expected = "Integer"; ok = v.isIntegralNumber(); }
            case "bool" -> { expected = "Boolean"; ok = v.isBoolean(); }
            case "object", "secureobject" -> { expected = "Object"; ok = v.isObject(); }
            case "array" -> { expected = "Array"; ok = v.isArray(); }
            default -> { return; }
        }
        if (!ok) throw TemplateErrors.wrongParameterType(expected, Values.typeName(v));
    }

    private static void checkConstraints(Declared d, JsonNode v, TemplateText.Position at) {
        JsonNode def = d.definition();
        JsonNode allowed = def.get("allowedValues");
        if (allowed != null && allowed.isArray()) {
            List<JsonNode> candidates = v.isArray() ? iterable(v) : List.of(v);
            for (JsonNode c : candidates) {
                boolean found = false;
                for (JsonNode a : allowed) if (Values.deepEquals(a, c)) { found = true; break; }
                if (!found) {
                    List<String> names = new ArrayList<>();
                    allowed.forEach(a -> names.add(Values.display(a)));
                    throw TemplateErrors.notAllowedValue(Values.display(v), d.name(), at.line(), at.column(), String.join(",", names));
                }
            }
        }
        if (v.isIntegralNumber()) {
            if (def.has("minValue") && v.longValue() < def.get("minValue").asLong()) {
                throw TemplateErrors.parameterOutOfRange(d.name(), at.line(), at.column(),
                        "The value should be greater than or equal to '" + def.get("minValue").asLong() + "'.");
            }
            if (def.has("maxValue") && v.longValue() > def.get("maxValue").asLong()) {
                throw TemplateErrors.parameterOutOfRange(d.name(), at.line(), at.column(),
                        "The value should be less than or equal to '" + def.get("maxValue").asLong() + "'.");
            }
        }
        if (v.isTextual() || v.isArray()) {
            int len = v.isTextual() ? v.textValue().length() : v.size();
            if (def.has("minLength") && len < def.get("minLength").asInt()) {
                throw TemplateErrors.parameterOutOfRange(d.name(), at.line(), at.column(),
                        "Length of the value should be greater than or equal to '" + def.get("minLength").asInt() + "'.");
            }
            if (def.has("maxLength") && len > def.get("maxLength").asInt()) {
                throw TemplateErrors.parameterOutOfRange(d.name(), at.line(), at.column(),
                        "Length of the value should be less than or equal to '" + def.get("maxLength").asInt() + "'.");
            }
        }
    }

    private static List<JsonNode> iterable(JsonNode arr) {
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    private static String key(String name) { return name.toLowerCase(Locale.ROOT); }
}
