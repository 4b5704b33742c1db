package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.GraphErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code $filter} forms az sends (graph-rbac.md §1.2-§2.6), joined by {@code and}:
 * {@code p eq 'v'}, {@code startswith(p,'v')} and {@code p/any(x:x eq 'v')}. Each entity names the
 * properties it allows per form; anything else, or any other syntax, is Graph's 400
 * {@code Request_UnsupportedQuery} rather than being ignored. Strings compare case-insensitively.
 */
final class GraphFilter {

    enum Form { EQ, STARTS_WITH, ANY_EQ }

    /** Which properties an entity set filters on, per form; names are Graph's spelling. */
    record Allowed(Set<String> eq, Set<String> startsWith, Set<String> anyEq) {
        static final Allowed NONE = new Allowed(Set.of(), Set.of(), Set.of());
    }

    private record Clause(Form form, String property, String value) {}

    private final List<Clause> clauses;

    private GraphFilter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    static GraphFilter none() {
        return new GraphFilter(List.of());
    }

    static GraphFilter parse(String text, Allowed allowed) {
        if (text == null) return none();
        Parser parser = new Parser(text);
        List<Clause> clauses = new ArrayList<>();
        do {
            clauses.add(parser.clause(allowed));
        } while (parser.and());
        parser.end();
        return new GraphFilter(List.copyOf(clauses));
    }

    boolean matches(JsonNode object) {
        for (Clause c : clauses) {
            if (!matches(c, object.path(c.property()))) return false;
        }
        return true;
    }

    private static boolean matches(Clause c, JsonNode value) {
        return switch (c.form()) {
            case EQ -> value.isTextual() && value.asText().equalsIgnoreCase(c.value());
            case STARTS_WITH -> value.isTextual() && value.asText().toLowerCase(Locale.ROOT)
                    .startsWith(c.value().toLowerCase(Locale.ROOT));
            case ANY_EQ -> {
                for (JsonNode item : value) {
                    if (item.isTextual() && item.asText().equalsIgnoreCase(c.value())) yield true;
                }
                yield false;
            }
        };
    }

    /** A small recursive-descent reader over the filter text; any surprise is an unsupported query. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Clause clause(Allowed allowed) {
            skipSpaces();
            if (word("startswith")) {
                expect('(');
                String property = canonical(identifier(), allowed.startsWith());
                expect(',');
                String value = string();
                expect(')');
                return new Clause(Form.STARTS_WITH, property, value);
            }
            String name = identifier();
            skipSpaces();
            if (peek('/')) {
                at++;
                String property = canonical(name, allowed.anyEq());
                if (!word("any")) throw unsupported();
                expect('(');
                String variable = identifier();
                expect(':');
                if (!identifier().equals(variable)) throw unsupported();
                keyword("eq");
                String value = string();
                expect(')');
                return new Clause(Form.ANY_EQ, property, value);
            }
            String property = canonical(name, allowed.eq());
            keyword("eq");
            return new Clause(Form.EQ, property, string());
        }

        boolean and() {
            skipSpaces();
            int mark = at;
            if (word("and") && at < text.length() && text.charAt(at) == ' ') return true;
            at = mark;
            return false;
        }

        void end() {
            skipSpaces();
            if (at != text.length()) throw unsupported();
        }

        private String canonical(String name, Set<String> allowed) {
            for (String property : allowed) {
                if (property.equalsIgnoreCase(name)) return property;
            }
            throw unsupported();
        }

        private String identifier() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) at++;
            if (start == at) throw unsupported();
            return text.substring(start, at);
        }

        private String string() {
            skipSpaces();
            if (!peek('\'')) throw unsupported();
            StringBuilder out = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c != '\'') {
                    out.append(c);
                } else if (peek('\'')) { // '' is a quote inside the literal
                    out.append('\'');
                    at++;
                } else {
                    return out.toString();
                }
            }
            throw unsupported();
        }

        private void keyword(String word) {
            skipSpaces();
            if (!word(word)) throw unsupported();
        }

        private boolean word(String word) {
            if (text.regionMatches(true, at, word, 0, word.length())) {
                int end = at + word.length();
                if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                    at = end;
                    return true;
                }
            }
            return false;
        }

        private void expect(char c) {
            skipSpaces();
            if (!peek(c)) throw unsupported();
            at++;
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') at++;
        }

        private RuntimeException unsupported() {
            return GraphErrors.unsupportedFilter(text);
        }
    }
}
