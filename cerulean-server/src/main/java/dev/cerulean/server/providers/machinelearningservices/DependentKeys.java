package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Secrets of a workspace's dependents that {@code listKeys} shows (ml.md §2.1): they belong to other
 * providers, which the composition root asks on the workspace's behalf; providers never read each
 * other's secrets directly.
 */
public interface DependentKeys {

    DependentKeys NONE = new DependentKeys() {};

    /** The first access key of a storage account, by resource key. */
    default Optional<String> storageKey(String storageAccountKey) {
        return Optional.empty();
    }

    /** {@code {"username", "passwords":[{"name","value"}]}} of a registry with its admin user enabled, by resource key. */
    default Optional<ObjectNode> registryCredentials(String registryKey) {
        return Optional.empty();
    }
}
