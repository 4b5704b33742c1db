package dev.cerulean.it.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.server.providers.authorization.BuiltInRoles;
import dev.cerulean.server.providers.authorization.RoleDefinition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in role, assigned on a registry and on its resource group, against read, write,
 * listCredentials and delete on the registry and read, write and delete on the group, over HTTPS.
 * The expected answer comes from the role's own actions and notActions through a glob written here
 * independently of the server's matcher (graph-rbac.md §5.2: case-insensitive, {@code *} any run of
 * characters, notActions subtract); an assignment on the registry never reaches the group above it.
 * {@link AuthorizationMatrixIT} states the common roles' rows by hand.
 */
class AllBuiltInRolesMatrixIT {

    private static final String V = "?api-version=2023-07-01";
    private static final String G = "?api-version=2021-04-01";
    private static final String REGISTRY = "Microsoft.ContainerRegistry/registries/";
    private static final String GROUP = "Microsoft.Resources/subscriptions/resourceGroups/";

    /** The operations in the order they are sent; deletes last. */
    private static final List<String> OPERATIONS = List.of("registry read", "registry write", "registry listCredentials",
            "group read", "group write", "registry delete", "group delete");

    @Test
    void everyBuiltInRoleDecidesAsItsPermissionsSay() {
        try (CeruleanServer server = TestServers.start(c -> c)) {
            RbacFixtures fx = new RbacFixtures(server);
            Target t = new Target(fx, "allroles");
            List<String> mismatches = new ArrayList<>();
            int checked = 0;
            for (RoleDefinition role : BuiltInRoles.all().values()) {
                for (boolean atGroup : new boolean[] {false, true}) {
                    Map<String, Boolean> expected = expected(role.permissions().get(0), atGroup);
                    RbacFixtures.Principal p = fx.newPrincipal("all-" + role.name());
                    String assignment = fx.assign(atGroup ? t.groupId() : t.registryId(), role.name(), p.objectId());
                    String token = fx.token(p);
                    Map<String, Integer> actual = t.run(fx, token);
                    for (String op : OPERATIONS) {
                        int status = actual.get(op);
                        boolean allowed = status != 403;
                        if (allowed != expected.get(op) || (allowed && status >= 300 && status != 404)) {
                            mismatches.add(role.roleName() + " at " + (atGroup ? "group" : "registry") + ": " + op
                                    + " expected " + (expected.get(op) ? "allowed" : "403") + ", got " + status);
                        }
                        checked++;
                    }
                    t.restore(fx, actual);
                    fx.https.arm("DELETE", assignment + "?api-version=2022-04-01", null);
                }
            }
            assertThat(mismatches).as(checked + " decisions checked").isEmpty();
            assertThat(checked).isEqualTo(BuiltInRoles.all().size() * 2 * OPERATIONS.size());
        }
    }

    /** Allowed per operation, from the role's actions and notActions alone. */
    private static Map<String, Boolean> expected(JsonNode block, boolean atGroup) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        out.put("registry read", grants(block, REGISTRY + "read"));
        out.put("registry write", grants(block, REGISTRY + "write"));
        out.put("registry listCredentials", grants(block, REGISTRY + "listCredentials/action"));
        out.put("group read", atGroup && grants(block, GROUP + "read"));
        out.put("group write", atGroup && grants(block, GROUP + "write"));
        out.put("registry delete", grants(block, REGISTRY + "delete"));
        out.put("group delete", atGroup && grants(block, GROUP + "delete"));
        return out;
    }

    private static boolean grants(JsonNode block, String action) {
        return anyMatches(block.path("actions"), action) && !anyMatches(block.path("notActions"), action);
    }

    private static boolean anyMatches(JsonNode patterns, String action) {
        for (JsonNode p : patterns) {
            StringBuilder regex = new StringBuilder();
            for (String part : p.asText().split("\\*", -1)) {
                if (!regex.isEmpty()) regex.append(".*");
                regex.append(Pattern.quote(part));
            }
            if (Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches()) return true;
        }
        return false;
    }

    /** A group holding one registry; whatever a role was allowed to delete is made again. */
    private static final class Target {
        private final String group;
        private final String registryName;
        private String registryId;

        Target(RbacFixtures fx, String name) {
            this.group = "rbac-" + name;
            this.registryName = "rbac" + name + "01";
            fx.createGroup(group);
            this.registryId = fx.createRegistry(group, registryName);
        }

        String groupId() {
            return "/subscriptions/" + registryId.split("/")[2] + "/resourceGroups/" + group;
        }

        String registryId() {
            return registryId;
        }

        Map<String, Integer> run(RbacFixtures fx, String token) {
            Map<String, Integer> out = new LinkedHashMap<>();
            out.put("registry read", fx.as(token, "GET", registryId + V, null).status());
            out.put("registry write", fx.as(token, "PATCH", registryId + V, "{\"tags\":{\"k\":\"v\"}}").status());
            out.put("registry listCredentials", fx.as(token, "POST", registryId + "/listCredentials" + V, null).status());
            out.put("group read", fx.as(token, "GET", groupId() + G, null).status());
            out.put("group write", fx.as(token, "PATCH", groupId() + G, "{\"tags\":{\"k\":\"v\"}}").status());
            out.put("registry delete", fx.as(token, "DELETE", registryId + V, null).status());
            out.put("group delete", fx.as(token, "DELETE", groupId() + G, null).status());
            return out;
        }

        /** Recreates the group and registry after an allowed delete (the owner's deletes wait for the group to go). */
        void restore(RbacFixtures fx, Map<String, Integer> statuses) {
            if (statuses.get("group delete") != 403) {
                for (int i = 0; i < 100 && fx.https.arm("GET", groupId() + G, null).status() != 404; i++) sleep();
                fx.createGroup(group);
                registryId = fx.createRegistry(group, registryName);
            } else if (statuses.get("registry delete") != 403) {
                registryId = fx.createRegistry(group, registryName);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
