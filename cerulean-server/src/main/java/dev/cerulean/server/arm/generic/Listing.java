package dev.cerulean.server.arm.generic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.store.Page;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Collection GETs: one paged store query, {@code $filter} applied, {@code $top} as page size, and
 * an absolute {@code nextLink} carrying {@code api-version} and a {@code $skipToken} (arm.md §12).
 * Documents are written out as stored, without a parse, unless the filter needs their tags.
 */
public final class Listing {

    public static final int DEFAULT_PAGE = 1000;

    private final ResourceStore store;

    public Listing(ResourceStore store) {
        this.store = store;
    }

    private static final byte[] VALUE_OPEN = "{\"value\":[".getBytes(StandardCharsets.UTF_8);

    /** Lists full documents (provider collection GETs, resource groups). */
    public ArmResponse documents(ArmRequest req, ResourceQuery query, ODataFilter filter) {
        return page(req, query, filter, null, null);
    }

    /** Lists full documents the caller may see: {@code visible} null means all (RBAC filtering, graph-rbac.md §5.4). */
    public ArmResponse documents(ArmRequest req, ResourceQuery query, ODataFilter filter, Predicate<ResourceRecord> visible) {
        return page(req, query, filter, null, visible);
    }

    /** Lists projections of each document (generic {@code /resources} lists). */
    public ArmResponse projected(ArmRequest req, ResourceQuery query, ODataFilter filter,
                                 Function<ResourceRecord, JsonNode> projection, Predicate<ResourceRecord> visible) {
        return page(req, query, filter, projection, visible);
    }

    private ArmResponse page(ArmRequest req, ResourceQuery query, ODataFilter filter,
                             Function<ResourceRecord, JsonNode> projection, Predicate<ResourceRecord> visible) {
        int size = pageSize(req.queryParam("$top"));
        String cursor = decodeCursor(skipToken(req));
        Page<ResourceRecord> page = store.list(query.after(cursor).limit(size));
        // Stored documents go out as stored: no parse, no re-serialisation, not even a decode (the
        // store's UTF-8 bytes), copied once into an answer of the exact size (a growing buffer and its
        // final copy doubled the garbage of a long page, which the collector then promoted under load).
        List<byte[]> parts = new ArrayList<>(page.items().size() + 1);
        int length = VALUE_OPEN.length + 2; // ']' and '}'
        for (ResourceRecord rec : page.items()) {
            JsonNode tags = filter.needsTags() ? Documents.parse(rec.body()).get("tags") : null;
            if (!filter.matches(rec, tags) || visible != null && !visible.test(rec)) continue;
            byte[] part = projection == null ? rec.bodyUtf8() : Json.write(projection.apply(rec)).getBytes(StandardCharsets.UTF_8);
            parts.add(part);
            length += part.length;
        }
        length += Math.max(0, parts.size() - 1); // the commas
        byte[] next = page.nextCursor() == null ? null
                : (",\"nextLink\":" + Json.write(Json.MAPPER.getNodeFactory().textNode(nextLink(req, page.nextCursor()))))
                        .getBytes(StandardCharsets.UTF_8);
        if (next != null) length += next.length;
        byte[] answer = new byte[length];
        int at = put(answer, 0, VALUE_OPEN);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) answer[at++] = ',';
            at = put(answer, at, parts.get(i));
        }
        answer[at++] = ']';
        if (next != null) at = put(answer, at, next);
        answer[at] = '}';
        return new ArmResponse(200, Map.of(), answer);
    }

    private static int put(byte[] into, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return at + bytes.length;
    }

    /**
     * The continuation token: {@code $skipToken}, or {@code $skip} when it is not a count (Machine
     * Learning names its token {@code $skip}, ml.md §2.1).
     */
    private static String skipToken(ArmRequest req) {
        String token = req.queryParam("$skipToken");
        if (token != null) return token;
        String skip = req.queryParam("$skip");
        return skip == null || skip.chars().allMatch(Character::isDigit) ? null : skip;
    }

    private static int pageSize(String top) {
        if (top == null) return DEFAULT_PAGE;
        try {
            int n = Integer.parseInt(top.trim());
            if (n < 1) throw ArmErrors.invalidRequestContent("$top must be a positive integer.");
            return Math.min(n, DEFAULT_PAGE);
        } catch (NumberFormatException e) {
            throw ArmErrors.invalidRequestContent("$top must be a positive integer.");
        }
    }

    private static String decodeCursor(String token) {
        if (token == null || token.isBlank()) return null;
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ArmErrors.invalidSkipToken();
        }
    }

    /** The same URL with every original parameter but the old skip token, plus the new one. */
    private static String nextLink(ArmRequest req, String cursor) {
        StringBuilder b = new StringBuilder(req.baseUrl()).append(req.path()).append('?');
        boolean first = true;
        for (Map.Entry<String, List<String>> e : req.query().entrySet()) {
            if (e.getKey().equalsIgnoreCase("$skipToken") || e.getKey().equalsIgnoreCase("$skip")) continue;
            for (String v : e.getValue()) {
                if (!first) b.append('&');
                first = false;
                b.append(enc(e.getKey())).append('=').append(enc(v));
            }
        }
        if (!first) b.append('&');
        b.append("$skipToken=").append(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(cursor.getBytes(StandardCharsets.UTF_8)));
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$");
    }

    /** GenericResourceExpanded (arm.md §13): envelope fields only, no properties. */
    public static JsonNode genericProjection(ResourceRecord rec, boolean expand) {
        ObjectNode doc = Documents.parse(rec.body());
        ObjectNode out = Json.object();
        out.put("id", rec.id());
        out.put("name", rec.name());
        out.set("type", doc.get("type"));
        for (String f : List.of("sku", "kind", "managedBy", "identity", "plan", "extendedLocation")) {
            if (doc.hasNonNull(f)) out.set(f, doc.get(f));
        }
        if (rec.location() != null) out.put("location", rec.location());
        out.set("tags", doc.has("tags") ? doc.get("tags") : Json.object());
        if (doc.has("systemData")) out.set("systemData", doc.get("systemData"));
        if (expand) {
            out.put("createdTime", Json.armTime(rec.createdAt()));
            out.put("changedTime", Json.armTime(rec.changedAt()));
            out.put("provisioningState", Documents.provisioningState(doc));
        }
        return out;
    }
}
