package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.templates.expr.Expr;
import dev.cerulean.templates.expr.ExpressionParser;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ARM's validation finds in resource bodies and outputs before anything is deployed
 * (deployments.md §2.6, §2.12): every expression must parse and call known functions with the right
 * number of arguments, and whatever does not depend on deployed resources is evaluated, so unknown
 * parameters and variables, wrong types and bad values are refused with {@code InvalidTemplate}.
 * Parts that read runtime state ({@code reference}, {@code references}, {@code list*}) are only
 * checked for shape; their errors stay deployment-time failures, as on Azure. The not-chosen
 * branches of {@code if}/{@code coalesce} and lambda bodies are checked for shape only, because ARM
 * does not evaluate them either; so are bodies of resources that are not deployed.
 */
final class PlanCheck {
    private static final Set<String> RUNTIME = Set.of("reference", "references");

    private final TemplateText template;
    private final EvalContext.ResourceResolver resolver;

    private PlanCheck(TemplateText template, EvalContext.ResourceResolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /** Checks every resource body (the members {@link DeploymentPlan#body} evaluates) and every output. */
    static void run(DeploymentPlan plan) {
        PlanCheck c = new PlanCheck(plan.template(), plan.resolver());
        for (PlannedResource r : plan.resources()) c.resource(r);
        c.outputs(plan.template().root().get("outputs"), plan.context());
    }

    private void resource(PlannedResource r) {
        EvalContext ctx = r.context().at(EvalContext.Placement.RESOURCE_BODY).withRuntime(RuntimeResources.NONE, resolver);
        boolean evaluate = r.deployed();
        try {
            for (var it = r.definition().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (DeploymentPlan.HEADER.contains(e.getKey())) continue;
                if (r.isNestedDeployment() && e.getKey().equals("properties") && e.getValue().isObject()) {
                    for (var p = e.getValue().fields(); p.hasNext(); ) {
                        var pe = p.next();
                        if (!pe.getKey().equals("template")) value(pe.getValue(), ctx, evaluate);
                    }
                } else {
                    value(e.getValue(), ctx, evaluate);
                }
            }
        } catch (TemplateException e) {
            TemplateText.Position at = template.position(r.path());
            throw TemplateErrors.resourceInvalid(r.name(), at.line(), at.column(), e).at(r.path()).withPosition(at.line(), at.column());
        }
    }

    private void outputs(JsonNode defs, EvalContext base) {
        if (defs == null || !defs.isObject()) return;
        EvalContext ctx = base.at(EvalContext.Placement.OUTPUT).withRuntime(RuntimeResources.NONE, resolver);
        for (var it = defs.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode def = Parameters.resolveRef(e.getValue(), template.root(), "outputs." + e.getKey());
            String path = "outputs." + e.getKey();
            TemplateException wrongType = null;
            try {
                boolean evaluate = true;
                if (def.has("condition")) {
                    value(def.get("condition"), ctx, true);
                    if (hasRuntime(def.get("condition"))) {
                        evaluate = false; // the value may never be evaluated
                    } else {
                        JsonNode c = Evaluator.value(def.get("condition"), ctx);
                        evaluate = !c.isBoolean() || c.booleanValue();
                    }
                }
                if (def.has("copy") && def.get("copy").isObject()) {
                    copy(e.getKey(), def.get("copy"), ctx, evaluate);
                } else if (def.has("value")) {
                    JsonNode v = def.get("value");
                    if (evaluate && !hasRuntime(v)) {
                        JsonNode out = Evaluator.value(v, ctx);
                        String type = def.path("type").asText("string");
                        if (!Values.isNull(out) && Parameters.isKnownType(type)) {
                            try {
                                Parameters.checkType(type, out);
                            } catch (TemplateException wrong) {
                                wrongType = TemplateErrors.outputType(e.getKey(), Parameters.pascalType(type), Values.typeName(out));
                            }
                        }
                    } else {
                        value(v, ctx, evaluate);
                    }
                }
            } catch (TemplateException ex) {
                TemplateText.Position at = template.position(path);
                throw TemplateErrors.outputInvalid(e.getKey(), at.line(), at.column(), ex).at(path).withPosition(at.line(), at.column());
            }
            if (wrongType != null) {
                TemplateText.Position at = template.position(path);
                throw wrongType.at(path).withPosition(at.line(), at.column());
            }
        }
    }

    /** {@code {"count": n, "input": ...}}: the input is checked for the first iteration, when there is one. */
    private void copy(String loop, JsonNode copy, EvalContext ctx, boolean evaluate) {
        JsonNode count = copy.get("count");
        value(count, ctx, evaluate);
        boolean any = false;
        if (evaluate && count != null && !hasRuntime(count)) any = Evaluator.copyCount(count, ctx) > 0;
        value(copy.get("input"), ctx.inCopy(loop, 0), any);
    }

    /** A template value: runtime-free parts evaluated (when {@code evaluate}), the rest checked for shape. */
    private void value(JsonNode node, EvalContext ctx, boolean evaluate) {
        if (node == null) return;
        if (evaluate && !hasRuntime(node)) {
            Evaluator.value(node, ctx);
            return;
        }
        if (node.isTextual()) {
            if (ExpressionParser.isExpression(node.textValue())) expression(ExpressionParser.parse(node.textValue()), ctx, evaluate);
        } else if (node.isArray()) {
            for (JsonNode item : node) value(item, ctx, evaluate);
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("copy") && e.getValue().isArray()) {
                    for (JsonNode loop : e.getValue()) {
                        JsonNode name = loop.get("name");
                        if (loop.isObject() && name != null && name.isTextual() && !ExpressionParser.isExpression(name.textValue())) {
                            copy(name.textValue(), loop, ctx, evaluate);
                        } else {
                            value(loop, ctx, false);
                        }
                    }
                } else {
                    value(e.getValue(), ctx, evaluate);
                }
            }
        }
    }

    private void expression(Expr e, EvalContext ctx, boolean evaluate) {
        if (evaluate && !hasRuntime(e)) {
            Evaluator.eval(e, ctx);
            return;
        }
        if (e instanceof Expr.Call c) {
            call(c, ctx);
            Functions.Def def = Functions.find(c.key());
            boolean lazy = def != null && def.lazy() != null;
            List<Expr> args = c.args();
            for (int i = 0; i < args.size(); i++) expression(args.get(i), ctx, evaluate && (!lazy || i == 0));
        } else if (e instanceof Expr.Member m) {
            expression(m.target(), ctx, evaluate);
        } else if (e instanceof Expr.Index ix) {
            expression(ix.target(), ctx, evaluate);
            expression(ix.index(), ctx, evaluate);
        }
    }

    /** The checks that need no values: the function exists, its argument count, declared names. */
    private void call(Expr.Call c, EvalContext ctx) {
        Functions.Def def = Functions.find(c.key());
        int n = c.args().size();
        if (def == null) {
            if (c.name().indexOf('.') > 0) ctx.functions.checkCall(c.name(), n);
            else if (isList(c)) { if (n < 2 || n > 3) throw TemplateErrors.arity(c.name(), 2, 3); }
            else throw TemplateErrors.unknownFunction(c.name());
        } else if (n < def.min() || n > def.max()) {
            throw TemplateErrors.arity(def.name(), def.min(), def.max());
        }
        if (n == 0 || !(c.args().get(0) instanceof Expr.Str s)) return;
        switch (c.key()) {
            case "parameters" -> ctx.parameter(s.value());
            case "variables" -> ctx.variable(s.value());
            default -> {
                // by name without an api-version, reference() can only mean a resource of this template
                if (RUNTIME.contains(c.key()) && n == 1 && !s.value().startsWith("/") && resolver.resolve(s.value()) == null) {
                    throw TemplateErrors.badReference(s.value());
                }
            }
        }
    }

    private static boolean isList(Expr.Call c) {
        return c.key().startsWith("list") && Functions.find(c.key()) == null;
    }

    static boolean hasRuntime(Expr e) {
        if (e instanceof Expr.Call c) {
            if (RUNTIME.contains(c.key()) || isList(c)) return true;
            for (Expr a : c.args()) if (hasRuntime(a)) return true;
            return false;
        }
        if (e instanceof Expr.Member m) return hasRuntime(m.target());
        if (e instanceof Expr.Index ix) return hasRuntime(ix.target()) || hasRuntime(ix.index());
        return false;
    }

    private static boolean hasRuntime(JsonNode node) {
        if (node == null) return false;
        if (node.isTextual()) {
            String s = node.textValue();
            return ExpressionParser.isExpression(s) && hasRuntime(ExpressionParser.parse(s));
        }
        if (node.isContainerNode()) for (JsonNode child : node) if (hasRuntime(child)) return true;
        return false;
    }
}
