package dev.cerulean.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.cerulean.store.StoreException;
import dev.cerulean.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection seam of every JDBC store. Inside {@link #inTransaction} the thread's one
 * connection, with a transaction open, is bound to a thread-local and every store call on that
 * thread uses it; outside, each call borrows an auto-commit connection from the pool for just that
 * call. Nested {@code inTransaction} calls join the outer transaction. Where the dialect asks for it
 * (SQLite in a file) concurrent transactions share commits, see {@link GroupCommit}.
 */
final class JdbcTransactions implements Transactions {

    /** Work against one connection; its {@link SQLException}s become {@link StoreException}s. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactions.class);

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    /** What must run once this thread's outermost transaction has ended (see {@link #thenForget}). */
    private final ThreadLocal<List<Runnable>> afterEnd = new ThreadLocal<>();
    private final GroupCommit groupCommit;

    JdbcTransactions(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.groupCommit = dialect.groupCommits() ? new GroupCommit(new GroupCommit.ConnectionSource() {
            @Override
            public Connection borrow() {
                return JdbcTransactions.this.borrow();
            }

            @Override
            public void release(Connection connection, boolean clean) {
                JdbcTransactions.this.release(connection, clean);
            }
        }, dialect, pool.getConnectionTimeout()) : null;
    }

    /**
     * Runs {@code work} on the thread's transaction connection, or on a pooled auto-commit one.
     * {@code what} names the operation in the {@link StoreException} message.
     */
    <T> T withConnection(String what, SqlWork<T> work) {
        Connection joined = bound.get();
        try {
            if (joined != null) {
                return work.apply(joined);
            }
            try (Connection own = pool.getConnection()) {
                return work.apply(own);
            }
        } catch (SQLException e) {
            throw new StoreException("store failure: " + what, e);
        }
    }

    /** True while this thread is inside {@link #inTransaction}: reads see its uncommitted writes. */
    private boolean inTransaction() {
        return bound.get() != null;
    }

    /**
     * {@code read} through {@code cache} outside a transaction; inside one, straight from the
     * transaction's connection, which may hold its own writes not yet committed.
     */
    <V> V readCommitted(CommittedReads<V> cache, String key, Supplier<V> read) {
        return inTransaction() ? read.get() : cache.get(key, read);
    }

    /**
     * Runs {@code write}, then {@code forget} once what it wrote is committed: at the end of this
     * thread's outermost transaction, or right after an auto-commit statement. Also when the write or
     * its transaction fails: forgetting too much only costs a read. This is how a {@link CommittedReads}
     * cache learns of writes; forgetting before the commit would let a reader remember the old row.
     */
    <T> T thenForget(Runnable forget, Supplier<T> write) {
        List<Runnable> pending = afterEnd.get();
        if (pending != null) {
            pending.add(forget);
            return write.get();
        }
        try {
            return write.get();
        } finally {
            forget.run();
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get(); // nested: the outermost call commits or rolls back
        }
        List<Runnable> pending = new ArrayList<>();
        afterEnd.set(pending);
        try {
            return outermost(work);
        } finally {
            afterEnd.remove();
            pending.forEach(Runnable::run);
        }
    }

    private <T> T outermost(Supplier<T> work) {
        if (groupCommit != null) {
            return groupCommit.run(work, bound);
        }
        Connection connection = borrow();
        boolean clean = false;
        try {
            dialect.begin(connection);
            bound.set(connection);
            T result;
            try {
                result = work.get();
            } catch (Throwable failure) {
                clean = rollback(connection, failure);
                throw failure; // unchanged: callers throw ApiError through here
            }
            try {
                dialect.commit(connection);
                clean = true;
            } catch (SQLException e) {
                clean = rollback(connection, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("transaction failed", e);
        } finally {
            bound.remove();
            release(connection, clean);
        }
    }

    private Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("no database connection", e);
        }
    }

    /** Returns false when the connection may still be inside a transaction. */
    private boolean rollback(Connection connection, Throwable cause) {
        try {
            dialect.rollback(connection);
            return true;
        } catch (SQLException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    /** A connection whose transaction state is unknown is closed for good, never pooled again. */
    private void release(Connection connection, boolean clean) {
        if (!clean) {
            pool.evictConnection(connection);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // never mask the transaction's own outcome; the pool replaces a broken connection
            LOG.warn("cannot return a connection to the pool", e);
        }
    }
}
