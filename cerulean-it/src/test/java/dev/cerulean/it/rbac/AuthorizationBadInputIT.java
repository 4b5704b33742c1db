package dev.cerulean.it.rbac;

import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to Microsoft.Authorization, table-driven (issue 8 §5): each row is a request a client
 * could get wrong and the status, code and message Azure answers (graph-rbac.md §3.7; codes Azure
 * does not document are Cerulean's, see docs/DEVIATIONS.md). The principal's assignments are
 * listed before and after: nothing may change, and no answer may be a 5xx.
 */
class AuthorizationBadInputIT {

    record Case(String name, String method, String path, String body, int status, String code, String message) {
        @Override public String toString() { return name; }
    }

    private static RbacFixtures fx;
    private static RbacFixtures.Principal principal;
    private static String existing;

    @BeforeAll
    static void start() {
        fx = new RbacFixtures(TestServers.shared());
        fx.createGroup("rbac-bad");
        fx.createRegistry("rbac-bad", "rbacbad01");
        principal = fx.newPrincipal("bad-input");
        existing = fx.assign("/subscriptions/" + fx.sub() + "/resourceGroups/rbac-bad", RbacFixtures.READER, principal.objectId());
    }

    static Stream<Case> cases() {
        String ra = "{sub}/resourceGroups/rbac-bad/providers/Microsoft.Authorization/roleAssignments/";
        String fresh = ra + "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        String body = "{\"properties\":{\"roleDefinitionId\":\"%s\",\"principalId\":\"%s\"%s}}";
        String reader = "{sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";
        return Stream.of(
                new Case("assignment name not a GUID", "PUT", ra + "not-a-guid", body.formatted(reader, "{oid}", ""), 400,
                        "InvalidRoleAssignmentId", "The role assignment ID 'not-a-guid' is not valid. The role assignment ID must be a GUID."),
                new Case("role definition id malformed", "PUT", fresh, body.formatted("Reader", "{oid}", ""), 400,
                        "InvalidRoleDefinitionId", "The role definition ID 'Reader' is not valid."),
                new Case("role definition GUID malformed", "PUT", fresh,
                        body.formatted("/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385", "{oid}", ""), 400,
                        "InvalidRoleDefinitionId", "is not valid."),
                new Case("role definition of another subscription", "PUT", fresh, body.formatted(
                        "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
                        "{oid}", ""), 400, "InvalidRoleDefinitionId", "is not valid."),
                new Case("unknown role", "PUT", fresh, body.formatted(
                        "/providers/Microsoft.Authorization/roleDefinitions/00000000-1111-2222-3333-444444444444", "{oid}", ""), 404,
                        "RoleDefinitionDoesNotExist", "The specified role definition with ID '00000000-1111-2222-3333-444444444444' does not exist."),
                new Case("principal id malformed", "PUT", fresh, body.formatted(reader, "nobody", ""), 400,
                        "InvalidPrincipalId", "A valid principal ID must be provided for role assignment."),
                new Case("assignee not found", "PUT", fresh, body.formatted(reader, "11111111-2222-3333-4444-555555555555", ""), 400,
                        "PrincipalNotFound", "Principal 11111111222233334444555555555555 does not exist in the directory "),
                new Case("principal type contradicts the directory", "PUT", fresh, body.formatted(reader, "{oid}", ",\"principalType\":\"User\""),
                        400, "UnmatchedPrincipalType", "has type 'ServicePrincipal' , which is different from specified PrinciaplType 'User'."),
                new Case("duplicate assignment", "PUT", fresh, body.formatted(reader, "{oid}", ""), 409,
                        "RoleAssignmentExists", "The role assignment already exists."),
                new Case("body not JSON", "PUT", fresh, "{not json", 400, "BadRequestFormat", "The request was incorrectly formatted."),
                new Case("body without properties", "PUT", fresh, "{\"roleDefinitionId\":\"x\"}", 400, "BadRequestFormat",
                        "The request was incorrectly formatted."),
                new Case("scope group does not exist", "PUT", "{sub}/resourceGroups/rbac-nowhere/providers/Microsoft.Authorization/roleAssignments/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                        body.formatted(reader, "{oid}", ""), 404, "ResourceGroupNotFound", "Resource group 'rbac-nowhere' could not be found."),
                new Case("scope resource does not exist", "PUT", "{sub}/resourceGroups/rbac-bad/providers/Microsoft.ContainerRegistry/registries/nosuchreg/providers/Microsoft.Authorization/roleAssignments/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                        body.formatted(reader, "{oid}", ""), 404, "ResourceNotFound", "nosuchreg"),
                new Case("scope subscription malformed", "PUT", "/subscriptions/not-a-guid/providers/Microsoft.Authorization/roleAssignments/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                        body.formatted(reader, "{oid}", ""), 400, "InvalidSubscriptionId", "not-a-guid"),
                new Case("scope subscription unknown", "PUT", "/subscriptions/11111111-1111-1111-1111-111111111111/providers/Microsoft.Authorization/roleAssignments/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                        body.formatted(reader, "{oid}", ""), 404, "SubscriptionNotFound", "11111111-1111-1111-1111-111111111111"),
                new Case("unsupported filter", "GET", "{sub}/providers/Microsoft.Authorization/roleAssignments?$filter=roleName%20eq%20'x'", null,
                        400, "UnsupportedQuery", "is not supported"),
                new Case("unknown role definition by id", "GET", "{sub}/providers/Microsoft.Authorization/roleDefinitions/00000000-1111-2222-3333-444444444444", null,
                        404, "RoleDefinitionDoesNotExist", "does not exist"),
                new Case("built-in role cannot be replaced", "PUT", "{sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7",
                        "{\"properties\":{\"roleName\":\"Mine\",\"assignableScopes\":[\"{sub}\"],\"permissions\":[]}}", 400, "InvalidRoleDefinitionId", "built-in"),
                new Case("custom role named like a built-in one", "PUT", "{sub}/providers/Microsoft.Authorization/roleDefinitions/5b0f3c9e-6f4e-4b53-9a1f-0c7c1e1a2b3c",
                        "{\"properties\":{\"roleName\":\"reader\",\"assignableScopes\":[\"{sub}\"],\"permissions\":[]}}", 409,
                        "RoleDefinitionWithSameNameExists", "A custom role with the same name already exists in this directory."),
                new Case("custom role without assignable scopes", "PUT", "{sub}/providers/Microsoft.Authorization/roleDefinitions/5b0f3c9e-6f4e-4b53-9a1f-0c7c1e1a2b3c",
                        "{\"properties\":{\"roleName\":\"No scopes\",\"permissions\":[]}}", 400, "InvalidRoleDefinition", "assignable scope"),
                new Case("custom role with a scope of another subscription", "PUT", "{sub}/providers/Microsoft.Authorization/roleDefinitions/5b0f3c9e-6f4e-4b53-9a1f-0c7c1e1a2b3c",
                        "{\"properties\":{\"roleName\":\"Elsewhere\",\"assignableScopes\":[\"/subscriptions/11111111-1111-1111-1111-111111111111\"],\"permissions\":[]}}",
                        400, "InvalidAssignableScope", "11111111-1111-1111-1111-111111111111"),
                new Case("custom role permissions malformed", "PUT", "{sub}/providers/Microsoft.Authorization/roleDefinitions/5b0f3c9e-6f4e-4b53-9a1f-0c7c1e1a2b3c",
                        "{\"properties\":{\"roleName\":\"Broken\",\"assignableScopes\":[\"{sub}\"],\"permissions\":[{\"actions\":\"*\"}]}}",
                        400, "BadRequestFormat", "incorrectly formatted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedAsAzureDoesAndNothingChanges(Case c) {
        String before = assignments();
        String path = c.path().replace("{sub}", "/subscriptions/" + fx.sub());
        String url = path + (path.contains("?") ? "&" : "?") + "api-version=2022-04-01";
        String body = c.body() == null ? null : c.body().replace("{sub}", "/subscriptions/" + fx.sub())
                .replace("{oid}", principal.objectId());
        Https.Response r = fx.https.arm(c.method(), url, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(c.status());
        assertThat(r.json().path("error").path("code").asText()).as(r.toString()).isEqualTo(c.code());
        assertThat(r.json().path("error").path("message").asText()).as(r.toString()).contains(c.message());
        assertThat(assignments()).isEqualTo(before);
        assertThat(fx.https.arm("GET", existing + "?api-version=2022-04-01", null).status()).isEqualTo(200);
    }

    private static String assignments() {
        return fx.https.arm("GET", "/subscriptions/" + fx.sub() + "/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01",
                null).body() + fx.https.arm("GET", "/subscriptions/" + fx.sub()
                + "/providers/Microsoft.Authorization/roleDefinitions?api-version=2022-04-01&$filter=type%20eq%20'CustomRole'", null).body();
    }
}
