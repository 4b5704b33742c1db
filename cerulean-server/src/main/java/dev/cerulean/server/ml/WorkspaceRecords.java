package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Data-plane records of one workspace (experiments, models), kept in the resource store as untracked
 * children of the workspace's key: deleting the workspace or its resource group removes them with the
 * same key-range delete, and no migration is needed. Their types are not ARM types, so no ARM route
 * lists or serves them.
 */
final class WorkspaceRecords {

    /** A workspace the data plane addresses, as stored by the ARM provider. */
    record Workspace(ResourceRecord record, String subscriptionId, String resourceGroup, String name) {
        String key() { return record.key(); }
        String location() { return record.location() == null ? "eastus" : record.location(); }
    }

    private final ResourceStore store;
    private final Clock clock;

    WorkspaceRecords(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<Workspace> workspace(String sub, String rg, String name) {
        String id = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Microsoft.MachineLearningServices/workspaces/" + name;
        return store.get(id.toLowerCase(Locale.ROOT))
                .filter(r -> r.typeKey().equals("microsoft.machinelearningservices/workspaces"))
                .map(r -> new Workspace(r, sub, rg, name));
    }

    /** Every record of {@code kind} under the workspace, in key order. */
    List<ObjectNode> list(Workspace ws, String kind) {
        List<ObjectNode> out = new ArrayList<>();
        store.listAll(ResourceQuery.in(ws.record().subscriptionId()).parent(ws.key()).type(typeKey(kind)).limit(1000))
                .forEach(r -> out.add((ObjectNode) Json.parse(r.body())));
        return out;
    }

    Optional<ObjectNode> get(Workspace ws, String kind, String name) {
        return store.get(key(ws, kind, name)).map(r -> (ObjectNode) Json.parse(r.body()));
    }

    /** Writes a record; {@code create} refuses to overwrite (returns false when one exists). */
    boolean put(Workspace ws, String kind, String name, ObjectNode body, boolean create) {
        Instant now = clock.instant();
        String id = ws.record().id() + "/" + kind + "/" + name;
        ResourceRecord rec = new ResourceRecord(key(ws, kind, name), id, ws.record().subscriptionId(), ws.record().resourceGroup(),
                typeKey(kind), ws.key(), name, ws.record().location(), false, Json.write(body), "\"" + UUID.randomUUID() + "\"",
                now, now);
        return store.put(rec, create ? WriteCondition.ABSENT : WriteCondition.ALWAYS);
    }

    boolean delete(Workspace ws, String kind, String name) {
        return store.delete(key(ws, kind, name), WriteCondition.ALWAYS);
    }

    private static String key(Workspace ws, String kind, String name) {
        return (ws.key() + "/" + kind + "/" + name).toLowerCase(Locale.ROOT);
    }

    private static String typeKey(String kind) {
        return "microsoft.machinelearningservices/workspaces/" + kind.toLowerCase(Locale.ROOT);
    }
}
