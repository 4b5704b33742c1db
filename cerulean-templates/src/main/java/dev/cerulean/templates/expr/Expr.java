package dev.cerulean.templates.expr;

import java.util.List;
import java.util.Locale;

/** A parsed template language expression (deployments.md §3.6): literals, calls and postfix accessors. */
public sealed interface Expr {

    record Str(String value) implements Expr {}

    record Int(long value) implements Expr {}

    /** {@code f(a, ...)} or a user function {@code ns.f(a, ...)}; {@code key} is the lower-cased name for lookups. */
    record Call(String name, String key, List<Expr> args) implements Expr {
        public Call(String name, List<Expr> args) { this(name, name.toLowerCase(Locale.ROOT), List.copyOf(args)); }
    }

    /** {@code target.name}. */
    record Member(Expr target, String name) implements Expr {}

    /** {@code target[index]}: a property name or an array position. */
    record Index(Expr target, Expr index) implements Expr {}
}
