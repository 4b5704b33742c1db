package dev.cerulean.store.contract;

import static dev.cerulean.store.contract.SampleRecords.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IdentityStore} must do: insert-once tenants and principals, lookups by app id. */
public abstract class IdentityStoreContract extends StoresContract {

    private static final String TENANT_A = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    private static final String TENANT_B = "bbbbcccc-0000-cccc-1111-dddd2222eeee";
    private static final String APP = "00001111-aaaa-2222-bbbb-3333cccc4444";

    private IdentityStore identities;

    @BeforeEach
    void identities() {
        identities = stores.identities();
    }

    private static Tenant tenant(String id) {
        return new Tenant(id, "Tenant " + id, "t" + id.substring(0, 4) + ".onmicrosoft.com", CREATED);
    }

    private static ServicePrincipal principal(String tenantId, String appId) {
        return ServicePrincipal.ofApplication(tenantId, appId, "object-" + tenantId.substring(0, 4) + "-" + appId,
                "app " + appId, CREATED);
    }

    @Test
    void createdTenantIsReturnedWithEveryField() {
        assertThat(identities.createTenant(tenant(TENANT_A))).isTrue();
        assertThat(identities.tenant(TENANT_A)).contains(tenant(TENANT_A));
    }

    @Test
    void secondCreateOfATenantReturnsFalseAndKeepsTheFirst() {
        identities.createTenant(tenant(TENANT_A));
        Tenant other = new Tenant(TENANT_A, "Other", "other.onmicrosoft.com", CREATED);
        assertThat(identities.createTenant(other)).isFalse();
        assertThat(identities.tenant(TENANT_A)).contains(tenant(TENANT_A));
    }

    @Test
    void missingTenantIsEmpty() {
        assertThat(identities.tenant(TENANT_A)).isEmpty();
    }

    @Test
    void tenantsAreListedById() {
        identities.createTenant(tenant(TENANT_B));
        identities.createTenant(tenant(TENANT_A));
        assertThat(identities.tenants()).containsExactly(tenant(TENANT_A), tenant(TENANT_B));
    }

    @Test
    void createdPrincipalIsReturnedWithEveryField() {
        assertThat(identities.createServicePrincipal(principal(TENANT_A, APP))).isTrue();
        assertThat(identities.servicePrincipal(TENANT_A, APP)).contains(principal(TENANT_A, APP));
    }

    @Test
    void secondCreateOfAPrincipalReturnsFalseAndKeepsTheFirst() {
        identities.createServicePrincipal(principal(TENANT_A, APP));
        ServicePrincipal other = ServicePrincipal.ofApplication(TENANT_A, APP, "x", "x", CREATED);
        assertThat(identities.createServicePrincipal(other)).isFalse();
        assertThat(identities.servicePrincipal(TENANT_A, APP)).contains(principal(TENANT_A, APP));
    }

    @Test
    void principalIsScopedToItsTenant() {
        identities.createServicePrincipal(principal(TENANT_A, APP));
        assertThat(identities.servicePrincipal(TENANT_B, APP)).isEmpty();
    }

    @Test
    void principalsByAppIdSpanTenantsInTenantOrder() {
        identities.createServicePrincipal(principal(TENANT_B, APP));
        identities.createServicePrincipal(principal(TENANT_A, APP));
        identities.createServicePrincipal(principal(TENANT_A, "another-app"));
        assertThat(identities.servicePrincipalsByAppId(APP))
                .containsExactly(principal(TENANT_A, APP), principal(TENANT_B, APP));
    }

    @Test
    void principalsOfUnknownAppIdAreEmpty() {
        assertThat(identities.servicePrincipalsByAppId(APP)).isEmpty();
    }

    @Test
    void principalIsFoundByObjectIdWithinItsTenant() {
        ServicePrincipal p = principal(TENANT_A, APP);
        identities.createServicePrincipal(p);
        assertThat(identities.servicePrincipalByObjectId(TENANT_A, p.objectId())).contains(p);
        assertThat(identities.servicePrincipalByObjectId(TENANT_B, p.objectId())).isEmpty();
        assertThat(identities.servicePrincipalByObjectId(TENANT_A, "no-such-object")).isEmpty();
    }
}
