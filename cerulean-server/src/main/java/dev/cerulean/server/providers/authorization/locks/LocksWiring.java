package dev.cerulean.server.providers.authorization.locks;

import dev.cerulean.server.arm.ScopeLocks;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import dev.cerulean.server.arm.spi.ExtensionTypes;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.store.Stores;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Management locks: the {@code locks} extension type added to the {@code Microsoft.Authorization}
 * provider (one provider per namespace, so its types are joined here rather than edited there) and
 * the {@link LockGuard} the ARM pipeline consults on writes and deletes.
 */
public final class LocksWiring {

    /** How long locks read from the database are trusted without a local change: what other servers on it may lag. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final LockGuard guard;
    private final ManagementLocks locks;

    public LocksWiring(Stores stores, Clock clock) {
        this.guard = new LockGuard(stores.resources(), MAX_AGE);
        this.locks = new ManagementLocks(stores.resources(), stores.transactions(), guard, clock);
    }

    /** What the ARM pipeline consults ({@code ArmAuthorization.withLocks}). */
    public ScopeLocks guard() {
        return guard;
    }

    /** {@code authorization} (the Microsoft.Authorization provider) also serving {@code locks}. */
    public ResourceProvider withLocks(ResourceProvider authorization) {
        ExtensionTypes inner = authorization.extensionTypes();
        List<String> types = new ArrayList<>(inner == null ? List.of() : inner.types());
        types.add("locks");
        ExtensionTypes joined = new ExtensionTypes() {
            @Override public List<String> types() { return types; }
            @Override public List<String> apiVersions() {
                List<String> v = new ArrayList<>(inner == null ? List.of() : inner.apiVersions());
                for (String own : List.of("2020-05-01", "2017-04-01", "2016-09-01", "2015-01-01")) if (!v.contains(own)) v.add(own);
                return v;
            }
            @Override public ExtensionResponse handle(ExtensionRequest request) {
                return request.type().equals("locks") ? locks.handle(request) : inner.handle(request);
            }
        };
        return new ResourceProvider() {
            @Override public String namespace() { return authorization.namespace(); }
            @Override public List<ResourceTypeSpec> resourceTypes() { return authorization.resourceTypes(); }
            @Override public ExtensionTypes extensionTypes() { return joined; }
            @Override public java.util.Map<String, dev.cerulean.server.arm.spi.ProviderAction> providerActions() {
                return authorization.providerActions();
            }
            @Override public com.fasterxml.jackson.databind.JsonNode read(String sub, List<String> path, String apiVersion) {
                return authorization.read(sub, path, apiVersion);
            }
            @Override public List<String> locations() { return authorization.locations(); }
        };
    }
}
