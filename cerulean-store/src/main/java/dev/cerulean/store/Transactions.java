package dev.cerulean.store;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction. Every store call made by the current thread inside
 * {@code work} joins it, so several writes (a resource and its secrets, a cascade delete) commit
 * together or not at all. Nested calls join the outer transaction.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> { work.run(); return null; });
    }
}
