package dev.cerulean.store;

import java.util.List;
import java.util.Optional;

/** Credentials of resources, keyed by owner key and name. */
public interface SecretStore {

    /** Inserts or replaces the secret (ownerKey, name). */
    void put(SecretRecord secret);

    Optional<SecretRecord> get(String ownerKey, String name);

    List<SecretRecord> list(String ownerKey);

    boolean delete(String ownerKey, String name);

    /** Deletes the secrets of {@code ownerKey} and of every owner whose key starts with {@code ownerKey + "/"}. */
    int deleteTree(String ownerKey);
}
