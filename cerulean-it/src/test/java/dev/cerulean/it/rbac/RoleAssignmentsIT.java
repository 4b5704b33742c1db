package dev.cerulean.it.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft.Authorization over plain HTTPS: assignments at subscription, group and resource scope
 * with both api-versions az releases send, the list filters, cascades on delete, role definitions
 * at every scope, custom roles, and that a change applies to the very next request.
 */
class RoleAssignmentsIT {

    private static RbacFixtures fx;
    private static Https https;
    private static String sub;

    @BeforeAll
    static void server() {
        fx = new RbacFixtures(TestServers.shared());
        https = fx.https;
        sub = "/subscriptions/" + fx.sub();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-04-01-preview", "2022-04-01", "2018-09-01-preview", "2015-07-01"})
    void assignmentLifecycleAtEveryScope(String apiVersion) {
        String group = "rbac-life-" + apiVersion.replace("-", "");
        fx.createGroup(group);
        String registry = fx.createRegistry(group, "rbaclife" + apiVersion.replace("-", ""));
        RbacFixtures.Principal p = fx.newPrincipal("life");
        for (String scope : List.of(sub, sub + "/resourceGroups/" + group, registry)) {
            String name = UUID.randomUUID().toString();
            String id = scope + "/providers/Microsoft.Authorization/roleAssignments/" + name;
            var put = https.arm("PUT", id + "?api-version=" + apiVersion, "{\"properties\":{\"roleDefinitionId\":\""
                    + fx.roleId(RbacFixtures.READER) + "\",\"principalId\":\"" + p.objectId() + "\"}}");
            assertThat(put.status()).as(put.toString()).isEqualTo(201);
            JsonNode a = put.json();
            assertThat(a.path("id").asText()).isEqualTo(id);
            assertThat(a.path("name").asText()).isEqualTo(name);
            assertThat(a.path("type").asText()).isEqualTo("Microsoft.Authorization/roleAssignments");
            assertThat(a.path("properties").path("scope").asText()).isEqualTo(scope);
            assertThat(a.path("properties").path("principalType").asText()).isEqualTo("ServicePrincipal");
            assertThat(a.path("properties").path("roleDefinitionId").asText()).isEqualTo(fx.roleId(RbacFixtures.READER));

            assertThat(https.arm("GET", id + "?api-version=" + apiVersion, null).json()).isEqualTo(a);
            var again = https.arm("PUT", scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID()
                    + "?api-version=" + apiVersion, "{\"properties\":{\"roleDefinitionId\":\"" + fx.roleId(RbacFixtures.READER)
                    + "\",\"principalId\":\"" + p.objectId() + "\"}}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("error").path("code").asText()).isEqualTo("RoleAssignmentExists");
            assertThat(again.json().path("error").path("message").asText()).isEqualTo("The role assignment already exists.");

            var del = https.arm("DELETE", id + "?api-version=" + apiVersion, null);
            assertThat(del.status()).isEqualTo(200);
            assertThat(del.json().path("id").asText()).isEqualTo(id);
            assertThat(https.arm("DELETE", id + "?api-version=" + apiVersion, null).status()).isEqualTo(204);
            assertThat(https.arm("GET", id + "?api-version=" + apiVersion, null).status()).isEqualTo(404);
        }
    }

    @Test
    void listFiltersFollowTheApi() {
        String group = "rbac-filters";
        fx.createGroup(group);
        String rg = sub + "/resourceGroups/" + group;
        String registry = fx.createRegistry(group, "rbacfilters01");
        RbacFixtures.Principal p = fx.newPrincipal("filters");
        String atSub = fx.assign(sub, RbacFixtures.READER, p.objectId());
        String atRg = fx.assign(rg, RbacFixtures.ACR_PULL, p.objectId());
        String atRegistry = fx.assign(registry, RbacFixtures.ACR_PUSH, p.objectId());

        assertThat(ids(rg, "atScope()")).contains(atSub, atRg).doesNotContain(atRegistry);
        assertThat(ids(rg, null)).contains(atSub, atRg, atRegistry);
        assertThat(ids(sub, "principalId eq '" + p.objectId() + "'")).containsExactlyInAnyOrder(atSub, atRg, atRegistry);
        assertThat(ids(sub, "assignedTo('" + p.objectId() + "')")).containsExactlyInAnyOrder(atSub, atRg, atRegistry);
        assertThat(ids(registry, "atScope() and assignedTo('" + p.objectId() + "')"))
                .containsExactlyInAnyOrder(atSub, atRg, atRegistry);
        assertThat(ids(sub, "atScope()")).contains(atSub).doesNotContain(atRg, atRegistry);
        var bad = https.arm("GET", sub + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter="
                + enc("roleName eq 'x'"), null);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void deletingAResourceOrGroupDeletesTheAssignmentsBelowIt() {
        String group = "rbac-cascade";
        fx.createGroup(group);
        String rg = sub + "/resourceGroups/" + group;
        String registry = fx.createRegistry(group, "rbaccascade01");
        RbacFixtures.Principal p = fx.newPrincipal("cascade");
        String atRegistry = fx.assign(registry, RbacFixtures.CONTRIBUTOR, p.objectId());
        String atRg = fx.assign(rg, RbacFixtures.READER, p.objectId());
        String token = fx.token(p);
        assertThat(fx.as(token, "GET", registry + "?api-version=2023-07-01", null).status()).isEqualTo(200);

        assertThat(https.arm("DELETE", registry + "?api-version=2023-07-01", null).status()).isIn(200, 202, 204);
        assertThat(https.arm("GET", atRegistry + "?api-version=2022-04-01", null).status()).isEqualTo(404);
        assertThat(https.arm("GET", atRg + "?api-version=2022-04-01", null).status()).isEqualTo(200);
        // the same name again is a new registry: the old assignment must not apply to it
        fx.createRegistry(group, "rbaccascade01");
        assertThat(fx.as(token, "PATCH", registry + "?api-version=2023-07-01", "{\"tags\":{}}").status()).isEqualTo(403);

        assertThat(https.arm("DELETE", rg + "?api-version=2021-04-01", null).status()).isIn(200, 202);
        assertThat(ids(sub, "principalId eq '" + p.objectId() + "'")).isEmpty();
    }

    @Test
    void aNewAssignmentAppliesToTheNextRequest() {
        String group = "rbac-next";
        fx.createGroup(group);
        String rg = sub + "/resourceGroups/" + group;
        RbacFixtures.Principal p = fx.newPrincipal("next");
        String token = fx.token(p);
        String registry = rg + "/providers/Microsoft.ContainerRegistry/registries/rbacnext01?api-version=2023-07-01";
        String body = "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"}}";
        assertThat(fx.as(token, "PUT", registry, body).status()).isEqualTo(403);
        String assignment = fx.assign(rg, RbacFixtures.CONTRIBUTOR, p.objectId());
        assertThat(fx.as(token, "PUT", registry, body).status()).isEqualTo(201);
        assertThat(https.arm("DELETE", assignment + "?api-version=2022-04-01", null).status()).isEqualTo(200);
        assertThat(fx.as(token, "GET", registry, null).status()).isEqualTo(403);
    }

    @Test
    void onlyReadableItemsAreListed() {
        String group = "rbac-lists";
        fx.createGroup(group);
        String rg = sub + "/resourceGroups/" + group;
        String visible = fx.createRegistry(group, "rbaclistsvisible");
        fx.createRegistry(group, "rbaclistshidden");
        RbacFixtures.Principal p = fx.newPrincipal("lists");
        String token = fx.token(p);
        // AcrPull grants no ARM read: az acr login finds nothing and falls back to the login server name
        fx.assign(visible, RbacFixtures.ACR_PULL, p.objectId());
        var none = fx.as(token, "GET", sub + "/resources?api-version=2021-04-01&$filter="
                + enc("resourceType eq 'Microsoft.ContainerRegistry/registries' and name eq 'rbaclistsvisible'"), null);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("value")).isEmpty();
        fx.assign(visible, RbacFixtures.READER, p.objectId());
        assertThat(names(fx.as(token, "GET", sub + "/resources?api-version=2021-04-01", null)))
                .contains("rbaclistsvisible").doesNotContain("rbaclistshidden");
        assertThat(names(fx.as(token, "GET", rg + "/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01", null)))
                .containsExactly("rbaclistsvisible");
        assertThat(names(fx.as(token, "GET", sub + "/resourcegroups?api-version=2021-04-01", null))).isEmpty();
        assertThat(fx.as(token, "GET", sub + "/providers/Microsoft.ContainerRegistry/registries?api-version=2023-07-01", null)
                .json().path("value")).hasSize(1);
    }

    @Test
    void roleDefinitionsAreReadableAtEveryScope() {
        String group = "rbac-defs";
        fx.createGroup(group);
        String registry = fx.createRegistry(group, "rbacdefs01");
        for (String scope : List.of("", sub, sub + "/resourceGroups/" + group, registry)) {
            for (String v : List.of("2018-01-01-preview", "2022-04-01")) {
                var all = https.arm("GET", scope + "/providers/Microsoft.Authorization/roleDefinitions?api-version=" + v, null);
                assertThat(all.status()).as(all.toString()).isEqualTo(200);
                assertThat(all.json().path("value").size()).isGreaterThanOrEqualTo(13);
                var one = https.arm("GET", scope + "/providers/Microsoft.Authorization/roleDefinitions?api-version=" + v
                        + "&$filter=" + enc("roleName eq 'acrpull'"), null);
                JsonNode acrPull = one.json().path("value");
                assertThat(acrPull).hasSize(1);
                String expectedId = (scope.isEmpty() ? "" : sub) + "/providers/Microsoft.Authorization/roleDefinitions/"
                        + RbacFixtures.ACR_PULL;
                assertThat(acrPull.get(0).path("id").asText()).isEqualTo(expectedId);
                assertThat(acrPull.get(0).path("properties").path("roleName").asText()).isEqualTo("AcrPull");
                assertThat(acrPull.get(0).path("properties").path("type").asText()).isEqualTo("BuiltInRole");
                assertThat(https.arm("GET", scope + "/providers/Microsoft.Authorization/roleDefinitions/" + RbacFixtures.OWNER
                        + "?api-version=" + v, null).json().path("properties").path("roleName").asText()).isEqualTo("Owner");
            }
        }
    }

    @Test
    void customRolesAreCreatedUpdatedAssignedAndDeleted() {
        String guid = UUID.randomUUID().toString();
        String id = sub + "/providers/Microsoft.Authorization/roleDefinitions/" + guid + "?api-version=2022-04-01";
        String body = "{\"properties\":{\"roleName\":\"Registry Reader " + guid + "\",\"description\":\"reads registries\","
                + "\"type\":\"CustomRole\",\"assignableScopes\":[\"" + sub + "\"],\"permissions\":[{\"actions\":"
                + "[\"Microsoft.ContainerRegistry/registries/read\"],\"notActions\":[]}]}}";
        var created = https.arm("PUT", id, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("properties").path("type").asText()).isEqualTo("CustomRole");
        assertThat(https.arm("PUT", id, body.replace("reads registries", "reads registries only")).status()).isEqualTo(201);
        var custom = https.arm("GET", sub + "/providers/Microsoft.Authorization/roleDefinitions?api-version=2022-04-01&$filter="
                + enc("type eq 'CustomRole'"), null).json().path("value");
        assertThat(custom.toString()).contains(guid).contains("reads registries only");

        fx.createGroup("rbac-custom");
        String registry = fx.createRegistry("rbac-custom", "rbaccustom01");
        RbacFixtures.Principal p = fx.newPrincipal("custom");
        String assignment = fx.assign(sub, guid, p.objectId());
        String token = fx.token(p);
        assertThat(fx.as(token, "GET", registry + "?api-version=2023-07-01", null).status()).isEqualTo(200);
        assertThat(fx.as(token, "POST", registry + "/listCredentials?api-version=2023-07-01", null).status()).isEqualTo(403);

        assertThat(https.arm("DELETE", id, null).status()).isEqualTo(409);
        https.arm("DELETE", assignment + "?api-version=2022-04-01", null);
        assertThat(https.arm("DELETE", id, null).status()).isEqualTo(200);
        assertThat(https.arm("GET", id, null).status()).isEqualTo(404);
    }

    @Test
    void authorizationOffAllowsEveryAuthenticatedCaller() {
        try (var open = TestServers.start(c -> c.withAuthorization(false))) {
            RbacFixtures other = new RbacFixtures(open);
            RbacFixtures.Principal p = other.newPrincipal("no-roles");
            var r = other.as(other.token(p), "PUT", "/subscriptions/" + other.sub() + "/resourcegroups/rbac-off?api-version=2021-04-01",
                    "{\"location\":\"westus\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    @Test
    void strictApiVersionsKnowTheAuthorizationVersions() {
        try (var strict = TestServers.start(c -> c.withStrictApiVersions(true))) {
            Https client = new Https(strict);
            String defs = "/subscriptions/" + strict.config().subscriptionId() + "/providers/Microsoft.Authorization/roleDefinitions";
            assertThat(client.arm("GET", defs + "?api-version=2020-04-01-preview", null).status()).isEqualTo(200);
            var refused = client.arm("GET", defs + "?api-version=2099-01-01", null);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("InvalidApiVersionParameter");
        }
    }

    private static List<String> ids(String scope, String filter) {
        var r = https.arm("GET", scope + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01"
                + (filter == null ? "" : "&$filter=" + enc(filter)), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("value").forEach(a -> out.add(a.path("id").asText()));
        return out;
    }

    private static List<String> names(Https.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("value").forEach(a -> out.add(a.path("name").asText()));
        return out;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
