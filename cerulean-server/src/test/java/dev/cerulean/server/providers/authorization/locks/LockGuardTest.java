package dev.cerulean.server.providers.authorization.locks;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.rbac.ScopeKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LockGuardTest {

    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
    private static final String RG = SUB + "/resourceGroups/rg";
    private static final String SA = RG + "/providers/Microsoft.Storage/storageAccounts/sa";

    private static LockGuard.Lock lock(String scope, boolean readOnly) {
        return new LockGuard.Lock(LockGuard.key(scope), scope, readOnly);
    }

    private static List<String> refused(List<LockGuard.Lock> locks, String verb, String target) {
        return LockGuard.lockedBy(locks, verb.equals("delete"), LockGuard.key(target));
    }

    @ParameterizedTest(name = "{0} lock on {1}: {2} {3} refused={4}")
    @CsvSource({
            // level, lock scope, verb, target, refused
            "CanNotDelete, rg, delete, rg, true",
            "CanNotDelete, rg, delete, sa, true",
            "CanNotDelete, rg, write, sa, false",
            "CanNotDelete, rg, write, rg, false",
            "CanNotDelete, sa, delete, rg, true",     // deleting the group deletes the locked account
            "CanNotDelete, sa, write, rg, false",
            "CanNotDelete, sub, delete, sa, true",
            "ReadOnly, rg, write, sa, true",
            "ReadOnly, rg, write, rg, true",
            "ReadOnly, rg, delete, sa, true",
            "ReadOnly, sa, write, rg, false",         // a lock below does not stop writes above it
            "ReadOnly, sa, write, sa-child, true",
            "ReadOnly, sa, write, sa2, false",        // a sibling whose name extends the locked one's
            "ReadOnly, rg, write, rg2, false",
            "ReadOnly, sub, write, rg, true",
    })
    void matrix(String level, String lockAt, String verb, String target, boolean refused) {
        List<LockGuard.Lock> locks = List.of(lock(id(lockAt), level.equals("ReadOnly")));
        assertThat(refused(locks, verb, id(target)).isEmpty()).isEqualTo(!refused);
    }

    private static String id(String name) {
        return switch (name) {
            case "sub" -> SUB;
            case "rg" -> RG;
            case "rg2" -> RG + "2";
            case "sa" -> SA;
            case "sa2" -> SA + "2";
            case "sa-child" -> SA + "/blobServices/default";
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Test
    void keysIgnoreCaseEmptySegmentsAndTrailingSlashes() {
        assertThat(LockGuard.key("/subscriptions/S//resourcegroups/RG/")).isEqualTo(LockGuard.key(SUB.replace(
                "00000000-0000-0000-0000-000000000001", "s") + "/resourceGroups/rg"));
        assertThat(ScopeKeys.atOrAbove("/a/b", "/a/b")).isTrue();
        assertThat(ScopeKeys.atOrAbove("/a/b", "/a/b/c")).isTrue();
        assertThat(ScopeKeys.atOrAbove("/a/b", "/a/bc")).isFalse();
    }

    @Test
    void everyApplyingScopeNamedOnce() {
        List<LockGuard.Lock> locks = List.of(lock(RG, false), lock(RG, true), lock(SA, false));
        assertThat(refused(locks, "delete", RG)).containsExactly(RG, SA);
        assertThat(refused(locks, "write", SA)).containsExactly(RG);
    }

    @Test
    void scopeLockedMessageIsAzures() {
        ApiError e = LockErrors.scopeLocked(SA, "delete", List.of(RG));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("ScopeLocked");
        assertThat(e.message()).isEqualTo("The scope '" + SA + "' cannot perform delete operation because following scope(s) are locked: '"
                + RG + "'. Please remove the lock and try again.");
    }

    @Test
    void noLocksIsOneEmptyScan() {
        assertThat(LockGuard.lockedBy(List.of(), true, LockGuard.key(RG))).isEmpty();
    }
}
