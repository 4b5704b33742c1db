package dev.cerulean.server.arm.spi;

import java.util.List;
import java.util.Map;

/**
 * A resource provider namespace plugged into the generic ARM engine. It declares its types and
 * behaviour; routing, envelopes, tags, systemData, ETags, paging and long-running operations
 * are the engine's.
 */
public interface ResourceProvider {

    /** Namespace as Azure spells it, e.g. {@code Microsoft.ContainerRegistry}. */
    String namespace();

    List<ResourceTypeSpec> resourceTypes();

    /**
     * Subscription-scoped POST actions, {@code POST /subscriptions/{s}/providers/{ns}/{action}},
     * keyed by action name (matched case-insensitively), e.g. {@code checkNameAvailability}.
     */
    default Map<String, ProviderAction> providerActions() {
        return Map.of();
    }

    /** Extension types served under any scope (e.g. role assignments), or null when the provider has none. */
    default ExtensionTypes extensionTypes() {
        return null;
    }

    /**
     * Reads below the namespace that are not resource types, e.g. {@code locations/{loc}/usages}
     * ({@code GET /subscriptions/{s}/providers/{ns}/...}) or {@code operations}
     * ({@code GET /providers/{ns}/...}, subscription null). Returns the 200 body, or null when the
     * path is not one of the provider's.
     *
     * @param path the segments after the namespace, as the client spelled them
     */
    default com.fasterxml.jackson.databind.JsonNode read(String subscriptionId, List<String> path, String apiVersion) {
        return null;
    }

    /** Regions offered in the providers list; defaults to every known region. */
    default List<String> locations() {
        return dev.cerulean.core.id.Locations.NAMES;
    }
}
