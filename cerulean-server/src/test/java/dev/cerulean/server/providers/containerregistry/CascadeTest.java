package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.SecretRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.key;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret the provider stores is owned by a key under its registry's key, so the engine's
 * delete-by-prefix of a registry or its resource group removes scope maps, tokens and credentials.
 */
class CascadeTest {

    private static final String REG = registryId("rg", "doomedreg");
    private static final String KEPT = registryId("otherrg", "keptreg");
    private final AcrTestbed bed = new AcrTestbed();

    @BeforeEach
    void twoRegistriesWithEverything() {
        for (String id : new String[] {REG, KEPT}) {
            bed.put(id, "{'location':'westus','sku':{'name':'Basic'},'properties':{'adminUserEnabled':true}}");
            bed.createScopeMap(id, "my-scope-map", "repositories/a/content/read");
            bed.createToken(id, "mytoken", "my-scope-map");
            bed.action(id, "generateCredentials", "{'tokenId':'" + id + "/tokens/mytoken'}");
        }
    }

    @Test
    void everySecretIsOwnedUnderItsRegistrysKey() {
        assertThat(bed.secrets.all()).hasSize(8);
        assertThat(bed.secrets.all()).allSatisfy(s ->
                assertThat(s.ownerKey().equals(key(REG)) || s.ownerKey().startsWith(key(REG) + "/")
                        || s.ownerKey().equals(key(KEPT)) || s.ownerKey().startsWith(key(KEPT) + "/")).isTrue());
    }

    @Test
    void deletingARegistryRemovesItsChildrenAndSecretsOnly() {
        bed.delete(REG);
        assertThat(bed.store.all()).extracting(ResourceRecord::key).noneMatch(k -> k.startsWith(key(REG)));
        assertThat(bed.secrets.all()).extracting(SecretRecord::ownerKey).noneMatch(k -> k.startsWith(key(REG)));
        assertThat(bed.store.all()).hasSize(1 + 5 + 1 + 1);
        assertThat(bed.secrets.all()).hasSize(4);
    }

    @Test
    void deletingTheResourceGroupRemovesEverythingInIt() {
        bed.deleteGroup("rg");
        assertThat(bed.store.all()).extracting(ResourceRecord::key).noneMatch(k -> k.startsWith(key(REG)));
        assertThat(bed.secrets.all()).extracting(SecretRecord::ownerKey).noneMatch(k -> k.startsWith(key(REG)));
        assertThat(bed.provider.credentials().registryByLoginServer("keptreg.azurecr.io")).isPresent();
        assertThat(bed.provider.credentials().registryByLoginServer("doomedreg.azurecr.io")).isEmpty();
    }
}
