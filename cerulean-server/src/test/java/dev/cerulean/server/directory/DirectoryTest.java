package dev.cerulean.server.directory;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.entra.InMemoryDirectory;
import dev.cerulean.server.entra.MutableClock;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.store.Application;
import dev.cerulean.store.DirectoryUser;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Stores;
import dev.cerulean.store.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The directory's writes with their cascades, and the read side other packages use. */
class DirectoryTest {

    static final String TENANT = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    Stores stores;
    Directory directory;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));

    @BeforeEach
    void open() {
        stores = InMemoryDirectory.open();
        stores.identities().createTenant(new Tenant(TENANT, "t", "t.onmicrosoft.com", clock.instant()));
        directory = new Directory(stores.identities(), stores.transactions(), clock);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void createWithSecretMakesThreeDistinctIdsAndAHashedSecret() {
        NewServicePrincipal created = directory.createWithSecret(TENANT, "ci");
        Application app = stores.identities().applicationByAppId(TENANT, created.appId()).orElseThrow();
        assertThat(app.objectId()).isNotIn(created.appId(), created.objectId());
        assertThat(stores.identities().passwordCredentials(app.objectId())).singleElement().satisfies(c -> {
            assertThat(c.secretHash()).doesNotContain(created.secret());
            assertThat(SecretHasher.verify(created.secret(), c.secretHash())).isTrue();
            assertThat(c.endsAt()).isEqualTo(c.startsAt().plus(Duration.ofDays(730)));
        });
    }

    @Test
    void principalsResolveByObjectIdAppIdAndUserName() {
        NewServicePrincipal sp = directory.createWithSecret(TENANT, "ci");
        stores.identities().createUser(new DirectoryUser(TENANT, "0a0a0a0a-0000-0000-0000-000000000001",
                "Alice@t.onmicrosoft.com", "Alice", null, null, null, null, clock.instant()));

        assertThat(directory.byObjectId(TENANT, sp.objectId().toUpperCase())).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DirectoryPrincipal.Kind.SERVICE_PRINCIPAL);
            assertThat(p.kind().armName()).isEqualTo("ServicePrincipal");
            assertThat(p.appId()).isEqualTo(sp.appId());
        });
        assertThat(directory.servicePrincipalByAppId(TENANT, sp.appId())).get()
                .extracting(DirectoryPrincipal::objectId).isEqualTo(sp.objectId());
        assertThat(directory.userByPrincipalName(TENANT, "alice@t.onmicrosoft.com")).get().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(DirectoryPrincipal.Kind.USER);
            assertThat(directory.byObjectId(TENANT, u.objectId())).contains(u);
        });
        assertThat(directory.byObjectId(TENANT, "11111111-1111-1111-1111-111111111111")).isEmpty();
        assertThat(directory.byObjectId("bbbbcccc-0000-cccc-1111-dddd2222eeee", sp.objectId())).isEmpty();
    }

    @Test
    void managedIdentitiesGetPrincipalsWithTheirOwnIdsOnce() {
        String objectId = "5a5a5a5a-0000-0000-0000-000000000001";
        String clientId = "6b6b6b6b-0000-0000-0000-000000000002";
        DirectoryPrincipal first = directory.createServicePrincipal(TENANT, objectId, clientId, "id-web",
                ServicePrincipal.MANAGED_IDENTITY);
        assertThat(directory.createServicePrincipal(TENANT, objectId, clientId, "id-web",
                ServicePrincipal.MANAGED_IDENTITY)).isEqualTo(first);
        assertThat(stores.identities().servicePrincipalByObjectId(TENANT, objectId)).get()
                .extracting(ServicePrincipal::principalType).isEqualTo("ManagedIdentity");
        assertThatThrownBy(() -> directory.createServicePrincipal(TENANT, objectId, "7c7c7c7c-0000-0000-0000-000000000003",
                "other", ServicePrincipal.MANAGED_IDENTITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.deleteServicePrincipal(TENANT, objectId)).isTrue();
        assertThat(directory.byObjectId(TENANT, objectId)).isEmpty();
    }

    @Test
    void aSecondPrincipalForAnApplicationIsGraphsConflictNotAnInternalError() {
        Application app = directory.createApplication(TENANT, "web", "{}");
        directory.createServicePrincipal(app, null, "{}");
        assertThatThrownBy(() -> directory.createServicePrincipal(app, "again", "{}"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("Request_MultipleObjectsWithSameKeyValue");
                });
        assertThat(stores.identities().servicePrincipals(TENANT)).singleElement()
                .extracting(ServicePrincipal::displayName).isEqualTo("web");
    }

    @Test
    void deletingAnApplicationTakesItsPrincipalAndEverySecret() {
        NewServicePrincipal sp = directory.createWithSecret(TENANT, "ci");
        directory.addPassword(TENANT, sp.objectId(), sp.appId(), null, null, null);
        Application app = stores.identities().applicationByAppId(TENANT, sp.appId()).orElseThrow();

        assertThat(directory.deleteApplication(TENANT, app.objectId())).isTrue();
        assertThat(stores.identities().servicePrincipal(TENANT, sp.appId())).isEmpty();
        assertThat(stores.identities().passwordCredentialsByAppId(TENANT, sp.appId())).isEmpty();
        assertThat(directory.deleteApplication(TENANT, app.objectId())).isFalse();
    }

    @Test
    void developmentPrincipalIsEnsuredOnceAndAcceptsAChangedSecret() {
        String appId = "00001111-aaaa-2222-bbbb-3333cccc4444";
        assertThat(directory.ensureDevelopmentPrincipal(TENANT, appId, "dev", "first-secret-value")).isTrue();
        assertThat(directory.ensureDevelopmentPrincipal(TENANT, appId, "dev", "first-secret-value")).isFalse();
        assertThat(directory.ensureDevelopmentPrincipal(TENANT, appId, "dev", "second-secret-value")).isTrue();
        assertThat(stores.identities().passwordCredentialsByAppId(TENANT, appId)).hasSize(2)
                .allSatisfy(c -> assertThat(c.endsAt()).isNull());
    }
}
