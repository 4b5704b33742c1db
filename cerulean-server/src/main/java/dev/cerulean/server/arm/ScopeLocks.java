package dev.cerulean.server.arm;

/**
 * Management locks as the ARM pipeline consults them: on every write, POST action and delete,
 * never on a read. Implemented by {@code providers.authorization.locks.LockGuard}.
 */
public interface ScopeLocks {

    /** No locks at all: engine tests and servers built without the lock provider. */
    ScopeLocks NONE = (verb, target) -> {};

    /**
     * Refuses with 409 {@code ScopeLocked} when a lock forbids {@code verb} ({@code write} or
     * {@code delete}) on {@code target}, the id the request names.
     */
    void check(String verb, String target);
}
