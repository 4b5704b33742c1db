package dev.cerulean.templates.expr;

import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.TemplateException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses the text between the outer brackets of a template expression (deployments.md §3.6). A
 * hand-written recursive descent over one pass of the characters; parsed trees are cached because
 * templates repeat the same expressions in every copy of a loop.
 */
public final class ExpressionParser {
    /** Azure's limit on one expression (deployments.md §3.1). */
    public static final int MAX_LENGTH = 24_576;
    private static final int CACHE_LIMIT = 20_000;
    private static final ConcurrentHashMap<String, Expr> CACHE = new ConcurrentHashMap<>();

    private final String source;   // the expression without its brackets, as ARM's messages quote it
    private final String text;
    private int pos;

    private ExpressionParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** True when a JSON string is an expression: starts with {@code [}, ends with {@code ]}, not escaped {@code [[}. */
    public static boolean isExpression(String s) {
        int n = s.length();
        return n >= 2 && s.charAt(0) == '[' && s.charAt(n - 1) == ']' && s.charAt(1) != '[';
    }

    /** The literal a non-expression string stands for: {@code [[x]} is {@code [x]}. */
    public static String literal(String s) {
        return s.length() >= 2 && s.charAt(0) == '[' && s.charAt(1) == '[' && s.charAt(s.length() - 1) == ']'
                ? s.substring(1) : s;
    }

    /** Parses {@code "[...]"} (the caller checked {@link #isExpression}). */
    public static Expr parse(String bracketed) {
        Expr cached = CACHE.get(bracketed);
        if (cached != null) return cached;
        if (bracketed.length() > MAX_LENGTH) throw TemplateErrors.expressionTooLong(bracketed.length(), MAX_LENGTH);
        String inner = bracketed.substring(1, bracketed.length() - 1);
        ExpressionParser p = new ExpressionParser(inner, inner);
        p.skipSpace();
        if (p.pos >= p.text.length()) throw TemplateErrors.parse(inner, "Identifier", "EndOfData");
        Expr e = p.expression();
        p.skipSpace();
        if (p.pos < p.text.length()) throw TemplateErrors.parse(inner, "EndOfData", p.tokenName());
        if (CACHE.size() > CACHE_LIMIT) CACHE.clear();
        CACHE.put(bracketed, e);
        return e;
    }

    /** Forgets parsed trees (the speed check measures parsing as well as evaluation). */
    public static void clearCache() { CACHE.clear(); }

    private Expr expression() {
        skipSpace();
        Expr e = primary();
        while (true) {
            skipSpace();
            if (pos >= text.length()) return e;
            char c = text.charAt(pos);
            if (c == '.') {
                pos++;
                skipSpace();
                e = new Expr.Member(e, identifier());
            } else if (c == '[') {
                pos++;
                Expr index = expression();
                skipSpace();
                expect(']', "RightSquareBracket");
                e = new Expr.Index(e, index);
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        if (pos >= text.length()) throw TemplateErrors.parse(source, "Identifier", "EndOfData");
        char c = text.charAt(pos);
        if (c == '\'') return new Expr.Str(string());
        if (c == '-' || (c >= '0' && c <= '9')) return integer();
        if (isIdentifierStart(c)) return call();
        throw TemplateErrors.parse(source, "Identifier", tokenName());
    }

    private Expr call() {
        String name = identifier();
        skipSpace();
        // a user-defined function: namespace.member(...)
        if (pos < text.length() && text.charAt(pos) == '.') {
            int save = pos;
            pos++;
            skipSpace();
            if (pos < text.length() && isIdentifierStart(text.charAt(pos))) {
                String member = identifier();
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '(') {
                    name = name + "." + member;
                } else {
                    pos = save;
                }
            } else {
                pos = save;
            }
        }
        skipSpace();
        expect('(', "LeftParenthesis");
        List<Expr> args = new ArrayList<>(4);
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            return new Expr.Call(name, args);
        }
        while (true) {
            args.add(expression());
            skipSpace();
            if (pos >= text.length()) throw TemplateErrors.parse(source, "RightParenthesis", "EndOfData");
            char c = text.charAt(pos);
            if (c == ',') { pos++; continue; }
            if (c == ')') { pos++; return new Expr.Call(name, args); }
            throw TemplateErrors.parse(source, "RightParenthesis", tokenName());
        }
    }

    private String string() {
        int start = pos + 1; // position in the JSON string (after '[') for messages
        pos++;
        StringBuilder sb = null;
        int from = pos;
        while (true) {
            if (pos >= text.length()) throw TemplateErrors.badCharacter(source, '\'', start);
            char c = text.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                    if (sb == null) sb = new StringBuilder();
                    sb.append(text, from, pos + 1);
                    pos += 2;
                    from = pos;
                    continue;
                }
                String piece = text.substring(from, pos);
                pos++;
                return sb == null ? piece : sb.append(piece).toString();
            }
            pos++;
        }
    }

    private Expr integer() {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
        if (pos == digits) throw TemplateErrors.badCharacter(source, '-', start + 1);
        if (pos < text.length() && text.charAt(pos) == '.') {
            throw TemplateErrors.badCharacter(source, '.', pos + 1);
        }
        try {
            return new Expr.Int(Long.parseLong(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw TemplateErrors.parse(source, "Integer", text.substring(start, pos));
        }
    }

    private String identifier() {
        if (pos >= text.length()) throw TemplateErrors.parse(source, "Identifier", "EndOfData");
        if (!isIdentifierStart(text.charAt(pos))) throw TemplateErrors.parse(source, "Identifier", tokenName());
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) pos++;
        return text.substring(start, pos);
    }

    private void expect(char c, String token) {
        if (pos >= text.length()) throw TemplateErrors.parse(source, token, "EndOfData");
        if (text.charAt(pos) != c) throw TemplateErrors.parse(source, token, tokenName());
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    /** ARM's name for the token at the current position, as its parse errors print it. */
    private String tokenName() {
        if (pos >= text.length()) return "EndOfData";
        char c = text.charAt(pos);
        return switch (c) {
            case '(' -> "LeftParenthesis";
            case ')' -> "RightParenthesis";
            case '[' -> "LeftSquareBracket";
            case ']' -> "RightSquareBracket";
            case ',' -> "Comma";
            case '.' -> "Dot";
            case '\'' -> "String";
            default -> Character.isDigit(c) || c == '-' ? "Integer" : isIdentifierStart(c) ? "Identifier" : "Literal";
        };
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

}
