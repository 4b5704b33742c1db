package dev.cerulean.store.jdbc;

import static dev.cerulean.store.contract.SampleRecords.SUBSCRIPTION;
import static dev.cerulean.store.contract.SampleRecords.child;
import static dev.cerulean.store.contract.SampleRecords.registry;
import static dev.cerulean.store.contract.SampleRecords.withBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of committed reads: what it remembers, and that a write always makes it forget. */
class CommittedReadsTest {

    private static final ResourceRecord ROW = registry(SUBSCRIPTION, "rg", "reg");

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();

    private CommittedReads<Optional<ResourceRecord>> cache(int maxEntries) {
        return new CommittedReads<>(maxEntries, 1 << 20, 1_000, row -> 1, clock::get);
    }

    private Optional<ResourceRecord> read() {
        reads.incrementAndGet();
        return Optional.of(ROW);
    }

    @Test
    void aSecondReadIsServedFromMemoryUntilTheRowIsForgotten() {
        CommittedReads<Optional<ResourceRecord>> cache = cache(10);
        assertThat(cache.get(ROW.key(), this::read)).contains(ROW);
        assertThat(cache.get(ROW.key(), this::read)).contains(ROW);
        assertThat(reads).hasValue(1);
        cache.forget(ROW.key());
        cache.get(ROW.key(), this::read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRowForgottenWhileItWasBeingReadIsNotRemembered() {
        CommittedReads<Optional<ResourceRecord>> cache = cache(10);
        // a commit (and its forget) lands between the reader's SELECT and its remembering
        cache.get(ROW.key(), () -> {
            cache.forget(ROW.key());
            return read();
        });
        cache.get(ROW.key(), this::read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void rowsOlderThanTheBoundAreReadAgain() {
        CommittedReads<Optional<ResourceRecord>> cache = cache(10);
        cache.get(ROW.key(), this::read);
        clock.addAndGet(999);
        cache.get(ROW.key(), this::read);
        assertThat(reads).hasValue(1);
        clock.addAndGet(1);
        cache.get(ROW.key(), this::read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void forgettingByPredicateKeepsWhatItRefuses() {
        CommittedReads<Optional<ResourceRecord>> cache = cache(10);
        ResourceRecord sibling = registry(SUBSCRIPTION, "rg", "reg2");
        ResourceRecord below = child(ROW, "scopeMaps", "map");
        for (ResourceRecord row : new ResourceRecord[] {ROW, sibling, below}) {
            cache.get(row.key(), () -> Optional.of(row));
        }
        cache.forgetIf(k -> k.equals(ROW.key()) || k.startsWith(ROW.key() + "/"));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(sibling.key(), this::read)).contains(sibling);
        assertThat(reads).hasValue(0);
    }

    @Test
    void aFullCacheStartsAgainFromEmpty() {
        CommittedReads<Optional<ResourceRecord>> cache = cache(2);
        for (int i = 0; i < 5; i++) {
            ResourceRecord row = registry(SUBSCRIPTION, "rg", "r" + i);
            cache.get(row.key(), () -> Optional.of(row));
            assertThat(cache.size()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aWriteInATransactionIsSeenByOtherReadersOnlyAfterItsCommit() {
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("c.db")))) {
            stores.resources().put(ROW, WriteCondition.ABSENT);
            ResourceRecord changed = withBody(ROW, "{\"v\":2}", "etag-2");
            stores.transactions().run(() -> {
                stores.resources().put(changed, WriteCondition.ALWAYS);
                assertThat(stores.resources().get(ROW.key())).contains(changed); // the transaction sees its own write
                // another thread sees the committed row, and the cache now holds it
                assertThat(CompletableFuture.supplyAsync(() -> stores.resources().get(ROW.key())).join()).contains(ROW);
            });
            assertThat(stores.resources().get(ROW.key())).contains(changed); // the commit made the cache forget it
        }
    }

    @Test
    void offKeepsNothing() {
        CommittedReads<Optional<ResourceRecord>> off = CommittedReads.off();
        off.get(ROW.key(), this::read);
        off.get(ROW.key(), this::read);
        assertThat(reads).hasValue(2);
        assertThat(off.size()).isZero();
    }

    @Test
    void aRolledBackWriteLeavesTheCommittedRow() {
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("c.db")))) {
            stores.resources().put(ROW, WriteCondition.ABSENT);
            stores.resources().get(ROW.key());
            try {
                stores.transactions().run(() -> {
                    stores.resources().deleteTree(ROW.key());
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the transaction's failure, unchanged
            }
            assertThat(stores.resources().get(ROW.key())).contains(ROW);
            stores.resources().deleteTree(ROW.key());
            assertThat(stores.resources().get(ROW.key())).isEmpty();
        }
    }

    @Test
    void aTreeDeleteForgetsRememberedRowsBelowItAndKeepsSiblings() {
        ResourceRecord sibling = registry(SUBSCRIPTION, "rg", "reg2");
        ResourceRecord below = child(ROW, "scopeMaps", "map");
        try (Stores stores = JdbcStores.open(StoreSettings.sqliteFile(dir.resolve("c.db")))) {
            for (ResourceRecord row : new ResourceRecord[] {ROW, sibling, below}) {
                stores.resources().put(row, WriteCondition.ABSENT);
                assertThat(stores.resources().get(row.key())).contains(row);
            }
            stores.resources().deleteTree(ROW.key());
            assertThat(stores.resources().get(below.key())).isEmpty();
            assertThat(stores.resources().get(ROW.key())).isEmpty();
            assertThat(stores.resources().get(sibling.key())).contains(sibling);
        }
    }
}
