package dev.cerulean.store.contract;

import static dev.cerulean.store.contract.SampleRecords.CREATED;
import static dev.cerulean.store.contract.SampleRecords.SUBSCRIPTION;
import static dev.cerulean.store.contract.SampleRecords.registry;
import static dev.cerulean.store.contract.SampleRecords.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cerulean.store.OperationRecord;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.StoreException;
import dev.cerulean.store.Transactions;
import dev.cerulean.store.WriteCondition;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Transactions} must do: all-or-nothing across stores, joined when nested. */
public abstract class TransactionsContract extends StoresContract {

    private static final ResourceRecord REGISTRY = registry(SUBSCRIPTION, "rg", "reg");
    private static final SecretRecord ADMIN_PASSWORD =
            new SecretRecord(REGISTRY.key(), "password", "sealed", "ciphertext", CREATED, null);

    private Transactions transactions;

    @BeforeEach
    void transactions() {
        transactions = stores.transactions();
    }

    /** The kind of exception callers throw through a transaction (ApiError is one). */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    @Test
    void writesToTwoStoresCommitTogether() {
        transactions.run(() -> {
            stores.resources().put(REGISTRY, WriteCondition.ABSENT);
            stores.secrets().put(ADMIN_PASSWORD);
        });
        assertThat(stores.resources().get(REGISTRY.key())).contains(REGISTRY);
        assertThat(stores.secrets().get(REGISTRY.key(), "password")).contains(ADMIN_PASSWORD);
    }

    @Test
    void inTransactionReturnsTheWorksResult() {
        assertThat(transactions.inTransaction(() -> stores.resources().put(REGISTRY, WriteCondition.ABSENT)))
                .isTrue();
    }

    @Test
    void anExceptionRollsBackBothStoresAndIsRethrownUnchanged() {
        Refusal refusal = new Refusal("quota exceeded");
        assertThatThrownBy(() -> transactions.run(() -> {
            stores.resources().put(REGISTRY, WriteCondition.ABSENT);
            stores.secrets().put(ADMIN_PASSWORD);
            throw refusal;
        })).isSameAs(refusal);
        assertThat(stores.resources().get(REGISTRY.key())).isEmpty();
        assertThat(stores.secrets().get(REGISTRY.key(), "password")).isEmpty();
    }

    @Test
    void writesAreVisibleInsideTheirOwnTransaction() {
        ResourceRecord seen = transactions.inTransaction(() -> {
            stores.resources().put(REGISTRY, WriteCondition.ABSENT);
            return stores.resources().get(REGISTRY.key()).orElseThrow();
        });
        assertThat(seen).isEqualTo(REGISTRY);
    }

    @Test
    void nestedTransactionJoinsTheOuterOneAndRollsBackWithIt() {
        Refusal refusal = new Refusal("later step failed");
        assertThatThrownBy(() -> transactions.run(() -> {
            transactions.run(() -> stores.resources().put(REGISTRY, WriteCondition.ABSENT));
            assertThat(stores.resources().get(REGISTRY.key())).isPresent();
            stores.secrets().put(ADMIN_PASSWORD);
            throw refusal;
        })).isSameAs(refusal);
        assertThat(stores.resources().get(REGISTRY.key())).isEmpty();
        assertThat(stores.secrets().get(REGISTRY.key(), "password")).isEmpty();
    }

    @Test
    void failureInANestedTransactionRollsBackTheOuterOne() {
        Refusal refusal = new Refusal("inner failed");
        assertThatThrownBy(() -> transactions.run(() -> {
            stores.resources().put(REGISTRY, WriteCondition.ABSENT);
            transactions.run(() -> {
                stores.secrets().put(ADMIN_PASSWORD);
                throw refusal;
            });
        })).isSameAs(refusal);
        assertThat(stores.resources().get(REGISTRY.key())).isEmpty();
        assertThat(stores.secrets().get(REGISTRY.key(), "password")).isEmpty();
    }

    @Test
    void aDatabaseErrorInsideATransactionIsAStoreExceptionAndRollsBack() {
        OperationRecord operation = new OperationRecord("op-1", REGISTRY.key(), "create", "InProgress", 1,
                null, null, CREATED, null);
        stores.operations().create(operation);
        assertThatThrownBy(() -> transactions.run(() -> {
            stores.resources().put(REGISTRY, WriteCondition.ABSENT);
            stores.operations().create(operation);
        })).isInstanceOf(StoreException.class).hasMessage("operation op-1 already exists");
        assertThat(stores.resources().get(REGISTRY.key())).isEmpty();
    }

    @Test
    void connectionsAreReturnedAfterRolledBackTransactions() {
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> transactions.run(() -> {
                stores.resources().put(REGISTRY, WriteCondition.ALWAYS);
                throw new Refusal("no");
            })).isInstanceOf(Refusal.class);
        }
        assertThat(stores.resources().put(REGISTRY, WriteCondition.ABSENT)).isTrue();
    }

    @Test
    void concurrentReadThenWriteTransactionsAllCommit() throws Exception {
        stores.resources().put(REGISTRY, WriteCondition.ABSENT);
        List<Boolean> committed = Race.run(8, i -> () -> {
            for (int round = 0; round < 5; round++) {
                int r = round;
                transactions.run(() -> {
                    stores.resources().get(REGISTRY.key()).orElseThrow();
                    stores.resources().put(withBody(registry(SUBSCRIPTION, "rg", "w" + i), "{}", "e" + r),
                            WriteCondition.ALWAYS);
                    stores.secrets().put(new SecretRecord(REGISTRY.key(), "p" + i, "hash", "v" + r, CREATED, null));
                });
            }
            return true;
        });
        assertThat(committed).containsOnly(true);
        assertThat(stores.secrets().list(REGISTRY.key())).hasSize(8);
    }
}
