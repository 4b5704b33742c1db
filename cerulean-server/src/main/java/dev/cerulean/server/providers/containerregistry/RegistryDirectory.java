package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.core.id.ResourceId;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Finds registries and their children in the resource store. Registry names are global (they are
 * DNS names, acr.md §1.2), so name and login-server look-ups cover every subscription the server
 * serves: the store's queries are per subscription, hence the supplier of subscription ids.
 */
final class RegistryDirectory {

    static final String REGISTRY_TYPE = "microsoft.containerregistry/registries";
    static final String SCOPE_MAP_TYPE = "microsoft.containerregistry/registries/scopemaps";
    static final String TOKEN_TYPE = "microsoft.containerregistry/registries/tokens";
    static final String REPLICATION_TYPE = "microsoft.containerregistry/registries/replications";

    private final ResourceStore store;
    private final Supplier<List<String>> subscriptionIds;
    private final Function<String, String> loginServerOf;

    RegistryDirectory(ResourceStore store, Supplier<List<String>> subscriptionIds, Function<String, String> loginServerOf) {
        this.store = store;
        this.subscriptionIds = subscriptionIds;
        this.loginServerOf = loginServerOf;
    }

    /** The registry with this name in any subscription or resource group, compared case-insensitively. */
    Optional<ResourceRecord> byName(String name) {
        return first(r -> r.name().equalsIgnoreCase(name));
    }

    /**
     * The registry served at {@code host}: its stored loginServer or the one the current settings
     * give its name, compared case-insensitively, with or without a port on either side.
     */
    Optional<ResourceRecord> byLoginServer(String host) {
        String wanted = host.trim().toLowerCase(Locale.ROOT);
        Optional<ResourceRecord> exact = first(r -> hostsOf(r).contains(wanted));
        if (exact.isPresent()) return exact;
        String bare = withoutPort(wanted);
        return first(r -> hostsOf(r).stream().map(RegistryDirectory::withoutPort).anyMatch(bare::equals));
    }

    private List<String> hostsOf(ResourceRecord r) {
        List<String> hosts = new ArrayList<>(2);
        hosts.add(loginServerOf.apply(r.name()).toLowerCase(Locale.ROOT));
        String stored = RegistryDocuments.loginServer(r);
        if (stored != null) hosts.add(stored.toLowerCase(Locale.ROOT));
        return hosts;
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
    }

    private Optional<ResourceRecord> first(Predicate<ResourceRecord> test) {
        for (String sub : subscriptionIds.get()) {
            Optional<ResourceRecord> found = store.listAll(ResourceQuery.in(sub.toLowerCase(Locale.ROOT)).type(REGISTRY_TYPE)
                    .limit(500)).filter(test).findFirst();
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** Children of one type (e.g. {@link #SCOPE_MAP_TYPE} or {@link #TOKEN_TYPE}) of the registry with this key. */
    List<ResourceRecord> children(String registryKey, String typeKey) {
        ResourceId registry = ResourceId.parse(registryKey);
        return store.listAll(ResourceQuery.in(registry.subscriptionId()).parent(registryKey).type(typeKey).limit(500)).toList();
    }

    /** How many user-defined scope maps the registry has (the system ones do not count against the SKU). */
    int userScopeMapCount(String registryKey) {
        return (int) children(registryKey, SCOPE_MAP_TYPE).stream()
                .filter(r -> !SystemScopeMaps.isSystemDefined(RegistryDocuments.parse(r))).count();
    }

    int tokenCount(String registryKey) {
        return children(registryKey, TOKEN_TYPE).size();
    }

    Optional<ResourceRecord> get(String key) {
        return store.get(key);
    }
}
