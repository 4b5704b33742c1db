package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.ml.WorkspaceRecords.Workspace;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Run history v1.0 experiments (ml.md §5.1): list, query, get or create by name, and get, update or
 * delete by id. Experiments are records under their workspace.
 */
final class RunHistory {

    static final String KIND = "experiments";

    private final WorkspaceRecords records;
    private final Clock clock;

    RunHistory(WorkspaceRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Answers {@code rest}, the path segments after the workspace name. */
    Reply handle(String method, Workspace ws, List<String> rest, JsonNode body) {
        if (rest.size() == 1 && rest.get(0).equals("experiments")) {
            if (!method.equals("GET")) throw RegionalErrors.methodNotAllowed(method);
            return Reply.ok(page(ws));
        }
        if (rest.size() == 1 && rest.get(0).equals("experiments:query")) {
            if (!method.equals("POST")) throw RegionalErrors.methodNotAllowed(method);
            return Reply.ok(page(ws));
        }
        if (rest.size() == 2 && rest.get(0).equals("experiments")) {
            String name = rest.get(1);
            return switch (method) {
                case "GET" -> Reply.ok(byName(ws, name).orElseThrow(() -> RegionalErrors.notFound("Experiment '" + name + "'")));
                // create is idempotent: clients get-or-create an experiment by name
                case "POST" -> Reply.ok(byName(ws, name).orElseGet(() -> create(ws, name, body)));
                default -> throw RegionalErrors.methodNotAllowed(method);
            };
        }
        if (rest.size() == 2 && rest.get(0).equals("experimentids")) {
            String id = rest.get(1);
            ObjectNode exp = records.get(ws, KIND, id).orElseThrow(() -> RegionalErrors.notFound("Experiment with id '" + id + "'"));
            return switch (method) {
                case "GET" -> Reply.ok(exp);
                case "PATCH" -> Reply.ok(update(ws, exp, body));
                case "DELETE" -> {
                    records.delete(ws, KIND, id);
                    yield Reply.ok(Json.object());
                }
                default -> throw RegionalErrors.methodNotAllowed(method);
            };
        }
        throw RegionalErrors.notFound("The path '" + String.join("/", rest) + "'");
    }

    private ObjectNode page(Workspace ws) {
        ObjectNode out = Json.object();
        var value = out.putArray("value");
        records.list(ws, KIND).stream().sorted(Comparator.comparing(e -> e.path("createdUtc").asText())).forEach(value::add);
        out.putNull("continuationToken");
        out.putNull("nextLink");
        return out;
    }

    private java.util.Optional<ObjectNode> byName(Workspace ws, String name) {
        return records.list(ws, KIND).stream().filter(e -> e.path("name").asText().equals(name)).findFirst();
    }

    private static void checkName(String name) {
        if (name.isBlank() || name.length() > 255 || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw RegionalErrors.badRequest("Experiment name '" + name + "' is invalid: it must start with a letter or digit and"
                    + " contain only letters, digits, '_', '-' and '.', at most 255 characters.");
        }
    }

    private ObjectNode create(Workspace ws, String name, JsonNode body) {
        checkName(name);
        ObjectNode exp = Json.object();
        String id = UUID.randomUUID().toString();
        exp.put("experimentId", id);
        exp.put("name", name);
        JsonNode description = body == null ? null : body.get("description");
        if (description == null || description.isNull()) exp.putNull("description");
        else exp.put("description", description.asText());
        exp.put("createdUtc", Json.offsetTime(clock.instant()));
        exp.set("tags", body != null && body.get("tags") instanceof ObjectNode t ? t : Json.object());
        exp.putNull("archivedTime");
        exp.put("retainForLifetimeOfWorkspace", false);
        exp.putNull("artifactLocation");
        records.put(ws, KIND, id, exp, true);
        return exp;
    }

    /** ModifyExperiment: name, description, tags, archive. */
    private ObjectNode update(Workspace ws, ObjectNode exp, JsonNode body) {
        if (body == null || !body.isObject()) throw RegionalErrors.badRequest("The request body must be a JSON object.");
        if (body.hasNonNull("name")) {
            if (!body.get("name").isTextual()) throw RegionalErrors.badRequest("The experiment's 'name' must be a string.");
            String name = body.get("name").asText();
            checkName(name);
            if (!name.equals(exp.path("name").asText()) && byName(ws, name).isPresent()) {
                throw RegionalErrors.conflict("An experiment named '" + name + "' already exists.");
            }
            exp.put("name", name);
        }
        if (body.has("description")) exp.set("description", body.get("description"));
        if (body.get("tags") instanceof ObjectNode tags) ((ObjectNode) exp.get("tags")).setAll(tags);
        if (body.has("archive")) {
            if (body.get("archive").asBoolean()) exp.put("archivedTime", Json.offsetTime(clock.instant()));
            else exp.putNull("archivedTime");
        }
        records.put(ws, KIND, exp.get("experimentId").asText(), exp, false);
        return exp;
    }
}
