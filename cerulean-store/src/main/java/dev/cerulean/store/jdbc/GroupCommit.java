package dev.cerulean.store.jdbc;

import dev.cerulean.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit, for a database with one writer at a time that syncs every commit to disk (SQLite in
 * a file, where one fsync costs milliseconds while the write itself costs microseconds). Writers
 * take turns on a Java lock instead of SQLite's sleeping busy handler, and the writers that queued
 * while one transaction committed share the next one: each runs its work inside a savepoint of its
 * own, and the last of them commits for all. So a burst of N writes (a deployment's resources,
 * concurrent clients) costs about N / queue-length syncs, not N.
 *
 * <p>Each writer's work is still all-or-nothing (a failure rolls back to its own savepoint only,
 * and the others' work stays), and no writer returns before the commit that holds its work is on
 * disk; when that commit fails, every writer of the group gets the failure and none of their work
 * exists. A writer that fails returns its failure at once. The effect is that of running the
 * writers one after another, each in its own transaction.
 */
final class GroupCommit {

    /** Writers sharing one transaction at most, so that one commit never waits on an endless queue. */
    static final int MAX_MEMBERS = 64;
    private static final String SAVEPOINT = "cerulean_writer";
    /** How often a writer waiting for its group's commit checks that someone is still going to commit it. */
    private static final long COMMIT_CHECK_MILLIS = 200;

    private final ConnectionSource connections;
    private final Dialect dialect;
    private final long waitMillis;
    private final ReentrantLock turn = new ReentrantLock(true);
    private Group open; // guarded by turn

    /** Where the group's connection comes from and goes back to. */
    interface ConnectionSource {
        Connection borrow();

        /** {@code clean} false: the connection may still be inside a transaction and must not be reused. */
        void release(Connection connection, boolean clean);
    }

    private static final class Group {
        final Connection connection;
        final CompletableFuture<Void> committed = new CompletableFuture<>();
        int members;

        Group(Connection connection) {
            this.connection = connection;
        }
    }

    /** @param waitMillis how long a writer waits for its turn before failing, like SQLite's busy timeout */
    GroupCommit(ConnectionSource connections, Dialect dialect, long waitMillis) {
        this.connections = connections;
        this.dialect = dialect;
        this.waitMillis = waitMillis;
    }

    /** Runs {@code work} with the group's connection bound to this thread; returns once its commit is durable. */
    <T> T run(Supplier<T> work, ThreadLocal<Connection> bound) {
        acquireTurn();
        Group group;
        T result = null;
        Throwable failure = null;
        try {
            group = join();
            try {
                execute(group.connection, "SAVEPOINT " + SAVEPOINT);
                bound.set(group.connection);
                try {
                    result = work.get();
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    bound.remove();
                }
                if (failure != null) execute(group.connection, "ROLLBACK TO " + SAVEPOINT);
                execute(group.connection, "RELEASE " + SAVEPOINT);
            } catch (SQLException e) {
                abandon(group, e);
                if (failure != null) failure.addSuppressed(e);
                else throw new StoreException("transaction failed", e);
            }
            if (open == group && (!turn.hasQueuedThreads() || group.members >= MAX_MEMBERS)) commit(group);
        } finally {
            turn.unlock();
        }
        if (failure instanceof RuntimeException e) throw e; // unchanged: callers throw ApiError through here
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new StoreException("transaction failed", failure);
        awaitCommit(group);
        return result;
    }

    private void acquireTurn() {
        try {
            if (!turn.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new StoreException("transaction failed: no turn to write within " + waitMillis + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("transaction interrupted", e);
        }
    }

    /** The open group, or a new one with its transaction begun. Called holding the turn. */
    private Group join() {
        Group group = open;
        if (group == null) {
            Connection connection = connections.borrow();
            try {
                dialect.begin(connection);
            } catch (SQLException e) {
                connections.release(connection, false);
                throw new StoreException("transaction failed", e);
            }
            group = new Group(connection);
            open = group;
        }
        group.members++;
        return group;
    }

    /** Commits the group's work for all its writers. Called holding the turn. */
    private void commit(Group group) {
        open = null;
        try {
            dialect.commit(group.connection);
        } catch (SQLException e) {
            boolean clean = rollback(group.connection, e);
            group.committed.completeExceptionally(e);
            connections.release(group.connection, clean);
            return;
        }
        group.committed.complete(null);
        connections.release(group.connection, true);
    }

    /** The connection's state is unknown: the whole group fails and nothing of it is kept. */
    private void abandon(Group group, SQLException cause) {
        if (open == group) open = null;
        boolean clean = rollback(group.connection, cause);
        group.committed.completeExceptionally(cause);
        connections.release(group.connection, clean);
    }

    private boolean rollback(Connection connection, Throwable cause) {
        try {
            dialect.rollback(connection);
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /**
     * Waits for the writer that commits the group. Should the writer this one left the group open for
     * never come (it gave up waiting for its turn), this one commits the group itself.
     */
    private void awaitCommit(Group group) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    group.committed.get(COMMIT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the work is in the group: its outcome must still be awaited
                } catch (ExecutionException e) {
                    throw new StoreException("transaction failed", e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    if (turn.tryLock()) {
                        try {
                            if (open == group) commit(group);
                        } finally {
                            turn.unlock();
                        }
                    }
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
