package dev.cerulean.it.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's az 2.45 through the proxy. Its {@code az role} commands crash on the SDK Debian ships
 * (graph-rbac.md §0), so role definitions and assignments go through {@code az rest} at the
 * api-versions az releases send; {@code az role assignment delete --ids} works as is. Then the
 * assignee logs in with az and is refused, and allowed once a role is assigned.
 */
class AzRoleRestIT {

    private static final String ARM = "https://management.azure.com";

    @ParameterizedTest
    @ValueSource(strings = {"2018-01-01-preview", "2022-04-01"})
    void roleDefinitionsByName(String apiVersion) {
        CeruleanServer server = TestServers.shared();
        Az az = Az.viaProxy(server).login(server);
        String sub = server.config().subscriptionId();
        JsonNode found = az.json("rest", "--method", "get", "--url", "/subscriptions/" + sub
                + "/providers/Microsoft.Authorization/roleDefinitions?$filter=roleName eq 'AcrPull'&api-version=" + apiVersion);
        assertThat(found.path("value")).hasSize(1);
        assertThat(found.path("value").get(0).path("id").asText())
                .isEqualTo("/subscriptions/" + sub + "/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d");
        assertThat(found.path("value").get(0).at("/properties/permissions/0/actions/0").asText())
                .isEqualTo("Microsoft.ContainerRegistry/registries/pull/read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-04-01-preview", "2022-04-01"})
    void assignThenActAsTheAssignee(String apiVersion) {
        CeruleanServer server = TestServers.shared();
        RbacFixtures fx = new RbacFixtures(server);
        Az admin = Az.viaProxy(server).login(server);
        String sub = server.config().subscriptionId();
        String group = "rbac-az-" + apiVersion.replace("-", "");
        admin.ok("group", "create", "-n", group, "-l", "westus", "-o", "none");
        RbacFixtures.Principal p = fx.newPrincipal("az-" + apiVersion);

        Az assignee = Az.viaProxy(server);
        assignee.ok("login", "--service-principal", "-u", p.appId(), "-p", p.secret(), "--tenant", server.config().tenantId());
        Processes.Result refused = assignee.run("group", "create", "-n", group + "-new", "-l", "westus");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("AuthorizationFailed").contains("does not have authorization to perform action "
                + "'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '/subscriptions/" + sub + "/resourceGroups/"
                + group + "-new'");

        String id = "/subscriptions/" + sub + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        JsonNode created = admin.json("rest", "--method", "put", "--url", ARM + id + "?api-version=" + apiVersion, "--body",
                "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + sub
                        + "/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c\",\"principalId\":\""
                        + p.objectId() + "\",\"principalType\":\"ServicePrincipal\"}}");
        assertThat(created.path("id").asText()).isEqualTo(id);
        assertThat(created.at("/properties/principalId").asText()).isEqualTo(p.objectId());

        JsonNode listed = admin.json("rest", "--method", "get", "--url", "/subscriptions/" + sub
                + "/providers/Microsoft.Authorization/roleAssignments?$filter=principalId eq '" + p.objectId() + "'&api-version=" + apiVersion);
        assertThat(listed.path("value")).hasSize(1);

        // the refused command succeeds at once
        assertThat(assignee.json("group", "create", "-n", group + "-new", "-l", "westus", "-o", "json").path("name").asText())
                .isEqualTo(group + "-new");
        // Contributor may not assign roles
        Processes.Result noAssign = assignee.run("rest", "--method", "put", "--url", ARM + "/subscriptions/" + sub
                + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID() + "?api-version=" + apiVersion,
                "--body", "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/" + sub
                        + "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\",\"principalId\":\""
                        + p.objectId() + "\"}}");
        assertThat(noAssign.exitCode()).isNotZero();
        assertThat(noAssign.stderr()).contains("Microsoft.Authorization/roleAssignments/write");

        // Debian's az deletes by id (graph-rbac.md §0)
        admin.ok("role", "assignment", "delete", "--ids", id);
        assertThat(assignee.run("group", "delete", "-n", group + "-new", "--yes").exitCode()).isNotZero();
        admin.ok("group", "delete", "-n", group + "-new", "--yes");
        admin.ok("group", "delete", "-n", group, "--yes");
    }
}
