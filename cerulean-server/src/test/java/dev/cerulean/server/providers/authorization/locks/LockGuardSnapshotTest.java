package dev.cerulean.server.providers.authorization.locks;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.store.Page;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Stores;
import dev.cerulean.store.WriteCondition;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard reads a subscription's locks once per snapshot: re-read after a local change or when older than its age. */
class LockGuardSnapshotTest {

    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
    private static final String RG = SUB + "/resourceGroups/rg";

    private final Stores stores = JdbcStores.open(new StoreSettings.SqliteInMemory());
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final ResourceStore counting = new ResourceStore() {
        @Override public Optional<ResourceRecord> get(String key) { return stores.resources().get(key); }
        @Override public boolean put(ResourceRecord r, WriteCondition c) { return stores.resources().put(r, c); }
        @Override public boolean delete(String key, WriteCondition c) { return stores.resources().delete(key, c); }
        @Override public int deleteTree(String key) { return stores.resources().deleteTree(key); }
        @Override public Page<ResourceRecord> list(ResourceQuery q) {
            lists.incrementAndGet();
            return stores.resources().list(q);
        }
    };
    private final LockGuard guard = new LockGuard(counting, Duration.ofSeconds(1), now::get);

    @AfterEach
    void close() {
        stores.close();
    }

    private void lock(String scope, String level) {
        String id = scope + "/providers/Microsoft.Authorization/locks/l";
        stores.resources().put(new ResourceRecord(id.toLowerCase(), id, SUB.substring("/subscriptions/".length()), "rg",
                ManagementLocks.TYPE_KEY, scope.toLowerCase(), "l", null, false,
                "{\"properties\":{\"level\":\"" + level + "\"}}", "\"e\"", Instant.EPOCH, Instant.EPOCH), WriteCondition.ALWAYS);
    }

    @Test
    void oneReadPerSnapshotAndALocalChangeIsSeenAtOnce() {
        guard.check("write", RG + "/providers/Microsoft.Storage/storageAccounts/a");
        guard.check("delete", RG);
        assertThat(lists).hasValue(1);

        lock(RG, "ReadOnly");
        guard.check("write", RG); // still the empty snapshot: another server's change shows within the age
        guard.invalidate(SUB.substring("/subscriptions/".length()).toUpperCase());
        assertThatThrownBy(() -> guard.check("write", RG + "/providers/Microsoft.Storage/storageAccounts/a"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("ScopeLocked"));
        assertThat(lists).hasValue(2);
    }

    @Test
    void aSnapshotOlderThanItsAgeIsReread() {
        guard.check("delete", RG);
        lock(RG, "CanNotDelete");
        now.addAndGet(Duration.ofMillis(999).toNanos());
        guard.check("delete", RG);
        now.addAndGet(Duration.ofMillis(2).toNanos());
        assertThatThrownBy(() -> guard.check("delete", RG)).isInstanceOf(ApiError.class);
        guard.check("write", RG); // CanNotDelete leaves writes alone
        assertThat(lists).hasValue(2);
    }

    @Test
    void writesAtTheSubscriptionItselfAndTargetsOutsideSubscriptionsAreNotRefused() {
        lock(SUB, "ReadOnly");
        guard.check("write", SUB);
        guard.check("write", "/providers/Microsoft.Authorization/roleAssignments/x");
        assertThatThrownBy(() -> guard.check("write", RG)).isInstanceOf(ApiError.class);
        assertThat(lists).hasValue(1);
    }
}
