package dev.cerulean.store.contract;

import static dev.cerulean.store.contract.SampleRecords.CHANGED;
import static dev.cerulean.store.contract.SampleRecords.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cerulean.store.OperationRecord;
import dev.cerulean.store.OperationStore;
import dev.cerulean.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OperationStore} must do: records that advance by compare-and-set. */
public abstract class OperationStoreContract extends StoresContract {

    private static final String ID = "6f1c2a3b-0000-4000-8000-000000000001";
    private static final String RESOURCE = "/subscriptions/s/resourcegroups/rg";

    private OperationStore operations;

    @BeforeEach
    void operations() {
        operations = stores.operations();
    }

    private static OperationRecord running(int pollsLeft) {
        return new OperationRecord(ID, RESOURCE, "delete", "InProgress", pollsLeft, null, null, CREATED, null);
    }

    private static OperationRecord succeeded() {
        return new OperationRecord(ID, RESOURCE, "delete", "Succeeded", 0, "{\"ok\":true}", null, CREATED, CHANGED);
    }

    @Test
    void createdOperationIsReturnedWithEveryField() {
        operations.create(running(2));
        assertThat(operations.get(ID)).contains(running(2));
    }

    @Test
    void missingOperationIsEmpty() {
        assertThat(operations.get(ID)).isEmpty();
    }

    @Test
    void creatingAnExistingIdFailsWithStoreException() {
        operations.create(running(2));
        assertThatThrownBy(() -> operations.create(running(1)))
                .isInstanceOf(StoreException.class)
                .hasMessage("operation " + ID + " already exists");
        assertThat(operations.get(ID)).contains(running(2));
    }

    @Test
    void updateFromTheExpectedStateReplacesTheRecord() {
        operations.create(running(1));
        assertThat(operations.update(succeeded(), "InProgress", 1)).isTrue();
        assertThat(operations.get(ID)).contains(succeeded());
    }

    @Test
    void updateWithAnotherStatusReturnsFalseAndKeepsTheRecord() {
        operations.create(running(1));
        assertThat(operations.update(succeeded(), "Succeeded", 1)).isFalse();
        assertThat(operations.get(ID)).contains(running(1));
    }

    @Test
    void updateWithAnotherPollCountReturnsFalseAndKeepsTheRecord() {
        operations.create(running(1));
        assertThat(operations.update(running(0), "InProgress", 2)).isFalse();
        assertThat(operations.get(ID)).contains(running(1));
    }

    @Test
    void updateOfMissingOperationReturnsFalse() {
        assertThat(operations.update(succeeded(), "InProgress", 1)).isFalse();
        assertThat(operations.get(ID)).isEmpty();
    }

    @Test
    void concurrentPollsAdvanceOneStepOnce() throws Exception {
        operations.create(running(3));
        List<Boolean> wins = Race.run(8, i -> () -> operations.update(running(2), "InProgress", 3));
        assertThat(wins).containsOnlyOnce(true);
        assertThat(operations.get(ID)).contains(running(2));
    }
}
