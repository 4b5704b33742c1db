package dev.cerulean.store;

import java.util.Optional;

/** Long-running operation records. */
public interface OperationStore {

    void create(OperationRecord operation);

    Optional<OperationRecord> get(String id);

    /** Replaces the record if its current status and pollsLeft are as expected (CAS); returns true when written. */
    boolean update(OperationRecord operation, String expectedStatus, int expectedPollsLeft);
}
