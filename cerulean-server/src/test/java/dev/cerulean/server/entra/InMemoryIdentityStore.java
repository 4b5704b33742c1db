package dev.cerulean.server.entra;

import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A test double of {@link IdentityStore} with the same insert-if-absent rules; counts principal reads. */
public final class InMemoryIdentityStore implements IdentityStore {

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, ServicePrincipal> principals = new ConcurrentHashMap<>();
    public final AtomicInteger tenantReads = new AtomicInteger();

    @Override
    public boolean createTenant(Tenant tenant) {
        return tenants.putIfAbsent(tenant.tenantId(), tenant) == null;
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        tenantReads.incrementAndGet();
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public List<Tenant> tenants() {
        return new ArrayList<>(tenants.values());
    }

    @Override
    public boolean createServicePrincipal(ServicePrincipal principal) {
        return principals.putIfAbsent(principal.tenantId() + "/" + principal.appId(), principal) == null;
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipal(String tenantId, String appId) {
        return Optional.ofNullable(principals.get(tenantId + "/" + appId));
    }

    @Override
    public List<ServicePrincipal> servicePrincipalsByAppId(String appId) {
        return principals.values().stream().filter(p -> p.appId().equals(appId)).toList();
    }

    @Override
    public java.util.Optional<ServicePrincipal> servicePrincipalByObjectId(String tenantId, String objectId) {
        return principals.values().stream()
                .filter(p -> p.tenantId().equals(tenantId) && objectId.equals(p.objectId())).findFirst();
    }
}
