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

    /** Regions offered in the providers list; defaults to every known region. */
    default List<String> locations() {
        return dev.cerulean.core.id.Locations.NAMES;
    }
}
