package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.EvalContext;
import dev.cerulean.templates.Evaluator;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;
import dev.cerulean.templates.expr.Expr;

import java.util.List;
import java.util.Locale;

import static dev.cerulean.templates.Functions.MANY;
import static dev.cerulean.templates.Functions.add;
import static dev.cerulean.templates.Functions.addLazy;

/** Logical, comparison and numeric functions (deployments.md §3.7); {@code if} and {@code coalesce} are lazy. */
public final class LogicFunctions {
    private LogicFunctions() {}

    public static void register() {
        add("and", 2, MANY, a -> { boolean r = true; for (int i = 0; i < a.size(); i++) r &= a.bool(i); return Values.of(r); });
        add("or", 2, MANY, a -> { boolean r = false; for (int i = 0; i < a.size(); i++) r |= a.bool(i); return Values.of(r); });
        add("not", 1, 1, a -> Values.of(!a.bool(0)));
        add("true", 0, 0, a -> Values.of(true));
        add("false", 0, 0, a -> Values.of(false));
        add("null", 0, 0, a -> Values.NULL);
        add("bool", 1, 1, LogicFunctions::toBool);
        addLazy("if", 3, 3, LogicFunctions::ifThen);
        addLazy("coalesce", 1, MANY, LogicFunctions::coalesce);
        add("equals", 2, 2, a -> Values.of(Values.deepEquals(a.get(0), a.get(1))));
        add("less", 2, 2, a -> Values.of(compare(a) < 0));
        add("lessOrEquals", 2, 2, a -> Values.of(compare(a) <= 0));
        add("greater", 2, 2, a -> Values.of(compare(a) > 0));
        add("greaterOrEquals", 2, 2, a -> Values.of(compare(a) >= 0));
        add("int", 1, 1, LogicFunctions::toInt);
        add("float", 1, 1, LogicFunctions::toFloat);
        add("add", 2, 2, a -> Values.of(Math.addExact(a.integer(0), a.integer(1))));
        add("sub", 2, 2, a -> Values.of(Math.subtractExact(a.integer(0), a.integer(1))));
        add("mul", 2, 2, a -> Values.of(Math.multiplyExact(a.integer(0), a.integer(1))));
        add("div", 2, 2, a -> Values.of(a.integer(0) / divisor(a)));
        add("mod", 2, 2, a -> Values.of(a.integer(0) % divisor(a)));
        add("copyIndex", 0, 2, LogicFunctions::copyIndex);
    }

    private static JsonNode ifThen(String name, List<Expr> args, EvalContext ctx) {
        JsonNode cond = Evaluator.eval(args.get(0), ctx);
        if (!cond.isBoolean()) throw TemplateErrors.argumentType(name, "of type 'Boolean'", Values.typeName(cond));
        return Evaluator.eval(args.get(cond.booleanValue() ? 1 : 2), ctx);
    }

    private static JsonNode coalesce(String name, List<Expr> args, EvalContext ctx) {
        for (Expr e : args) {
            JsonNode v = Evaluator.eval(e, ctx);
            if (!Values.isNull(v)) return v;
        }
        return Values.NULL;
    }

    private static JsonNode toBool(Args a) {
        JsonNode v = a.get(0);
        if (v.isBoolean()) return v;
        if (v.isIntegralNumber()) return Values.of(v.longValue() != 0);
        if (v.isTextual()) {
            String s = v.textValue().trim().toLowerCase(Locale.ROOT);
            if (s.equals("true")) return Values.of(true);
            if (s.equals("false")) return Values.of(false);
            throw TemplateErrors.functionFailed(a.function(), "the string '" + v.textValue() + "' is not a valid boolean.");
        }
        throw a.wrongType(0, "a boolean, an integer or a string");
    }

    private static JsonNode toInt(Args a) {
        JsonNode v = a.get(0);
        if (v.isIntegralNumber()) return v;
        if (v.isNumber()) return Values.of((long) v.doubleValue());
        if (v.isTextual()) {
            try {
                return Values.of(Long.parseLong(v.textValue().trim()));
            } catch (NumberFormatException e) {
                throw TemplateErrors.functionFailed(a.function(), "the string '" + v.textValue() + "' is not a valid integer.");
            }
        }
        throw a.wrongType(0, "an integer or a string");
    }

    private static JsonNode toFloat(Args a) {
        JsonNode v = a.get(0);
        if (v.isNumber()) return Values.F.numberNode(v.doubleValue());
        if (v.isTextual()) {
            try {
                return Values.F.numberNode(Double.parseDouble(v.textValue().trim()));
            } catch (NumberFormatException e) {
                throw TemplateErrors.functionFailed(a.function(), "the string '" + v.textValue() + "' is not a valid number.");
            }
        }
        throw a.wrongType(0, "a number or a string");
    }

    private static long divisor(Args a) {
        long d = a.integer(1);
        if (d == 0) throw TemplateErrors.functionFailed(a.function(), "attempted to divide by zero.");
        return d;
    }

    /** Integers by value, strings ordinally; anything else is refused. */
    private static int compare(Args a) {
        JsonNode x = a.get(0), y = a.get(1);
        if (x.isNumber() && y.isNumber()) return Double.compare(x.doubleValue(), y.doubleValue());
        if (x.isTextual() && y.isTextual()) return Integer.signum(x.textValue().compareTo(y.textValue()));
        throw TemplateErrors.argumentType(a.function(), "both integers or both strings",
                Values.typeName(x) + "' and '" + Values.typeName(y));
    }

    private static JsonNode copyIndex(Args a) {
        String loop = null;
        long offset = 0;
        if (a.size() == 1) {
            if (a.get(0).isTextual()) loop = a.str(0); else offset = a.integer(0);
        } else if (a.size() == 2) {
            loop = a.str(0);
            offset = a.integer(1);
        }
        return Values.of(a.ctx().copyIndex(loop) + offset);
    }
}
