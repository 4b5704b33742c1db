package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection answer: {@code $filter} applied, pages of {@code $top} (default 100, at most 999)
 * in object-id order, an absolute {@code @odata.nextLink} carrying the last id as {@code $skiptoken}
 * (az follows it verbatim, graph-rbac.md §1.2), {@code $select} honoured. Query options az never
 * sends and Cerulean does not implement ({@code $orderby}, {@code $search}, {@code $expand},
 * {@code $count}, {@code $skip}) are refused, not ignored.
 */
final class GraphCollection {
    private GraphCollection() {}

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 999;
    private static final Set<String> KNOWN_OPTIONS = Set.of("$filter", "$top", "$skiptoken", "$select");

    /**
     * @param items    every member, ordered by {@code id}
     * @param path     the collection's path under the version, e.g. {@code servicePrincipals}
     * @param entitySet the {@code @odata.context} fragment, e.g. {@code servicePrincipals}
     */
    static ObjectNode page(GraphRequest request, List<ObjectNode> items, GraphFilter.Allowed allowed, String path,
                           String entitySet) {
        return page(request, items, allowed, path, entitySet, item -> item);
    }

    /**
     * @param finish completes a member that made it into the page (e.g. with its credentials), so
     *               that filtering a large directory reads only what it answers
     */
    static ObjectNode page(GraphRequest request, List<ObjectNode> items, GraphFilter.Allowed allowed, String path,
                           String entitySet, java.util.function.UnaryOperator<ObjectNode> finish) {
        checkOptions(request.query());
        GraphFilter filter = GraphFilter.parse(request.query().get("$filter"), allowed);
        int top = top(request.query().get("$top"));
        String after = request.query().get("$skiptoken");
        List<String> select = select(request.query().get("$select"));
        ObjectNode out = Json.object().put("@odata.context", request.base() + "/$metadata#" + entitySet);
        ArrayNode value = Json.MAPPER.createArrayNode();
        String last = null;
        boolean more = false;
        List<ObjectNode> ordered = new java.util.ArrayList<>(items);
        ordered.sort(java.util.Comparator.comparing(item -> item.path("id").asText()));
        for (ObjectNode item : ordered) {
            String id = item.path("id").asText();
            if (after != null && id.compareTo(after) <= 0) continue;
            if (!filter.matches(item)) continue;
            if (value.size() == top) {
                more = true;
                break;
            }
            ObjectNode finished = finish.apply(item);
            value.add(select.isEmpty() ? finished : selected(finished, select));
            last = id;
        }
        if (more) out.put("@odata.nextLink", nextLink(request, path, last));
        out.set("value", value);
        return out;
    }

    static void checkOptions(Map<String, String> query) {
        for (String key : query.keySet()) {
            if (key.startsWith("$") && !KNOWN_OPTIONS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                throw GraphErrors.unsupportedQueryOption(key);
            }
        }
    }

    private static int top(String value) {
        if (value == null) return DEFAULT_PAGE;
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 1 && top <= MAX_PAGE) return top;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GraphErrors.invalidQueryOption("$top", value);
    }

    private static List<String> select(String value) {
        if (value == null || value.isBlank()) return List.of();
        return List.of(value.split("\\s*,\\s*"));
    }

    private static ObjectNode selected(ObjectNode item, List<String> select) {
        ObjectNode out = Json.object();
        if (item.has("@odata.type")) out.set("@odata.type", item.get("@odata.type"));
        for (String property : select) {
            if (item.has(property)) out.set(property, item.get(property));
        }
        return out;
    }

    private static String nextLink(GraphRequest request, String path, String last) {
        StringBuilder link = new StringBuilder(request.base()).append('/').append(path).append('?');
        for (Map.Entry<String, String> option : request.query().entrySet()) {
            if (option.getKey().equalsIgnoreCase("$skiptoken")) continue;
            link.append(encode(option.getKey())).append('=').append(encode(option.getValue())).append('&');
        }
        return link.append("$skiptoken=").append(encode(last)).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$");
    }
}
