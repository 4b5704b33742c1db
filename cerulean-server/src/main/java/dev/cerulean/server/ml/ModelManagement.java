package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.ml.WorkspaceRecords.Workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Model management v1.0 models (ml.md §5.2): register with the next version of the name, list with
 * the service's filters, {@code orderBy} and paging, get by {@code name:version}, update by JSON
 * Patch (description and tags only) and delete (200, or 204 when absent). Models are records under
 * their workspace, keyed by id.
 */
final class ModelManagement {

    static final String KIND = "models";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");
    private static final List<String> FIELDS = List.of("id", "name", "version", "framework", "frameworkVersion", "url",
            "mimeType", "description", "createdTime", "modifiedTime", "unpack", "parentModelId", "runId", "experimentName",
            "kvTags", "properties", "datasets");
    /** JSON-Patch paths a client may change; every other model field is fixed at registration. */
    private static final List<String> MUTABLE = List.of("description", "kvTags");
    private static final int DEFAULT_PAGE = 100;

    private final WorkspaceRecords records;
    private final Clock clock;

    ModelManagement(WorkspaceRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * @param selfPrefix this request's URL and query without {@code $skipToken}, ending in {@code ?} or {@code &}, for nextLink
     */
    Reply handle(String method, Workspace ws, List<String> rest, JsonNode body, Map<String, String> query, String selfPrefix) {
        if (rest.size() == 1 && rest.get(0).equals("models")) {
            return switch (method) {
                case "GET" -> Reply.ok(list(ws, query, selfPrefix));
                case "POST" -> Reply.ok(register(ws, body));
                default -> throw RegionalErrors.methodNotAllowed(method);
            };
        }
        if (rest.size() == 2 && rest.get(0).equals("models")) {
            String id = checkedId(rest.get(1));
            return switch (method) {
                case "GET" -> Reply.ok(records.get(ws, KIND, id).orElseThrow(() -> RegionalErrors.notFound("Model '" + id + "'")));
                case "PATCH" -> Reply.ok(patch(ws, id, body));
                case "DELETE" -> records.delete(ws, KIND, id) ? Reply.empty(200) : Reply.empty(204);
                default -> throw RegionalErrors.methodNotAllowed(method);
            };
        }
        throw RegionalErrors.notFound("The path '" + String.join("/", rest) + "'");
    }

    private ObjectNode register(Workspace ws, JsonNode body) {
        if (body == null || !body.isObject()) throw RegionalErrors.badRequest("The request body must be a Model JSON object.");
        for (String required : List.of("name", "url", "mimeType")) {
            if (!body.hasNonNull(required) || body.get(required).asText().isBlank()) {
                throw RegionalErrors.badRequest("The model's '" + required + "' is required.")
                        .withDetails(List.of(new ApiError.Detail("Required", "'" + required + "' is required.", required)));
            }
        }
        String name = body.get("name").asText();
        if (!NAME.matcher(name).matches()) {
            throw RegionalErrors.badRequest("Model name '" + name + "' is invalid: it must start with a letter or digit and contain"
                    + " only letters, digits, '_', '-' and '.', at most 255 characters.");
        }
        String now = Json.offsetTime(clock.instant());
        for (int attempt = 0; attempt < 5; attempt++) {
            int version = records.list(ws, KIND).stream().filter(m -> m.path("name").asText().equals(name))
                    .mapToInt(m -> m.path("version").asInt()).max().orElse(0) + 1;
            ObjectNode model = Json.object();
            for (String f : FIELDS) if (body.has(f)) model.set(f, body.get(f));
            model.put("id", name + ":" + version);
            model.put("name", name);
            model.put("version", version);
            model.put("createdTime", now);
            model.put("modifiedTime", now);
            for (String f : List.of("framework", "frameworkVersion", "description", "parentModelId", "runId", "experimentName")) {
                if (!model.has(f)) model.putNull(f);
            }
            if (!model.has("unpack")) model.put("unpack", false);
            if (!(model.get("kvTags") instanceof ObjectNode)) model.set("kvTags", Json.object());
            if (!(model.get("properties") instanceof ObjectNode)) model.set("properties", Json.object());
            if (!(model.get("datasets") instanceof ArrayNode)) model.putArray("datasets");
            if (records.put(ws, KIND, name + ":" + version, model, true)) return model;
        }
        throw RegionalErrors.conflict("Model '" + name + "' is being registered concurrently; retry.");
    }

    private ObjectNode list(Workspace ws, Map<String, String> q, String selfPrefix) {
        Predicate<ObjectNode> filter = m -> matches(q.get("name"), m.path("name").asText())
                && matches(q.get("framework"), m.path("framework").asText(null))
                && matches(q.get("description"), m.path("description").asText(null))
                && matches(q.get("runId"), m.path("runId").asText(null))
                && hasPairs(q.get("tags"), m.path("kvTags")) && hasPairs(q.get("properties"), m.path("properties"));
        List<ObjectNode> all = records.list(ws, KIND).stream().filter(filter).sorted(order(q.get("orderBy"))).toList();
        int count = parseCount(q.get("count"));
        int offset = decodeSkip(q.get("$skipToken"));
        ObjectNode out = Json.object();
        ArrayNode value = out.putArray("value");
        all.stream().skip(offset).limit(count).forEach(value::add);
        if ((long) offset + count < all.size()) {
            out.put("nextLink", selfPrefix + "$skipToken="
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(offset + count).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static Comparator<ObjectNode> order(String orderBy) {
        String o = orderBy == null ? "CreatedAtDesc" : orderBy;
        Comparator<ObjectNode> created = Comparator.comparing((ObjectNode m) -> m.path("createdTime").asText())
                .thenComparing(m -> m.path("name").asText()).thenComparingInt(m -> m.path("version").asInt());
        Comparator<ObjectNode> updated = Comparator.comparing((ObjectNode m) -> m.path("modifiedTime").asText())
                .thenComparing(created);
        return switch (o.toLowerCase(java.util.Locale.ROOT)) {
            case "createdatdesc" -> created.reversed();
            case "createdatasc" -> created;
            case "updatedatdesc" -> updated.reversed();
            case "updatedatasc" -> updated;
            default -> throw RegionalErrors.badRequest("orderBy must be one of CreatedAtDesc, CreatedAtAsc, UpdatedAtDesc, UpdatedAtAsc.");
        };
    }

    /** JSON Patch (RFC 6902) restricted to add, replace and remove on the mutable fields. */
    private ObjectNode patch(Workspace ws, String id, JsonNode body) {
        ObjectNode model = records.get(ws, KIND, id).orElseThrow(() -> RegionalErrors.notFound("Model '" + id + "'"));
        if (body == null || !body.isArray()) throw RegionalErrors.badRequest("The request body must be a JSON Patch array.");
        for (JsonNode op : body) {
            String kind = op.path("op").asText("");
            String path = op.path("path").asText("");
            String[] parts = path.replaceFirst("^/", "").split("/", 2);
            if (!List.of("add", "replace", "remove").contains(kind.toLowerCase(java.util.Locale.ROOT))) {
                throw RegionalErrors.badRequest("Unsupported JSON Patch operation '" + kind + "'; use add, replace or remove.");
            }
            if (!MUTABLE.contains(parts[0])) {
                throw RegionalErrors.badRequest("The model field '" + path + "' cannot be changed: only description and kvTags are mutable.");
            }
            boolean remove = kind.equalsIgnoreCase("remove");
            if (parts.length == 1) {
                // kvTags stays an object (a later /kvTags/{key} op writes into it)
                if (remove) {
                    if (parts[0].equals("kvTags")) model.set("kvTags", Json.object());
                    else model.putNull(parts[0]);
                } else if (parts[0].equals("kvTags") && !op.path("value").isObject()) throw RegionalErrors.badRequest("kvTags must be an object.");
                else model.set(parts[0], op.get("value"));
            } else if (parts[0].equals("kvTags")) {
                ObjectNode tags = model.get("kvTags") instanceof ObjectNode t ? t : model.putObject("kvTags");
                if (remove) tags.remove(parts[1]);
                else tags.put(parts[1], op.path("value").asText());
            } else {
                throw RegionalErrors.badRequest("The path '" + path + "' is invalid.");
            }
        }
        model.put("modifiedTime", Json.offsetTime(clock.instant()));
        records.put(ws, KIND, id, model, false);
        return model;
    }

    /** {@code name:version} with a positive integer version. */
    private static String checkedId(String id) {
        int colon = id.lastIndexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw RegionalErrors.badRequest("Model id '" + id + "' is invalid: expected {name}:{version}.");
        }
        try {
            if (Integer.parseInt(id.substring(colon + 1)) < 1) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw RegionalErrors.badRequest("Model id '" + id + "' is invalid: the version must be a positive integer.");
        }
        return id;
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    /** {@code k1,k2=v2}: every key present, and equal where a value is given. */
    private static boolean hasPairs(String wanted, JsonNode map) {
        if (wanted == null || wanted.isBlank()) return true;
        for (String pair : wanted.split(",")) {
            int eq = pair.indexOf('=');
            String k = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            if (!map.has(k)) return false;
            if (eq >= 0 && !map.get(k).asText().equals(pair.substring(eq + 1).trim())) return false;
        }
        return true;
    }

    private static int parseCount(String count) {
        if (count == null) return DEFAULT_PAGE;
        try {
            int n = Integer.parseInt(count.trim());
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw RegionalErrors.badRequest("count must be a positive integer.");
        }
    }

    private static int decodeSkip(String token) {
        if (token == null || token.isBlank()) return 0;
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (offset < 0) throw new NumberFormatException(); // Stream.skip would throw: a 500
            return offset;
        } catch (IllegalArgumentException e) {
            throw RegionalErrors.badRequest("The $skipToken is invalid.");
        }
    }
}
