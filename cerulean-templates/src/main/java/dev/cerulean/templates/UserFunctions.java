package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A template's {@code functions} (deployments.md §3.3): {@code ns.name(args)} evaluates the member's
 * {@code output.value} seeing only its own parameters (no template parameters or variables, no
 * {@code reference}/{@code list*}).
 */
public final class UserFunctions {
    public static final UserFunctions NONE = new UserFunctions(Map.of());

    private record Member(String name, List<String> parameters, List<String> types, JsonNode output) {}

    private final Map<String, Member> members;

    private UserFunctions(Map<String, Member> members) { this.members = members; }

    public static UserFunctions parse(JsonNode functions) {
        if (functions == null || !functions.isArray() || functions.isEmpty()) return NONE;
        Map<String, Member> out = new HashMap<>();
        for (JsonNode ns : functions) {
            String namespace = ns.path("namespace").asText();
            JsonNode defs = ns.path("members");
            for (var it = defs.fields(); it.hasNext(); ) {
                var e = it.next();
                List<String> names = new java.util.ArrayList<>();
                List<String> types = new java.util.ArrayList<>();
                for (JsonNode p : e.getValue().path("parameters")) {
                    names.add(p.path("name").asText());
                    types.add(p.path("type").asText("string"));
                }
                String full = namespace + "." + e.getKey();
                if (!e.getValue().has("output")) throw TemplateErrors.missingMember("output", "function '" + full + "'");
                out.put(full.toLowerCase(Locale.ROOT), new Member(full, names, types, e.getValue().get("output")));
            }
        }
        return new UserFunctions(out);
    }

    /** The checks a call passes before its arguments are known: the function exists and takes {@code args} arguments. */
    Member checkCall(String name, int args) {
        Member m = members.get(name.toLowerCase(Locale.ROOT));
        if (m == null) throw TemplateErrors.userFunctionNotFound(name);
        if (args != m.parameters().size()) throw TemplateErrors.arity(m.name(), m.parameters().size(), m.parameters().size());
        return m;
    }

    JsonNode call(String name, List<JsonNode> args, EvalContext caller) {
        Member m = checkCall(name, args.size());
        Map<String, JsonNode> bound = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            Parameters.checkType(m.types().get(i), args.get(i));
            bound.put(m.parameters().get(i).toLowerCase(Locale.ROOT), args.get(i));
        }
        EvalContext inside = caller.at(EvalContext.Placement.USER_FUNCTION)
                .withParameters(p -> {
                    JsonNode v = bound.get(p.toLowerCase(Locale.ROOT));
                    if (v == null) throw TemplateErrors.parameterNotFound(p);
                    return v;
                })
                .withVariables(v -> { throw TemplateErrors.functionNotExpected("variables"); })
                .withFunctions(NONE)
                .withRuntime(RuntimeResources.NONE, EvalContext.ResourceResolver.NONE);
        return Evaluator.value(m.output().get("value"), inside);
    }
}
