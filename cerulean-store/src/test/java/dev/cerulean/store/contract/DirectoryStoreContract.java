package dev.cerulean.store.contract;

import static dev.cerulean.store.contract.SampleRecords.CHANGED;
import static dev.cerulean.store.contract.SampleRecords.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.Application;
import dev.cerulean.store.DirectoryUser;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.PasswordCredential;
import dev.cerulean.store.ServicePrincipal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdentityStore} must do for the directory behind Graph: applications, service
 * principals by object id, password credentials of either, users by name.
 */
public abstract class DirectoryStoreContract extends StoresContract {

    private static final String TENANT = "aaaabbbb-0000-cccc-1111-dddd2222eeee";
    private static final String OTHER_TENANT = "bbbbcccc-0000-cccc-1111-dddd2222eeee";
    private static final String APP_ID = "00001111-aaaa-2222-bbbb-3333cccc4444";
    private static final String APP_OBJECT = "10000000-0000-0000-0000-000000000001";
    private static final String SP_OBJECT = "20000000-0000-0000-0000-000000000002";

    private IdentityStore directory;

    @BeforeEach
    void directory() {
        directory = stores.identities();
    }

    private static Application app(String objectId, String appId, String name) {
        return new Application(TENANT, objectId, appId, name, "{\"identifierUris\":[]}", CREATED);
    }

    private static PasswordCredential secret(String ownerId, String keyId) {
        return new PasswordCredential(TENANT, ownerId, APP_ID, keyId, "rbac", "abc", "sha256$s$h", CREATED, CHANGED);
    }

    @Test
    void applicationIsFoundByObjectIdAndByAppIdWithEveryField() {
        assertThat(directory.createApplication(app(APP_OBJECT, APP_ID, "ci"))).isTrue();
        assertThat(directory.application(TENANT, APP_OBJECT)).contains(app(APP_OBJECT, APP_ID, "ci"));
        assertThat(directory.applicationByAppId(TENANT, APP_ID)).contains(app(APP_OBJECT, APP_ID, "ci"));
        assertThat(directory.application(OTHER_TENANT, APP_OBJECT)).isEmpty();
    }

    @Test
    void applicationObjectIdAndAppIdAreEachUnique() {
        directory.createApplication(app(APP_OBJECT, APP_ID, "ci"));
        assertThat(directory.createApplication(app(APP_OBJECT, "another-app", "x"))).isFalse();
        assertThat(directory.createApplication(app("another-object", APP_ID, "x"))).isFalse();
        assertThat(directory.applications(TENANT)).containsExactly(app(APP_OBJECT, APP_ID, "ci"));
    }

    @Test
    void applicationsAreListedByObjectIdAndUpdatedAndDeleted() {
        directory.createApplication(app("b", "app-b", "b"));
        directory.createApplication(app("a", "app-a", "a"));
        assertThat(directory.applications(TENANT)).extracting(Application::objectId).containsExactly("a", "b");
        Application renamed = new Application(TENANT, "a", "app-a", "renamed", "{\"x\":1}", CREATED);
        assertThat(directory.updateApplication(renamed)).isTrue();
        assertThat(directory.application(TENANT, "a")).contains(renamed);
        assertThat(directory.deleteApplication(TENANT, "a")).isTrue();
        assertThat(directory.deleteApplication(TENANT, "a")).isFalse();
        assertThat(directory.updateApplication(renamed)).isFalse();
        assertThat(directory.applications(TENANT)).extracting(Application::objectId).containsExactly("b");
    }

    @Test
    void servicePrincipalIsFoundByObjectIdUpdatedAndDeleted() {
        ServicePrincipal sp = new ServicePrincipal(TENANT, APP_ID, SP_OBJECT, "ci", ServicePrincipal.MANAGED_IDENTITY,
                "{\"tags\":[]}", CREATED);
        assertThat(directory.createServicePrincipal(sp)).isTrue();
        assertThat(directory.servicePrincipalByObjectId(TENANT, SP_OBJECT)).contains(sp);
        assertThat(directory.servicePrincipalByObjectId(OTHER_TENANT, SP_OBJECT)).isEmpty();
        assertThat(directory.servicePrincipals(TENANT)).containsExactly(sp);
        ServicePrincipal renamed = new ServicePrincipal(TENANT, APP_ID, SP_OBJECT, "new", sp.principalType(), "{}",
                CREATED);
        assertThat(directory.updateServicePrincipal(renamed)).isTrue();
        assertThat(directory.servicePrincipal(TENANT, APP_ID)).contains(renamed);
        assertThat(directory.deleteServicePrincipal(TENANT, SP_OBJECT)).isTrue();
        assertThat(directory.servicePrincipal(TENANT, APP_ID)).isEmpty();
    }

    @Test
    void servicePrincipalObjectIdIsUnique() {
        directory.createServicePrincipal(ServicePrincipal.ofApplication(TENANT, APP_ID, SP_OBJECT, "ci", CREATED));
        assertThat(directory.createServicePrincipal(
                ServicePrincipal.ofApplication(TENANT, "another-app", SP_OBJECT, "x", CREATED))).isFalse();
    }

    @Test
    void credentialsOfApplicationAndPrincipalAreFoundByAppId() {
        assertThat(directory.addPasswordCredential(secret(APP_OBJECT, "k2"))).isTrue();
        assertThat(directory.addPasswordCredential(secret(APP_OBJECT, "k1"))).isTrue();
        assertThat(directory.addPasswordCredential(secret(SP_OBJECT, "k3"))).isTrue();
        assertThat(directory.addPasswordCredential(secret(SP_OBJECT, "k3"))).isFalse();
        assertThat(directory.passwordCredentials(APP_OBJECT)).containsExactly(secret(APP_OBJECT, "k1"),
                secret(APP_OBJECT, "k2"));
        assertThat(directory.passwordCredentialsByAppId(TENANT, APP_ID)).hasSize(3);
        assertThat(directory.passwordCredentialsByAppId(OTHER_TENANT, APP_ID)).isEmpty();
    }

    @Test
    void credentialsAreRemovedOneByOneOrAllOfAnOwner() {
        directory.addPasswordCredential(secret(APP_OBJECT, "k1"));
        directory.addPasswordCredential(secret(APP_OBJECT, "k2"));
        directory.addPasswordCredential(secret(SP_OBJECT, "k3"));
        assertThat(directory.removePasswordCredential(APP_OBJECT, "k1")).isTrue();
        assertThat(directory.removePasswordCredential(APP_OBJECT, "k1")).isFalse();
        assertThat(directory.removePasswordCredentials(APP_OBJECT)).isEqualTo(1);
        assertThat(directory.passwordCredentialsByAppId(TENANT, APP_ID)).containsExactly(secret(SP_OBJECT, "k3"));
    }

    @Test
    void aReadByAppIdAfterAWriteSeesTheWriteEvenIfTheSameReadWasJustMade() {
        directory.addPasswordCredential(secret(SP_OBJECT, "k1"));
        directory.createServicePrincipal(ServicePrincipal.ofApplication(TENANT, APP_ID, SP_OBJECT, "ci", CREATED));
        assertThat(directory.passwordCredentialsByAppId(TENANT, APP_ID)).hasSize(1);
        assertThat(directory.servicePrincipal(TENANT, APP_ID)).isPresent();
        stores.transactions().run(() -> {
            directory.removePasswordCredential(SP_OBJECT, "k1");
            assertThat(directory.passwordCredentialsByAppId(TENANT, APP_ID)).isEmpty(); // its own write
        });
        assertThat(directory.passwordCredentialsByAppId(TENANT, APP_ID)).isEmpty();
        directory.deleteServicePrincipal(TENANT, SP_OBJECT);
        assertThat(directory.servicePrincipal(TENANT, APP_ID)).isEmpty();
        directory.addPasswordCredential(secret(SP_OBJECT, "k2"));
        assertThat(directory.passwordCredentialsByAppId(TENANT, APP_ID)).containsExactly(secret(SP_OBJECT, "k2"));
    }

    @Test
    void credentialWithoutEndIsKeptAsSuch() {
        PasswordCredential open = new PasswordCredential(TENANT, SP_OBJECT, APP_ID, "k", null, null, "sha256$s$h",
                CREATED, null);
        directory.addPasswordCredential(open);
        assertThat(directory.passwordCredentials(SP_OBJECT)).containsExactly(open);
    }

    @Test
    void usersAreFoundByNameCaseInsensitivelyAndByObjectId() {
        DirectoryUser dev = new DirectoryUser(TENANT, "u1", "Dev@Cerulean.onmicrosoft.com", "Dev", "D", "V",
                "0123456789ABCDEF", "pbkdf2$1$s$h", CREATED);
        assertThat(directory.createUser(dev)).isTrue();
        assertThat(directory.userByPrincipalName(TENANT, "dev@cerulean.onmicrosoft.com")).contains(dev);
        assertThat(directory.user(TENANT, "u1")).contains(dev);
        assertThat(directory.user(OTHER_TENANT, "u1")).isEmpty();
        DirectoryUser sameName = new DirectoryUser(TENANT, "u2", "DEV@cerulean.onmicrosoft.com", null, null, null,
                null, null, CREATED);
        assertThat(directory.createUser(sameName)).isFalse();
        assertThat(directory.users(TENANT)).containsExactly(dev);
    }
}
