package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.store.Page;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link ResourceStore} over a sorted map, with snapshots to stand in for transaction rollback. */
final class InMemoryResourceStore implements ResourceStore {

    private TreeMap<String, ResourceRecord> rows = new TreeMap<>();

    @Override
    public Optional<ResourceRecord> get(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    @Override
    public boolean put(ResourceRecord record, WriteCondition condition) {
        ResourceRecord current = rows.get(record.key());
        boolean ok;
        if (condition instanceof WriteCondition.Absent) ok = current == null;
        else if (condition instanceof WriteCondition.EtagMatches m) ok = current != null && current.etag().equals(m.etag());
        else ok = true;
        if (ok) rows.put(record.key(), record);
        return ok;
    }

    @Override
    public boolean delete(String key, WriteCondition condition) {
        ResourceRecord current = rows.get(key);
        if (current == null) return false;
        if (condition instanceof WriteCondition.EtagMatches m && !current.etag().equals(m.etag())) return false;
        rows.remove(key);
        return true;
    }

    @Override
    public int deleteTree(String key) {
        List<String> doomed = new ArrayList<>();
        for (String k : rows.keySet()) {
            if (k.equals(key) || k.startsWith(key + "/")) doomed.add(k);
        }
        doomed.forEach(rows::remove);
        return doomed.size();
    }

    @Override
    public Page<ResourceRecord> list(ResourceQuery q) {
        Objects.requireNonNull(q.subscriptionId(), "subscriptionId is required");
        List<ResourceRecord> out = new ArrayList<>();
        Map<String, ResourceRecord> tail = q.afterKey() == null ? rows : rows.tailMap(q.afterKey(), false);
        for (ResourceRecord r : tail.values()) {
            if (!r.subscriptionId().equals(q.subscriptionId())) continue;
            if (q.resourceGroup() != null && !q.resourceGroup().equals(r.resourceGroup())) continue;
            if (q.typeKey() != null && !q.typeKey().equals(r.typeKey())) continue;
            if (q.parentKey() != null && !q.parentKey().equals(r.parentKey())) continue;
            if (q.trackedOnly() && !r.tracked()) continue;
            if (out.size() == q.limit()) return new Page<>(out, out.get(out.size() - 1).key());
            out.add(r);
        }
        return new Page<>(out, null);
    }

    int size() {
        return rows.size();
    }

    List<ResourceRecord> all() {
        return List.copyOf(rows.values());
    }

    TreeMap<String, ResourceRecord> snapshot() {
        return new TreeMap<>(rows);
    }

    void restore(TreeMap<String, ResourceRecord> snapshot) {
        rows = new TreeMap<>(snapshot);
    }
}
