package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.templates.expr.Expr;
import dev.cerulean.templates.expr.ExpressionParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The order resources deploy in (deployments.md §3.4, §3.9): explicit {@code dependsOn} (names, ids,
 * copy loops, symbolic names), implicit edges from {@code reference()}/{@code list*()} on template
 * resources, serial copy batches; false-condition targets dropped; a cycle refused before anything
 * is created.
 */
final class DependencyGraph {
    private final List<PlannedResource> all;
    private final Map<String, List<PlannedResource>> byKey = new HashMap<>();

    private DependencyGraph(List<PlannedResource> all) {
        this.all = all;
        for (PlannedResource r : all) {
            index(r.id(), r);
            index(r.name(), r);
            index(r.type() + "/" + r.name(), r);
            if (r.symbolicName() != null) index("sym:" + r.symbolicName(), r);
            if (r.copyName() != null) index("copy:" + r.copyName(), r);
            index("short:" + r.name().substring(r.name().lastIndexOf('/') + 1), r); // a nested child's own name
        }
    }

    private void index(String k, PlannedResource r) {
        List<PlannedResource> list = byKey.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>());
        // an instance's keys are indexed one after another, so a repeat can only be the last entry (a copy loop's key holds them all)
        if (list.isEmpty() || list.get(list.size() - 1) != r) list.add(r);
    }

    /** The instances a {@code dependsOn} entry or a {@code reference()} target names; empty when none. */
    List<PlannedResource> lookup(String ref) {
        String k = ref.toLowerCase(Locale.ROOT);
        List<PlannedResource> hit = byKey.get("sym:" + k);
        if (hit == null) hit = byKey.get(k);
        if (hit == null) hit = byKey.get("copy:" + k);
        if (hit == null && ref.startsWith("/")) hit = byKey.get(stripScope(k));
        if (hit == null && ref.indexOf('/') < 0) hit = byKey.get("short:" + k);
        return hit == null ? List.of() : hit;
    }

    /** {@code /subscriptions/.../providers/Ns/t/n} → {@code ns/t/n} (a type/name form). */
    private static String stripScope(String id) {
        int p = id.lastIndexOf("/providers/");
        if (p < 0) return id;
        String rest = id.substring(p + "/providers/".length());
        String[] s = rest.split("/");
        if (s.length < 3) return rest;
        StringBuilder type = new StringBuilder(s[0]), name = new StringBuilder();
        for (int i = 1; i + 1 < s.length; i += 2) {
            type.append('/').append(s[i]);
            if (name.length() > 0) name.append('/');
            name.append(s[i + 1]);
        }
        return type + "/" + name;
    }

    static EvalContext.ResourceResolver resolver(List<PlannedResource> all) {
        DependencyGraph g = new DependencyGraph(all);
        return new EvalContext.ResourceResolver() {
            @Override
            public Resolved resolve(String nameOrId) {
                List<PlannedResource> hit = g.lookup(nameOrId);
                if (hit.isEmpty()) return null;
                PlannedResource r = hit.get(0);
                return new Resolved(r.id(), r.apiVersion());
            }

            /** The instances whose condition holds, by copy index (declaration order when not a loop). */
            @Override
            public List<Resolved> resolveAll(String nameOrId) {
                List<PlannedResource> hit = new ArrayList<>(g.lookup(nameOrId));
                hit.removeIf(r -> !r.condition());
                hit.sort(java.util.Comparator.comparingInt(PlannedResource::copyIndex));
                List<Resolved> out = new ArrayList<>(hit.size());
                for (PlannedResource r : hit) out.add(new Resolved(r.id(), r.apiVersion()));
                return out;
            }
        };
    }

    /** Resolves every instance's dependencies and answers the deployable instances in a valid order. */
    static List<PlannedResource> order(List<PlannedResource> all) {
        DependencyGraph g = new DependencyGraph(all);
        List<PlannedResource> resolved = new ArrayList<>(all.size());
        Map<String, List<PlannedResource>> loops = new HashMap<>();
        for (PlannedResource r : all) if (r.copyName() != null) loops.computeIfAbsent(r.copyName().toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(r);
        // positions of the deployed instances by lower-cased id: dependencies keep declaration order without a scan of all per resource
        Map<String, List<Integer>> deployedAt = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).deployed()) deployedAt.computeIfAbsent(all.get(i).id().toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(i);
        }
        for (PlannedResource r : all) {
            Set<String> deps = new LinkedHashSet<>();
            try {
                g.explicit(r, deps);
                g.implicit(r, deps);
                serialBatch(r, loops, deps);
            } catch (TemplateException e) {
                throw e.at(r.path());
            }
            deps.remove(r.id().toLowerCase(Locale.ROOT));
            List<Integer> at = new ArrayList<>();
            for (String dep : deps) at.addAll(deployedAt.getOrDefault(dep, List.of()));
            at.sort(null);
            List<String> ids = new ArrayList<>();
            for (int i : at) if (!ids.contains(all.get(i).id())) ids.add(all.get(i).id());
            resolved.add(r.withDependsOn(ids));
        }
        return topological(resolved);
    }

    private void explicit(PlannedResource r, Set<String> deps) {
        JsonNode dependsOn = r.definition().get("dependsOn");
        if (dependsOn == null || !dependsOn.isArray()) return;
        EvalContext ctx = r.context();
        for (JsonNode entry : dependsOn) {
            JsonNode v = Evaluator.value(entry, ctx);
            if (!v.isTextual()) throw TemplateErrors.invalid("The template resource 'dependsOn' entries must be strings.");
            List<PlannedResource> hit = lookup(v.textValue());
            if (hit.isEmpty()) throw TemplateErrors.resourceNotDefined(display(v.textValue()));
            for (PlannedResource h : hit) deps.add(h.id().toLowerCase(Locale.ROOT));
        }
    }

    /** ARM names a missing dependency as {@code type/name}, whatever form the template used. */
    private static String display(String ref) {
        return ref.startsWith("/") ? restore(ref) : ref;
    }

    private static String restore(String id) {
        int p = id.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        if (p < 0) return id;
        String[] s = id.substring(p + "/providers/".length()).split("/");
        StringBuilder type = new StringBuilder(s[0]), name = new StringBuilder();
        for (int i = 1; i + 1 < s.length; i += 2) {
            type.append('/').append(s[i]);
            if (name.length() > 0) name.append('/');
            name.append(s[i + 1]);
        }
        return type + "/" + name;
    }

    /** {@code reference(x)} / {@code list*(x, ...)} anywhere in the body make {@code x} a dependency. */
    private void implicit(PlannedResource r, Set<String> deps) {
        JsonNode def = r.definition();
        EvalContext ctx = r.context().at(EvalContext.Placement.RESOURCE_HEADER);
        boolean innerNested = r.isNestedDeployment()
                && "inner".equalsIgnoreCase(def.path("properties").path("expressionEvaluationOptions").path("scope").asText());
        for (var it = def.fields(); it.hasNext(); ) {
            var e = it.next();
            switch (e.getKey()) {
                case "dependsOn", "copy", "resources", "type", "apiVersion" -> { }
                case "properties" -> {
                    if (innerNested) {
                        for (var p = e.getValue().fields(); p.hasNext(); ) {
                            var pe = p.next();
                            if (!pe.getKey().equals("template")) scan(pe.getValue(), ctx, deps);
                        }
                    } else {
                        scan(e.getValue(), ctx, deps);
                    }
                }
                default -> scan(e.getValue(), ctx, deps);
            }
        }
    }

    private void scan(JsonNode node, EvalContext ctx, Set<String> deps) {
        if (node.isTextual()) {
            String s = node.textValue();
            if (ExpressionParser.isExpression(s) && (s.contains("reference") || s.contains("list") || s.contains("List"))) {
                walk(ExpressionParser.parse(s), ctx, deps);
            }
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) scan(child, ctx, deps);
        }
    }

    private void walk(Expr e, EvalContext ctx, Set<String> deps) {
        if (e instanceof Expr.Call c) {
            if ((c.key().equals("reference") || c.key().equals("references") || c.key().startsWith("list")) && !c.args().isEmpty()) {
                String target = staticString(c.args().get(0), ctx);
                if (target != null) for (PlannedResource h : lookup(target)) deps.add(h.id().toLowerCase(Locale.ROOT));
            }
            for (Expr a : c.args()) walk(a, ctx, deps);
        } else if (e instanceof Expr.Member m) {
            walk(m.target(), ctx, deps);
        } else if (e instanceof Expr.Index i) {
            walk(i.target(), ctx, deps);
            walk(i.index(), ctx, deps);
        }
    }

    /** The argument's value when it can be known before deployment (no runtime functions in it), else null. */
    private static String staticString(Expr arg, EvalContext ctx) {
        try {
            JsonNode v = Evaluator.eval(arg, ctx);
            return v.isTextual() ? v.textValue() : null;
        } catch (TemplateException e) {
            return null;
        }
    }

    /** {@code "mode": "serial", "batchSize": k}: each batch waits for the previous one. */
    private static void serialBatch(PlannedResource r, Map<String, List<PlannedResource>> loops, Set<String> deps) {
        JsonNode copy = r.definition().get("copy");
        if (r.copyName() == null || copy == null || !"serial".equalsIgnoreCase(copy.path("mode").asText())) return;
        List<PlannedResource> loop = loops.get(r.copyName().toLowerCase(Locale.ROOT));
        int count = loop.size();
        JsonNode rawBatch = copy.get("batchSize");
        int batch = 1;
        if (rawBatch != null) {
            JsonNode b = Evaluator.value(rawBatch, r.context());
            if (!b.isIntegralNumber() || b.longValue() < 0 || b.longValue() > count) throw TemplateErrors.copyBatchSize(count);
            batch = Math.max(1, b.intValue());
        }
        int myBatch = r.copyIndex() / batch;
        if (myBatch == 0) return;
        for (PlannedResource other : loop) {
            if (other.copyIndex() / batch == myBatch - 1) deps.add(other.id().toLowerCase(Locale.ROOT));
        }
    }

    /** Kahn's algorithm, stable in declaration order; what remains is a cycle. */
    private static List<PlannedResource> topological(List<PlannedResource> resources) {
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<PlannedResource>> dependents = new HashMap<>();
        for (PlannedResource r : resources) {
            pending.put(key(r), r.dependsOn().size());
            for (String d : r.dependsOn()) dependents.computeIfAbsent(d.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(r);
        }
        java.util.ArrayDeque<PlannedResource> ready = new java.util.ArrayDeque<>();
        for (PlannedResource r : resources) if (r.dependsOn().isEmpty()) ready.add(r);
        List<PlannedResource> out = new ArrayList<>(resources.size());
        Set<PlannedResource> done = new java.util.HashSet<>();
        while (!ready.isEmpty()) {
            PlannedResource r = ready.poll();
            if (!done.add(r)) continue;
            out.add(r);
            if (!r.deployed()) continue;
            for (PlannedResource dep : dependents.getOrDefault(r.id().toLowerCase(Locale.ROOT), List.of())) {
                int left = pending.merge(key(dep), -countEdges(dep, r.id()), Integer::sum);
                if (left == 0) ready.add(dep);
            }
        }
        if (out.size() < resources.size()) {
            List<String> cycle = new ArrayList<>();
            for (PlannedResource r : resources) if (!done.contains(r) && r.deployed()) cycle.add("'" + r.id() + "'");
            throw TemplateErrors.circularDependency(String.join(", ", cycle));
        }
        return out;
    }

    private static int countEdges(PlannedResource r, String id) {
        int n = 0;
        for (String d : r.dependsOn()) if (d.equalsIgnoreCase(id)) n++;
        return n;
    }

    private static String key(PlannedResource r) { return r.path() + "#" + r.copyIndex() + "#" + r.id(); }
}
