package dev.cerulean.it.rbac;

import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in role, assigned on a registry or on its resource group, against read, write,
 * delete and listCredentials on the registry and read, write and delete on the group: allowed
 * (the handler's answer) or refused (403 AuthorizationFailed), as Azure decides (graph-rbac.md §5).
 */
@Execution(ExecutionMode.SAME_THREAD)
class AuthorizationMatrixIT {

    private static RbacFixtures fx;
    private static int row;

    @BeforeAll
    static void server() {
        fx = new RbacFixtures(TestServers.shared());
    }

    /** Columns: registry read, write, listCredentials, delete; group read, write, delete (Y allowed, n refused). */
    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "Owner,                     registry, YYYY nnn",
            "Owner,                     group,    YYYY YYY",
            "Contributor,               registry, YYYY nnn",
            "Contributor,               group,    YYYY YYY",
            "Reader,                    registry, Ynnn nnn",
            "Reader,                    group,    Ynnn Ynn",
            "AcrPull,                   registry, nnnn nnn",
            "AcrPull,                   group,    nnnn nnn",
            "AcrPush,                   registry, nnnn nnn",
            "AcrPush,                   group,    nnnn nnn",
            "AcrDelete,                 registry, nnnn nnn",
            "AcrDelete,                 group,    nnnn nnn",
            "User Access Administrator, registry, Ynnn nnn",
            "User Access Administrator, group,    Ynnn Ynn",
    })
    void roleDecidesEveryOperation(String role, String scope, String expected) {
        int n = ++row;
        String group = "rbac-matrix-" + n;
        fx.createGroup(group);
        String registry = fx.createRegistry(group, "rbacmatrix" + n + System.nanoTime() % 100000);
        String groupId = "/subscriptions/" + fx.sub() + "/resourceGroups/" + group;
        RbacFixtures.Principal p = fx.newPrincipal("matrix-" + n);
        fx.assign(scope.equals("registry") ? registry : groupId, guid(role), p.objectId());
        String token = fx.token(p);
        String v = "?api-version=2023-07-01";
        String g = "?api-version=2021-04-01";
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("registry read", fx.as(token, "GET", registry + v, null).status());
        statuses.put("registry write", fx.as(token, "PATCH", registry + v, "{\"tags\":{\"k\":\"v\"}}").status());
        statuses.put("registry listCredentials", fx.as(token, "POST", registry + "/listCredentials" + v, null).status());
        statuses.put("registry delete", fx.as(token, "DELETE", registry + v, null).status());
        statuses.put("group read", fx.as(token, "GET", groupId + g, null).status());
        statuses.put("group write", fx.as(token, "PATCH", groupId + g, "{\"tags\":{\"k\":\"v\"}}").status());
        statuses.put("group delete", fx.as(token, "DELETE", groupId + g, null).status());

        String flags = expected.replace(" ", "");
        int i = 0;
        for (var e : statuses.entrySet()) {
            boolean allowed = flags.charAt(i++) == 'Y';
            if (allowed) assertThat(e.getValue()).as(role + " at " + scope + ": " + e.getKey()).isNotEqualTo(403).isLessThan(300);
            else assertThat(e.getValue()).as(role + " at " + scope + ": " + e.getKey()).isEqualTo(403);
        }
    }

    private static String guid(String role) {
        return switch (role) {
            case "Owner" -> RbacFixtures.OWNER;
            case "Contributor" -> RbacFixtures.CONTRIBUTOR;
            case "Reader" -> RbacFixtures.READER;
            case "AcrPull" -> RbacFixtures.ACR_PULL;
            case "AcrPush" -> RbacFixtures.ACR_PUSH;
            case "AcrDelete" -> RbacFixtures.ACR_DELETE;
            case "User Access Administrator" -> RbacFixtures.USER_ACCESS_ADMINISTRATOR;
            default -> throw new IllegalArgumentException(role);
        };
    }
}
