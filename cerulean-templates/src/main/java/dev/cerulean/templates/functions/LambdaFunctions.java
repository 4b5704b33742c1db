package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.templates.EvalContext;
import dev.cerulean.templates.Evaluator;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;
import dev.cerulean.templates.expr.Expr;

import java.util.ArrayList;
import java.util.List;

import static dev.cerulean.templates.Functions.add;
import static dev.cerulean.templates.Functions.addLazy;

/**
 * Lambda functions (deployments.md §3.7): {@code filter(arr, lambda('x', ...))}, {@code map},
 * {@code reduce}, {@code sort}, {@code toObject}, plus {@code mapValues} and {@code groupBy}. The
 * lambda's body is evaluated once per element with {@code lambdaVariables('x')} bound.
 */
public final class LambdaFunctions {
    private LambdaFunctions() {}

    private record Lambda(List<String> names, Expr body) {
        JsonNode apply(EvalContext ctx, JsonNode... values) {
            EvalContext inner = ctx;
            for (int i = 0; i < names.size() && i < values.length; i++) inner = inner.withLambdaVariable(names.get(i), values[i]);
            return Evaluator.eval(body, inner);
        }
    }

    public static void register() {
        addLazy("filter", 2, 2, (n, args, ctx) -> {
            ArrayNode out = Values.array();
            Lambda f = lambda(n, args.get(1), 1);
            int i = 0;
            for (JsonNode item : array(n, args.get(0), ctx)) {
                JsonNode keep = f.apply(ctx, item, Values.of(i++));
                if (!keep.isBoolean()) throw TemplateErrors.argumentType(n, "a lambda returning a boolean", Values.typeName(keep));
                if (keep.booleanValue()) out.add(item);
            }
            return out;
        });
        addLazy("map", 2, 2, (n, args, ctx) -> {
            ArrayNode out = Values.array();
            Lambda f = lambda(n, args.get(1), 1);
            int i = 0;
            for (JsonNode item : array(n, args.get(0), ctx)) out.add(f.apply(ctx, item, Values.of(i++)));
            return out;
        });
        addLazy("reduce", 3, 3, (n, args, ctx) -> {
            JsonNode acc = Evaluator.eval(args.get(1), ctx);
            Lambda f = lambda(n, args.get(2), 2);
            int i = 0;
            for (JsonNode item : array(n, args.get(0), ctx)) acc = f.apply(ctx, acc, item, Values.of(i++));
            return acc;
        });
        addLazy("sort", 2, 2, (n, args, ctx) -> {
            List<JsonNode> items = new ArrayList<>();
            array(n, args.get(0), ctx).forEach(items::add);
            Lambda f = lambda(n, args.get(1), 2);
            items.sort((x, y) -> f.apply(ctx, x, y).asBoolean() ? -1 : f.apply(ctx, y, x).asBoolean() ? 1 : 0);
            ArrayNode out = Values.array();
            items.forEach(out::add);
            return out;
        });
        addLazy("toObject", 2, 3, (n, args, ctx) -> {
            ObjectNode out = Values.object();
            Lambda key = lambda(n, args.get(1), 1);
            Lambda value = args.size() > 2 ? lambda(n, args.get(2), 1) : null;
            for (JsonNode item : array(n, args.get(0), ctx)) {
                JsonNode k = key.apply(ctx, item);
                if (!k.isTextual()) throw TemplateErrors.argumentType(n, "a key lambda returning a string", Values.typeName(k));
                out.set(k.textValue(), value == null ? item : value.apply(ctx, item));
            }
            return out;
        });
        addLazy("mapValues", 2, 2, (n, args, ctx) -> {
            JsonNode obj = Evaluator.eval(args.get(0), ctx);
            if (!obj.isObject()) throw TemplateErrors.argumentType(n, "of type 'Object'", Values.typeName(obj));
            Lambda f = lambda(n, args.get(1), 1);
            ObjectNode out = Values.object();
            obj.fields().forEachRemaining(e -> out.set(e.getKey(), f.apply(ctx, e.getValue())));
            return out;
        });
        addLazy("groupBy", 2, 2, (n, args, ctx) -> {
            Lambda f = lambda(n, args.get(1), 1);
            ObjectNode out = Values.object();
            for (JsonNode item : array(n, args.get(0), ctx)) {
                String k = Values.display(f.apply(ctx, item));
                (out.has(k) ? (ArrayNode) out.get(k) : out.putArray(k)).add(item);
            }
            return out;
        });
        addLazy("lambda", 2, Integer.MAX_VALUE, (n, args, ctx) -> { throw TemplateErrors.functionNotExpected("lambda"); });
        add("lambdaVariables", 1, 1, a -> a.ctx().lambdaVariable(a.str(0)));
    }

    private static JsonNode array(String fn, Expr e, EvalContext ctx) {
        JsonNode v = Evaluator.eval(e, ctx);
        if (!v.isArray()) throw TemplateErrors.argumentType(fn, "of type 'Array'", Values.typeName(v));
        return v;
    }

    private static Lambda lambda(String fn, Expr e, int maxNames) {
        if (!(e instanceof Expr.Call c) || !c.key().equals("lambda") || c.args().size() < 2) {
            throw TemplateErrors.argumentType(fn, "a lambda expression", "Expression");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < c.args().size() - 1; i++) {
            if (!(c.args().get(i) instanceof Expr.Str s)) throw TemplateErrors.argumentType("lambda", "a string variable name", "Expression");
            names.add(s.value());
        }
        if (names.size() > maxNames + 1) throw TemplateErrors.arity("lambda", 2, maxNames + 2);
        return new Lambda(names, c.args().get(c.args().size() - 1));
    }
}
