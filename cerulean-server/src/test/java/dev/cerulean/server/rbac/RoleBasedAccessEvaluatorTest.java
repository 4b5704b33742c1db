package dev.cerulean.server.rbac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** graph-rbac.md §5.2-§5.3: glob matching, notActions per role, scope ancestry by whole segments, data actions, caching. */
class RoleBasedAccessEvaluatorTest {

    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
    private static final String RG = SUB + "/resourceGroups/rg1";
    private static final String REG = RG + "/providers/Microsoft.ContainerRegistry/registries/r1";

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "*,                                      Microsoft.ContainerRegistry/registries/write, true",
            "*/read,                                 Microsoft.ContainerRegistry/registries/pull/read, true",
            "*/read,                                 Microsoft.ContainerRegistry/registries/write, false",
            "Microsoft.Compute/*,                    Microsoft.Compute/virtualMachines/start/action, true",
            "Microsoft.Compute/*,                    Microsoft.ComputeX/a/read, false",
            "Microsoft.Authorization/*/Write,        microsoft.authorization/roleassignments/write, true",
            "Microsoft.CostManagement/exports/*,     Microsoft.CostManagement/exports/run/action, true",
            "Microsoft.MachineLearningServices/workspaces/*/read, Microsoft.MachineLearningServices/workspaces/read, false",
            "Microsoft.MachineLearningServices/workspaces/*/read, Microsoft.MachineLearningServices/workspaces/computes/read, true",
            "a*b*c,                                  axxbyyc, true",
            "a*b*c,                                  acb, false",
            "ab*ba,                                  aba, false",
            "Microsoft.ContainerRegistry/registries/pull/read, MICROSOFT.CONTAINERREGISTRY/REGISTRIES/PULL/READ, true",
    })
    void globsMatchCaseInsensitively(String pattern, String action, boolean expected) {
        assertThat(new ActionPattern(pattern).matches(action)).isEqualTo(expected);
    }

    @Test
    void notActionsSubtractWithinTheRoleOnly() {
        RolePermissions contributor = RolePermissions.of(List.of("*"), List.of("Microsoft.Authorization/*/Write"), List.of(), List.of());
        RolePermissions uaa = RolePermissions.of(List.of("Microsoft.Authorization/*"), List.of(), List.of(), List.of());
        var onlyContributor = evaluator(Map.of("p", List.of(new Grant(SUB.toLowerCase(), contributor))));
        assertThat(onlyContributor.allows("p", "Microsoft.Authorization/roleAssignments/write", RG, false)).isFalse();
        assertThat(onlyContributor.allows("p", "Microsoft.ContainerRegistry/registries/write", RG, false)).isTrue();
        var both = evaluator(Map.of("p", List.of(new Grant(SUB.toLowerCase(), contributor), new Grant(RG.toLowerCase(), uaa))));
        assertThat(both.allows("p", "Microsoft.Authorization/roleAssignments/write", REG, false)).isTrue();
        assertThat(both.allows("p", "Microsoft.Authorization/roleAssignments/write", SUB, false)).isFalse();
    }

    @Test
    void scopesInheritDownwardByWholeSegments() {
        RolePermissions reader = RolePermissions.of(List.of("*/read"), List.of(), List.of(), List.of());
        var e = evaluator(Map.of("p", List.of(new Grant(RG.toLowerCase(), reader))));
        assertThat(e.allows("p", "Microsoft.ContainerRegistry/registries/read", REG, false)).isTrue();
        assertThat(e.allows("p", "Microsoft.ContainerRegistry/registries/read", REG.toUpperCase(), false)).isTrue();
        assertThat(e.allows("p", "Microsoft.Resources/subscriptions/resourceGroups/read", RG, false)).isTrue();
        assertThat(e.allows("p", "Microsoft.Resources/subscriptions/resourceGroups/read", RG + "0", false)).isFalse();
        assertThat(e.allows("p", "Microsoft.Resources/subscriptions/read", SUB, false)).isFalse();
        assertThat(e.allows("someone-else", "Microsoft.ContainerRegistry/registries/read", REG, false)).isFalse();
        var root = evaluator(Map.of("p", List.of(new Grant("", reader))));
        assertThat(root.allows("p", "Microsoft.Resources/subscriptions/read", SUB, false)).isTrue();
    }

    @Test
    void dataActionsAreSeparateFromActions() {
        RolePermissions owner = RolePermissions.of(List.of("*"), List.of(), List.of(), List.of());
        RolePermissions signer = RolePermissions.of(List.of(), List.of(), List.of("Microsoft.ContainerRegistry/registries/trustedCollections/write"), List.of());
        var e = evaluator(Map.of("o", List.of(new Grant("", owner)), "s", List.of(new Grant("", signer))));
        assertThat(e.allows("o", "Microsoft.ContainerRegistry/registries/trustedCollections/write", REG, true)).isFalse();
        assertThat(e.allows("s", "Microsoft.ContainerRegistry/registries/trustedCollections/write", REG, true)).isTrue();
        assertThat(e.allows("s", "Microsoft.ContainerRegistry/registries/trustedCollections/write", REG, false)).isFalse();
    }

    @Test
    void assignmentsAreReadOnceUntilInvalidatedOrStale() {
        AtomicInteger loads = new AtomicInteger();
        List<Grant> grants = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        var e = new RoleBasedAccessEvaluator(() -> {
            loads.incrementAndGet();
            return Map.of("p", List.copyOf(grants));
        }, Duration.ofSeconds(1), now::get);
        assertThat(e.allows("p", "x/read", SUB, false)).isFalse();
        grants.add(new Grant("", RolePermissions.of(List.of("*"), List.of(), List.of(), List.of())));
        assertThat(e.allows("p", "x/read", SUB, false)).isFalse(); // cached
        e.invalidate();
        assertThat(e.allows("p", "x/read", SUB, false)).isTrue();
        assertThat(e.allows("P", "x/read", SUB, false)).isTrue();
        assertThat(loads).hasValue(2);
        grants.clear();
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(e.allows("p", "x/read", SUB, false)).isFalse();
        assertThat(loads).hasValue(3);
    }

    private static RoleBasedAccessEvaluator evaluator(Map<String, List<Grant>> grants) {
        return new RoleBasedAccessEvaluator(() -> grants, Duration.ofMinutes(1));
    }
}
