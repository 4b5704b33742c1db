package dev.cerulean.store.jdbc;

import static dev.cerulean.store.contract.SampleRecords.SUBSCRIPTION;
import static dev.cerulean.store.contract.SampleRecords.registry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite file store promises: its settings, persistence, and readers beside a writer. */
class SqliteFileStoreTest {

    @TempDir
    Path dir;

    private static String pragma(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void connectionsUseWalFullSyncAndABusyTimeout() throws Exception {
        try (SqliteDialect dialect = SqliteDialect.file(dir.resolve("c.db"));
             Connection connection = dialect.connections().getConnection()) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(connection, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
        }
    }

    @Test
    void dataSurvivesCloseAndReopenAndMigrationRunsOnce() {
        Path file = dir.resolve("nested/dir/cerulean.db");
        ResourceRecord registry = registry(SUBSCRIPTION, "rg", "reg");
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(file))) {
            stores.resources().put(registry, WriteCondition.ABSENT);
        }
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(file))) {
            assertThat(stores.backend()).isEqualTo("sqlite");
            assertThat(stores.resources().get(registry.key())).contains(registry);
        }
    }

    @Test
    void readersAreNotBlockedByAnOpenWriteTransaction() throws Exception {
        ResourceRecord existing = registry(SUBSCRIPTION, "rg", "existing");
        ResourceRecord pending = registry(SUBSCRIPTION, "rg", "pending");
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("c.db")))) {
            stores.resources().put(existing, WriteCondition.ABSENT);
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> stores.transactions().run(() -> {
                stores.resources().put(pending, WriteCondition.ABSENT);
                written.countDown();
                await(release);
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(
                    () -> stores.resources().get(existing.key()).isPresent()
                            && stores.resources().get(pending.key()).isEmpty());
            assertThat(reader.get(5, TimeUnit.SECONDS)).isTrue(); // while the writer still holds the lock
            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertThat(stores.resources().get(pending.key())).isPresent();
        }
    }

    @Test
    void aSecondWriterWaitsForTheFirstInsteadOfFailing() throws Exception {
        ResourceRecord first = registry(SUBSCRIPTION, "rg", "first");
        ResourceRecord second = registry(SUBSCRIPTION, "rg", "second");
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("c.db")))) {
            CountDownLatch written = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> stores.transactions().run(() -> {
                stores.resources().put(first, WriteCondition.ABSENT);
                written.countDown();
                sleep(300);
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stores.transactions().inTransaction(() -> stores.resources().put(second, WriteCondition.ABSENT)))
                    .isTrue();
            writer.get(10, TimeUnit.SECONDS);
            assertThat(stores.resources().get(first.key())).isPresent();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
