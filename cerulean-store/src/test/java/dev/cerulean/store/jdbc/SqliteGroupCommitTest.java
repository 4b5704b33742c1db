package dev.cerulean.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import dev.cerulean.store.contract.Race;
import dev.cerulean.store.contract.SampleRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on the SQLite file store: concurrent transactions share commits, yet each one is
 * all-or-nothing and none returns before its commit, as if they had run one after another.
 */
class SqliteGroupCommitTest {

    @TempDir
    Path dir;

    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message);
        }
    }

    private static ResourceRecord record(int n) {
        return SampleRecords.registry(SampleRecords.SUBSCRIPTION, "group", "reg" + n);
    }

    private static SecretRecord secret(int n) {
        return new SecretRecord(record(n).key(), "password", "hash", "v" + n, Instant.ofEpochMilli(n), null);
    }

    @Test
    void concurrentTransactionsEachCommitAllOrNothing() throws Exception {
        Path file = dir.resolve("race.db");
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(file))) {
            List<String> outcomes = Race.run(24, i -> () -> {
                try {
                    stores.transactions().run(() -> {
                        stores.resources().put(record(i), WriteCondition.ABSENT);
                        stores.secrets().put(secret(i));
                        if (i % 3 == 0) throw new Refusal("refused " + i);
                    });
                    return "ok";
                } catch (Refusal e) {
                    return e.getMessage();
                }
            });
            for (int i = 0; i < 24; i++) {
                assertThat(outcomes.get(i)).isEqualTo(i % 3 == 0 ? "refused " + i : "ok");
            }
        }
        try (Stores reopened = JdbcStores.open(StoreSettings.sqliteFile(file))) {
            for (int i = 0; i < 24; i++) {
                boolean kept = i % 3 != 0;
                assertThat(reopened.resources().get(record(i).key()).isPresent()).as("record %d", i).isEqualTo(kept);
                assertThat(reopened.secrets().get(record(i).key(), "password").isPresent()).as("secret %d", i).isEqualTo(kept);
            }
        }
    }

    @Test
    void writersQueuedBehindOneShareTheNextCommit() throws Exception {
        Path file = dir.resolve("queue.db");
        JdbcStores.open(StoreSettings.sqliteFile(file)).close(); // the schema
        CountingDialect dialect = new CountingDialect(SqliteDialect.file(file));
        DataSource connections = dialect.connections();
        GroupCommit group = new GroupCommit(new GroupCommit.ConnectionSource() {
            @Override
            public Connection borrow() {
                try {
                    return connections.getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void release(Connection connection, boolean clean) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // test connection
                }
            }
        }, dialect, 10_000);
        ThreadLocal<Connection> bound = new ThreadLocal<>();
        int writers = 9;
        CountDownLatch othersStarted = new CountDownLatch(writers - 1);
        AtomicInteger committedBeforeReturn = new AtomicInteger();
        Race.run(writers, i -> () -> {
            if (i > 0) {
                othersStarted.countDown();
                Thread.sleep(50); // let writer 0 take the first turn
            }
            group.run(() -> {
                if (i == 0) await(othersStarted);
                if (i == 0) sleep(300); // the others queue up behind this one meanwhile
                insert(bound.get(), i);
                return null;
            }, bound);
            if (visibleFromAnotherConnection(connections, i)) committedBeforeReturn.incrementAndGet();
            return null;
        });
        assertThat(committedBeforeReturn.get()).isEqualTo(writers);
        assertThat(dialect.commits.get()).as("commits for %d writers", writers).isLessThanOrEqualTo(3);
    }

    private static void insert(Connection connection, int n) {
        try (var statement = connection.prepareStatement("INSERT INTO kv (name, value) VALUES (?, ?)")) {
            statement.setString(1, "writer-" + n);
            statement.setString(2, "x");
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean visibleFromAnotherConnection(DataSource connections, int n) throws SQLException {
        try (Connection c = connections.getConnection();
             var statement = c.prepareStatement("SELECT 1 FROM kv WHERE name = ?")) {
            statement.setString(1, "writer-" + n);
            try (var row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SQLite's own dialect, counting commits. */
    private static final class CountingDialect implements Dialect {
        private final Dialect inner;
        final AtomicInteger commits = new AtomicInteger();

        CountingDialect(Dialect inner) {
            this.inner = inner;
        }

        @Override public String name() { return inner.name(); }
        @Override public DataSource connections() { return inner.connections(); }
        @Override public void configurePool(HikariConfig pool) { inner.configurePool(pool); }
        @Override public List<String> migrationLocations() { return inner.migrationLocations(); }
        @Override public Map<String, String> migrationPlaceholders() { return inner.migrationPlaceholders(); }
        @Override public void begin(Connection connection) throws SQLException { inner.begin(connection); }
        @Override public void rollback(Connection connection) throws SQLException { inner.rollback(connection); }
        @Override public boolean groupCommits() { return inner.groupCommits(); }
        @Override public boolean isUniqueViolation(SQLException e) { return inner.isUniqueViolation(e); }

        @Override
        public void commit(Connection connection) throws SQLException {
            commits.incrementAndGet();
            inner.commit(connection);
        }
    }
}
