package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A template's variables (deployments.md §3.3): evaluated on first use with the parameters and other
 * variables in scope, a cycle refused; the top-level {@code copy} array defines array variables.
 * {@link #evaluateAll} runs every one, as ARM does, so an error in an unused variable still fails.
 */
public final class Variables {
    public static final int MAX_COUNT = 256;

    private final Map<String, String> names = new LinkedHashMap<>();   // key -> declared name
    private final Map<String, JsonNode> definitions = new HashMap<>();
    private final Map<String, JsonNode> copies = new HashMap<>();
    private final Map<String, JsonNode> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final String pathPrefix;
    private EvalContext ctx;

    private Variables(String pathPrefix) { this.pathPrefix = pathPrefix; }

    public static Variables declare(JsonNode variables, EvalContext base, String pathPrefix) {
        Variables v = new Variables(pathPrefix);
        if (variables != null && variables.isObject()) {
            for (var it = variables.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("copy") && e.getValue().isArray()) {
                    for (JsonNode loop : e.getValue()) {
                        String name = loop.path("name").asText();
                        v.names.put(key(name), name);
                        v.copies.put(key(name), loop);
                    }
                    continue;
                }
                v.names.put(key(e.getKey()), e.getKey());
                v.definitions.put(key(e.getKey()), e.getValue());
            }
        }
        if (v.names.size() > MAX_COUNT) throw TemplateErrors.tooMany("variables", MAX_COUNT, v.names.size());
        v.ctx = base.at(EvalContext.Placement.VARIABLE).withVariables(v::get)
                .withRuntime(RuntimeResources.NONE, EvalContext.ResourceResolver.NONE);
        return v;
    }

    public Variables evaluateAll() {
        for (String k : names.keySet()) get(k);
        return this;
    }

    public JsonNode get(String name) {
        String k = key(name);
        JsonNode v = resolved.get(k);
        if (v != null) return v;
        if (!names.containsKey(k)) throw TemplateErrors.variableNotFound(name);
        if (!resolving.add(k)) throw TemplateErrors.circularVariable(names.get(k));
        try {
            JsonNode loop = copies.get(k);
            if (loop != null) {
                int count = Evaluator.copyCount(loop.get("count"), ctx);
                ArrayNode out = Values.array();
                String loopName = names.get(k);
                for (int i = 0; i < count; i++) out.add(Evaluator.value(loop.get("input"), ctx.inCopy(loopName, i)));
                v = out;
            } else {
                v = Evaluator.value(definitions.get(k), ctx);
            }
            resolved.put(k, v);
            return v;
        } catch (TemplateException e) {
            throw e.at(pathPrefix + "variables." + names.get(k));
        } finally {
            resolving.remove(k);
        }
    }

    private static String key(String name) { return name.toLowerCase(Locale.ROOT); }
}
