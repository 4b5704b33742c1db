package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.templates.expr.Expr;
import dev.cerulean.templates.expr.ExpressionParser;
import dev.cerulean.templates.functions.ResourceFunctions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions and template values: a JSON string is an expression when bracketed
 * (deployments.md §3.6); objects and arrays are evaluated member by member, members that evaluate
 * to null are dropped, and a {@code copy} array inside an object expands into the properties it names.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Evaluates one bracketed expression such as {@code [concat('a', 'b')]}. */
    public static JsonNode expression(String bracketed, EvalContext ctx) {
        return eval(ExpressionParser.parse(bracketed), ctx);
    }

    /** A JSON string value: evaluated when it is an expression, else the literal with {@code [[} unescaped. */
    public static JsonNode string(String s, EvalContext ctx) {
        if (ExpressionParser.isExpression(s)) return expression(s, ctx);
        String lit = ExpressionParser.literal(s);
        return Values.of(lit);
    }

    /** A template value, deeply. */
    public static JsonNode value(JsonNode node, EvalContext ctx) {
        if (node == null) return Values.NULL;
        if (node.isTextual()) return string(node.textValue(), ctx);
        if (node.isArray()) {
            ArrayNode out = Values.array();
            for (JsonNode item : node) out.add(value(item, ctx));
            return out;
        }
        if (node.isObject()) return object((ObjectNode) node, ctx);
        return node;
    }

    private static JsonNode object(ObjectNode node, EvalContext ctx) {
        ObjectNode out = Values.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("copy") && isPropertyCopy(e.getValue())) {
                for (JsonNode loop : e.getValue()) expandPropertyCopy(loop, ctx, out);
                continue;
            }
            JsonNode v = value(e.getValue(), ctx);
            if (!Values.isNull(v)) out.set(e.getKey(), v);
        }
        return out;
    }

    private static boolean isPropertyCopy(JsonNode v) {
        if (!v.isArray() || v.isEmpty()) return false;
        for (JsonNode loop : v) if (!loop.isObject() || !loop.has("name") || !loop.has("input")) return false;
        return true;
    }

    /** {@code "copy": [{"name": "disks", "count": 3, "input": {...}}]} → {@code "disks": [...]}. */
    static void expandPropertyCopy(JsonNode loop, EvalContext ctx, ObjectNode out) {
        String name = Evaluator.value(loop.get("name"), ctx).asText();
        int count = copyCount(loop.get("count"), ctx);
        ArrayNode items = Values.array();
        for (int i = 0; i < count; i++) items.add(value(loop.get("input"), ctx.inCopy(name, i)));
        out.set(name, items);
    }

    /** A copy loop's count: an integer 0..800 (deployments.md §3.4). */
    public static int copyCount(JsonNode raw, EvalContext ctx) {
        JsonNode n = raw == null ? Values.NULL : value(raw, ctx);
        if (!n.isIntegralNumber() || n.longValue() < 0 || n.longValue() > 800) throw TemplateErrors.copyCount(0, 0);
        return n.intValue();
    }

    public static JsonNode eval(Expr e, EvalContext ctx) {
        if (e instanceof Expr.Str s) return Values.of(s.value());
        if (e instanceof Expr.Int i) return Values.of(i.value());
        if (e instanceof Expr.Call c) return call(c, ctx);
        if (e instanceof Expr.Member m) return member(eval(m.target(), ctx), m.name());
        Expr.Index ix = (Expr.Index) e;
        return index(eval(ix.target(), ctx), eval(ix.index(), ctx));
    }

    private static JsonNode call(Expr.Call c, EvalContext ctx) {
        Functions.Def def = Functions.find(c.key());
        if (def == null) {
            if (c.name().indexOf('.') > 0) return ctx.functions.call(c.name(), evalAll(c.args(), ctx), ctx);
            if (c.key().startsWith("list")) return ResourceFunctions.list(c.name(), evalAll(c.args(), ctx), ctx);
            throw TemplateErrors.unknownFunction(c.name());
        }
        int n = c.args().size();
        if (n < def.min() || n > def.max()) throw TemplateErrors.arity(def.name(), def.min(), def.max());
        if (def.lazy() != null) return def.lazy().apply(def.name(), c.args(), ctx);
        return def.fn().apply(new Args(def.name(), evalAll(c.args(), ctx), ctx));
    }

    private static List<JsonNode> evalAll(List<Expr> args, EvalContext ctx) {
        if (args.isEmpty()) return List.of();
        List<JsonNode> out = new ArrayList<>(args.size());
        for (Expr a : args) out.add(eval(a, ctx));
        return out;
    }

    static JsonNode member(JsonNode target, String name) {
        if (target.isObject()) {
            JsonNode v = Values.field(target, name);
            if (v == null) {
                List<String> keys = new ArrayList<>();
                target.fieldNames().forEachRemaining(keys::add);
                throw TemplateErrors.propertyNotFound(name, keys);
            }
            return v;
        }
        throw TemplateErrors.notIndexable(Values.typeName(target), name);
    }

    static JsonNode index(JsonNode target, JsonNode index) {
        if (target.isArray()) {
            if (!index.isIntegralNumber()) throw TemplateErrors.notIndexable(Values.typeName(target), Values.display(index));
            long i = index.longValue();
            if (i < 0 || i >= target.size()) throw TemplateErrors.indexOutOfRange(i, target.size());
            return target.get((int) i);
        }
        if (target.isObject() && index.isTextual()) return member(target, index.textValue());
        throw TemplateErrors.notIndexable(Values.typeName(target), Values.display(index));
    }
}
