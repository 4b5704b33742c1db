package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.templates.expr.Expr;
import dev.cerulean.templates.functions.ArrayFunctions;
import dev.cerulean.templates.functions.DateFunctions;
import dev.cerulean.templates.functions.LambdaFunctions;
import dev.cerulean.templates.functions.LogicFunctions;
import dev.cerulean.templates.functions.NetworkFunctions;
import dev.cerulean.templates.functions.ResourceFunctions;
import dev.cerulean.templates.functions.StringFunctions;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of built-in template functions (deployments.md §3.7): name, argument count and body.
 * Each family registers itself from its own class; names are case-insensitive.
 */
public final class Functions {
    private Functions() {}

    /** A function over evaluated arguments. */
    @FunctionalInterface
    public interface Fn { JsonNode apply(Args args); }

    /** A function that decides itself which arguments to evaluate ({@code if}, {@code coalesce}, lambdas). */
    @FunctionalInterface
    public interface LazyFn { JsonNode apply(String name, List<Expr> args, EvalContext ctx); }

    record Def(String name, int min, int max, Fn fn, LazyFn lazy) {}

    public static final int MANY = Integer.MAX_VALUE;
    private static final Map<String, Def> TABLE = new HashMap<>();

    public static void add(String name, int min, int max, Fn fn) {
        TABLE.put(name.toLowerCase(Locale.ROOT), new Def(name, min, max, fn, null));
    }

    public static void addLazy(String name, int min, int max, LazyFn fn) {
        TABLE.put(name.toLowerCase(Locale.ROOT), new Def(name, min, max, null, fn));
    }

    static Def find(String key) { return TABLE.get(key); }

    /** Every registered name, for tests that check the table covers §3.7. */
    public static java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        TABLE.values().forEach(d -> out.add(d.name()));
        return out;
    }

    static {
        StringFunctions.register();
        ArrayFunctions.register();
        LogicFunctions.register();
        DateFunctions.register();
        ResourceFunctions.register();
        LambdaFunctions.register();
        NetworkFunctions.register();
    }
}
