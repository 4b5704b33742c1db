package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A route table: patterns like {@code /{tenant}/oauth2/token} or {@code /subscriptions/*}, matched
 * in the order they were added, literal segments case-insensitively, empty segments (a trailing or
 * doubled slash) ignored. {@code {name}} matches one segment, a final {@code *} any number (zero
 * included). Surfaces add their routes in one place so each table reads top to bottom.
 */
public final class Routes {

    /** Answers one routed request; throws {@link ApiError} for anything the client got wrong. */
    @FunctionalInterface
    public interface Route {
        void handle(Exchange exchange) throws Exception;
    }

    private record Entry(String method, String[] segments, boolean tail, Route route) {}

    /** The routes of the request's path and method, or why there is none. */
    public record Match(Route route, Map<String, String> params, boolean pathKnown) {}

    private final List<Entry> entries = new ArrayList<>();

    public Routes get(String pattern, Route route) {
        return add("GET", pattern, route);
    }

    public Routes post(String pattern, Route route) {
        return add("POST", pattern, route);
    }

    /** Every method; the route itself answers 405 for the ones it does not serve. */
    public Routes any(String pattern, Route route) {
        return add(null, pattern, route);
    }

    public Routes add(String method, String pattern, Route route) {
        List<String> parts = split(pattern);
        boolean tail = !parts.isEmpty() && parts.get(parts.size() - 1).equals("*");
        if (tail) parts.remove(parts.size() - 1);
        String[] segments = parts.stream().map(p -> p.startsWith("{") ? p : p.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        entries.add(new Entry(method, segments, tail, route));
        return this;
    }

    /** The first route whose pattern and method match; {@code pathKnown} says a pattern matched with another method. */
    public Match match(String method, String rawPath) {
        List<String> path = split(rawPath);
        boolean pathKnown = false;
        for (Entry e : entries) {
            Map<String, String> params = matches(e, path);
            if (params == null) continue;
            if (e.method() == null || e.method().equals(method)) return new Match(e.route(), params, true);
            pathKnown = true;
        }
        return new Match(null, Map.of(), pathKnown);
    }

    private static Map<String, String> matches(Entry e, List<String> path) {
        String[] s = e.segments();
        if (path.size() < s.length || (!e.tail() && path.size() != s.length)) return null;
        Map<String, String> params = null;
        for (int i = 0; i < s.length; i++) {
            String want = s[i];
            String got = path.get(i);
            if (want.startsWith("{")) {
                if (params == null) params = new HashMap<>(4);
                params.put(want.substring(1, want.length() - 1), Exchange.decode(got));
            } else if (!want.equalsIgnoreCase(got)) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>(8);
        int start = 0;
        int n = path.length();
        while (start < n) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            if (end > start) out.add(path.substring(start, end));
            start = end + 1;
        }
        return out;
    }
}
