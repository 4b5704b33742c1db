package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link SecretStore} over a sorted map keyed by "owner key NUL name", with snapshots for rollback. */
final class InMemorySecretStore implements SecretStore {

    private TreeMap<String, SecretRecord> rows = new TreeMap<>();
    /** Reads by {@link #get}, for tests that count them. */
    int gets;

    private static String key(String owner, String name) {
        return owner + "\0" + name;
    }

    @Override
    public void put(SecretRecord secret) {
        rows.put(key(secret.ownerKey(), secret.name()), secret);
    }

    @Override
    public Optional<SecretRecord> get(String ownerKey, String name) {
        gets++;
        return Optional.ofNullable(rows.get(key(ownerKey, name)));
    }

    @Override
    public List<SecretRecord> list(String ownerKey) {
        return rows.values().stream().filter(s -> s.ownerKey().equals(ownerKey)).toList();
    }

    @Override
    public boolean delete(String ownerKey, String name) {
        return rows.remove(key(ownerKey, name)) != null;
    }

    @Override
    public int deleteTree(String ownerKey) {
        List<String> doomed = new ArrayList<>();
        rows.forEach((k, s) -> {
            if (s.ownerKey().equals(ownerKey) || s.ownerKey().startsWith(ownerKey + "/")) doomed.add(k);
        });
        doomed.forEach(rows::remove);
        return doomed.size();
    }

    List<SecretRecord> all() {
        return List.copyOf(rows.values());
    }

    TreeMap<String, SecretRecord> snapshot() {
        return new TreeMap<>(rows);
    }

    void restore(TreeMap<String, SecretRecord> snapshot) {
        rows = new TreeMap<>(snapshot);
    }
}
