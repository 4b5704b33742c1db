package dev.cerulean.store.contract;

import static dev.cerulean.store.contract.SampleRecords.CHANGED;
import static dev.cerulean.store.contract.SampleRecords.CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SecretStore} must do: upsert by (owner, name), list by owner, subtree deletes. */
public abstract class SecretStoreContract extends StoresContract {

    private static final String REGISTRY =
            "/subscriptions/s/resourcegroups/rg1/providers/microsoft.containerregistry/registries/reg";
    private static final String TOKEN = REGISTRY + "/tokens/t1";

    private SecretStore secrets;

    @BeforeEach
    void secrets() {
        secrets = stores.secrets();
    }

    private static SecretRecord secret(String owner, String name) {
        return new SecretRecord(owner, name, "hash", "pbkdf2$" + name, CREATED, null);
    }

    @Test
    void storedSecretIsReturnedWithEveryField() {
        SecretRecord expiring = new SecretRecord(TOKEN, "password1", "hash", "pbkdf2$x", CREATED, CHANGED);
        secrets.put(expiring);
        assertThat(secrets.get(TOKEN, "password1")).contains(expiring);
    }

    @Test
    void missingSecretIsEmpty() {
        assertThat(secrets.get(TOKEN, "password1")).isEmpty();
    }

    @Test
    void putReplacesTheSecretOfTheSameName() {
        secrets.put(secret(TOKEN, "password1"));
        SecretRecord rotated = new SecretRecord(TOKEN, "password1", "sealed", "ciphertext", CHANGED, CHANGED);
        secrets.put(rotated);
        assertThat(secrets.get(TOKEN, "password1")).contains(rotated);
        assertThat(secrets.list(TOKEN)).containsExactly(rotated);
    }

    @Test
    void listHoldsOnlyTheOwnersSecretsByName() {
        secrets.put(secret(TOKEN, "password2"));
        secrets.put(secret(TOKEN, "password1"));
        secrets.put(secret(REGISTRY, "admin"));
        secrets.put(secret(TOKEN + "/deeper", "x"));
        assertThat(secrets.list(TOKEN)).containsExactly(secret(TOKEN, "password1"), secret(TOKEN, "password2"));
    }

    @Test
    void listOrdersNamesByCodePoint() {
        List.of("p_1", "p-1", "pB", "pa").forEach(n -> secrets.put(secret(TOKEN, n)));
        assertThat(secrets.list(TOKEN)).extracting(SecretRecord::name).containsExactly("p-1", "pB", "p_1", "pa");
    }

    @Test
    void deleteRemovesOneSecret() {
        secrets.put(secret(TOKEN, "password1"));
        secrets.put(secret(TOKEN, "password2"));
        assertThat(secrets.delete(TOKEN, "password1")).isTrue();
        assertThat(secrets.list(TOKEN)).containsExactly(secret(TOKEN, "password2"));
    }

    @Test
    void deleteOfMissingSecretReturnsFalse() {
        assertThat(secrets.delete(TOKEN, "password1")).isFalse();
    }

    @Test
    void deleteTreeRemovesTheOwnerAndEveryOwnerBelowIt() {
        secrets.put(secret(REGISTRY, "admin"));
        secrets.put(secret(TOKEN, "password1"));
        secrets.put(secret(TOKEN, "password2"));
        assertThat(secrets.deleteTree(REGISTRY)).isEqualTo(3);
        assertThat(secrets.list(REGISTRY)).isEmpty();
        assertThat(secrets.list(TOKEN)).isEmpty();
    }

    @Test
    void deleteTreeKeepsOwnersThatMerelyShareThePrefix() {
        String rg1 = "/subscriptions/s/resourcegroups/rg1";
        String rg10 = "/subscriptions/s/resourcegroups/rg10";
        secrets.put(secret(rg1, "a"));
        secrets.put(secret(rg10, "a"));
        secrets.put(secret(rg10 + "/x", "a"));
        secrets.put(secret(rg1 + "$", "a"));
        secrets.put(secret(rg1 + "~", "a"));
        assertThat(secrets.deleteTree(rg1)).isEqualTo(1);
        assertThat(secrets.list(rg10)).hasSize(1);
        assertThat(secrets.list(rg10 + "/x")).hasSize(1);
        assertThat(secrets.list(rg1 + "$")).hasSize(1);
        assertThat(secrets.list(rg1 + "~")).hasSize(1);
    }

    @Test
    void deleteTreeTreatsUnderscoreAndPercentAsPlainCharacters() {
        String underscore = "/subscriptions/s/resourcegroups/a_b";
        String underscoreLookalike = "/subscriptions/s/resourcegroups/axb/tokens/t";
        String percent = "/subscriptions/s/resourcegroups/c%";
        String percentLookalike = "/subscriptions/s/resourcegroups/cdef/tokens/t";
        secrets.put(secret(underscore + "/tokens/t", "p"));
        secrets.put(secret(underscoreLookalike, "p"));
        secrets.put(secret(percent + "/tokens/t", "p"));
        secrets.put(secret(percentLookalike, "p"));
        assertThat(secrets.deleteTree(underscore)).isEqualTo(1);
        assertThat(secrets.deleteTree(percent)).isEqualTo(1);
        assertThat(secrets.list(underscoreLookalike)).hasSize(1);
        assertThat(secrets.list(percentLookalike)).hasSize(1);
    }
}
