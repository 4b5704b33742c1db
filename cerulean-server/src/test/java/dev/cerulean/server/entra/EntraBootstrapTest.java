package dev.cerulean.server.entra;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.server.directory.NewServicePrincipal;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntraBootstrapTest {

    static final ServerConfig config = ServerConfig.defaults();
    static final dev.cerulean.store.Stores stores = InMemoryDirectory.open();
    static final dev.cerulean.store.IdentityStore identities = stores.identities();
    static final InMemoryKeyValueStore values = new InMemoryKeyValueStore();
    static final MutableClock clock = MutableClock.atSystemTime();

    @BeforeAll
    static void bootstrap() {
        new EntraBootstrap(config, identities, stores.transactions(), values, clock).run();
    }

    @Test
    void createsTheDevelopmentTenant() {
        Tenant tenant = identities.tenant(config.tenantId()).orElseThrow();

        assertThat(tenant.displayName()).isEqualTo("Cerulean Development");
        assertThat(tenant.defaultDomain()).isEqualTo("cerulean.onmicrosoft.com");
    }

    @Test
    void storesTheDevelopmentSecretHashedOnly() {
        ServicePrincipal principal = identities.servicePrincipal(config.tenantId(), config.clientId()).orElseThrow();

        assertThat(principal.displayName()).isEqualTo("cerulean-dev");
        assertThat(identities.applicationByAppId(config.tenantId(), config.clientId())).get()
                .satisfies(app -> assertThat(app.objectId()).isNotEqualTo(principal.objectId()).isNotEqualTo(app.appId()));
        assertThat(identities.passwordCredentialsByAppId(config.tenantId(), config.clientId())).singleElement()
                .satisfies(c -> {
                    assertThat(c.secretHash()).startsWith("sha256$").doesNotContain(config.clientSecret());
                    assertThat(SecretHasher.verify(config.clientSecret(), c.secretHash())).isTrue();
                });
    }

    @Test
    void createsTheDevelopmentUserWithASlowPasswordHash() {
        UserAccount user = new UserAccounts(identities)
                .find(config.tenantId(), "dev@cerulean.onmicrosoft.com").orElseThrow();

        assertThat(user.passwordHash()).startsWith("pbkdf2$");
        assertThat(SecretHasher.verify(EntraBootstrap.DEV_USER_PASSWORD, user.passwordHash())).isTrue();
    }

    @Test
    void runningAgainChangesNothing() {
        ServicePrincipal before = identities.servicePrincipal(config.tenantId(), config.clientId()).orElseThrow();
        UserAccount userBefore = new UserAccounts(identities).find(config.tenantId(), "dev@cerulean.onmicrosoft.com")
                .orElseThrow();

        new EntraBootstrap(config, identities, stores.transactions(), values, clock).run();

        assertThat(identities.servicePrincipal(config.tenantId(), config.clientId())).contains(before);
        assertThat(new UserAccounts(identities).find(config.tenantId(), "dev@cerulean.onmicrosoft.com"))
                .contains(userBefore);
        assertThat(identities.tenants()).hasSize(1);
        assertThat(identities.passwordCredentialsByAppId(config.tenantId(), config.clientId())).hasSize(1);
    }

    @Test
    void createdServicePrincipalGetsAzureShapedSecretStoredHashed() {
        NewServicePrincipal created = new Directory(identities, stores.transactions(), clock)
                .createWithSecret(config.tenantId(), "robot");

        assertThat(created.appId()).matches("[0-9a-f-]{36}");
        assertThat(created.secret()).hasSize(40).matches("[A-Za-z0-9]{3}8Q~[A-Za-z0-9_~.-]{34}");
        assertThat(created.toString()).doesNotContain(created.secret());
        ServicePrincipal stored = identities.servicePrincipal(config.tenantId(), created.appId()).orElseThrow();
        assertThat(stored.objectId()).isEqualTo(created.objectId());
        assertThat(identities.passwordCredentialsByAppId(config.tenantId(), created.appId())).singleElement()
                .satisfies(c -> assertThat(SecretHasher.verify(created.secret(), c.secretHash())).isTrue());
    }

    @Test
    void creatingInUnknownTenantIsTenantNotFound() {
        assertThatThrownBy(() -> new Directory(identities, stores.transactions(), clock)
                .createWithSecret("12345678-1234-1234-1234-123456789012", "robot"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.numericCodes()).containsExactly(90002);
                });
    }
}
