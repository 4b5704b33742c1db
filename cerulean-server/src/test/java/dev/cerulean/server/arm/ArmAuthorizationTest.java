package dev.cerulean.server.arm;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.store.ResourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Action names derived from requests (graph-rbac.md §5.1) and the refusal's exact text (§5.3). */
class ArmAuthorizationTest {

    private static final String SCOPE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";

    @Test
    void actionsAreDerivedFromMethodTypeAndPostActionName() {
        assertThat(ArmAuthorization.action("Microsoft.ContainerRegistry/registries", ArmAuthorization.verb("GET")))
                .isEqualTo("Microsoft.ContainerRegistry/registries/read");
        assertThat(ArmAuthorization.action("Microsoft.ContainerRegistry/registries/tokens", ArmAuthorization.verb("PATCH")))
                .isEqualTo("Microsoft.ContainerRegistry/registries/tokens/write");
        assertThat(ArmAuthorization.action("Microsoft.Resources/resourceGroups", ArmAuthorization.verb("DELETE")))
                .isEqualTo("Microsoft.Resources/subscriptions/resourceGroups/delete");
        assertThat(ArmAuthorization.action("Microsoft.Resources/resourceGroups", ArmAuthorization.verb("HEAD")))
                .isEqualTo("Microsoft.Resources/subscriptions/resourceGroups/read");
        assertThat(ArmAuthorization.postAction("Microsoft.ContainerRegistry/registries", "listCredentials"))
                .isEqualTo("Microsoft.ContainerRegistry/registries/listCredentials/action");
        assertThat(ArmAuthorization.postAction("Microsoft.ContainerRegistry", "checkNameAvailability"))
                .isEqualTo("Microsoft.ContainerRegistry/checknameavailability/read");
    }

    @Test
    void refusalNamesTheClientAsAzureDoes() {
        ArmAuthorization denyAll = new ArmAuthorization((p, a, s, d) -> false, true, () -> {});
        Caller app = new Caller("t", "11111111-1111-1111-1111-111111111111", "app-id", "Application");
        assertThatThrownBy(() -> denyAll.require(app, "Microsoft.ContainerRegistry/registries/write", SCOPE))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("AuthorizationFailed");
                    assertThat(e.getMessage()).isEqualTo("The client '11111111-1111-1111-1111-111111111111' with object id "
                            + "'11111111-1111-1111-1111-111111111111' does not have authorization to perform action "
                            + "'Microsoft.ContainerRegistry/registries/write' over scope '" + SCOPE + "' or the scope is invalid. "
                            + "If access was recently granted, please refresh your credentials.");
                });
        Caller user = new Caller("t", "22222222-2222-2222-2222-222222222222", "dev@cerulean.onmicrosoft.com", "User");
        assertThatThrownBy(() -> denyAll.require(user, "x/read", SCOPE))
                .hasMessageStartingWith("The client 'dev@cerulean.onmicrosoft.com' with object id '22222222-2222-2222-2222-222222222222'");
    }

    @Test
    void offAllowsEverythingAndListsAreFilteredOnlyWithoutReadAtTheListScope() {
        Caller c = new Caller("t", "o", "n", "Application");
        ArmAuthorization.OFF.require(c, "anything/write", SCOPE);
        assertThat(ArmAuthorization.OFF.readable(c, "Microsoft.ContainerRegistry/registries", SCOPE)).isNull();
        ArmAuthorization registriesOnly = new ArmAuthorization(
                (p, a, s, d) -> a.equalsIgnoreCase("Microsoft.ContainerRegistry/registries/read") && s.endsWith("/visible"), true, () -> {});
        var visible = registriesOnly.readable(c, "Microsoft.ContainerRegistry/registries", SCOPE);
        assertThat(visible).isNotNull();
        assertThat(visible.test(record(SCOPE + "/providers/Microsoft.ContainerRegistry/registries/visible"))).isTrue();
        assertThat(visible.test(record(SCOPE + "/providers/Microsoft.ContainerRegistry/registries/hidden"))).isFalse();
    }

    @Test
    void locksSeeWritesActionsAndDeletesButNeverReadsOrLocksThemselves() {
        java.util.List<String> seen = new java.util.ArrayList<>();
        ArmAuthorization withLocks = ArmAuthorization.OFF.withLocks((verb, target) -> seen.add(verb + " " + target));
        Caller c = new Caller("t", "o", "n", "Application");
        withLocks.require(c, "Microsoft.Storage/storageAccounts/read", SCOPE);
        withLocks.require(c, "Microsoft.Storage/storageAccounts/listKeys/read", SCOPE);
        withLocks.require(c, "Microsoft.Authorization/locks/delete", SCOPE, SCOPE + "/providers/Microsoft.Authorization/locks/l");
        withLocks.require(c, "Microsoft.Authorization/locks/write", SCOPE, SCOPE + "/providers/Microsoft.Authorization/locks/l");
        assertThat(seen).isEmpty();
        withLocks.require(c, "Microsoft.Storage/storageAccounts/write", SCOPE);
        withLocks.require(c, "Microsoft.Storage/storageAccounts/listKeys/action", SCOPE);
        withLocks.require(c, "Microsoft.Resources/subscriptions/resourceGroups/delete", SCOPE);
        withLocks.require(c, "Microsoft.Authorization/roleAssignments/delete", SCOPE, SCOPE + "/providers/Microsoft.Authorization/roleAssignments/x");
        assertThat(seen).containsExactly("write " + SCOPE, "write " + SCOPE, "delete " + SCOPE,
                "delete " + SCOPE + "/providers/Microsoft.Authorization/roleAssignments/x");
    }

    @Test
    void authorizationIsRefusedBeforeLocksAreConsulted() {
        ArmAuthorization denyAll = new ArmAuthorization((p, a, s, d) -> false, true, () -> {})
                .withLocks((verb, target) -> { throw new AssertionError("locks consulted"); });
        assertThatThrownBy(() -> denyAll.require(new Caller("t", "o", "n", "Application"), "x/y/delete", SCOPE))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    private static ResourceRecord record(String id) {
        return new ResourceRecord(id.toLowerCase(), id, "s", "rg", "microsoft.containerregistry/registries", null, "n", "westus",
                true, "{}", "e", Instant.EPOCH, Instant.EPOCH);
    }
}
