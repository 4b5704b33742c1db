package dev.cerulean.it.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.it.support.Tools;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Azure SDK for JavaScript from the npm registry ({@code @azure/identity},
 * {@code @azure/arm-authorization}, pinned in {@code src/test/js/package-lock.json}, installed by
 * {@code .ci/run} with {@code npm ci}) running {@code src/test/js/role-assignments.mjs} against a
 * resource group scope.
 */
class RoleAssignmentsJsIT {

    private static final Path JS = Path.of("src", "test", "js");

    @Test
    void javascriptSdkAssignsListsAndDeletes() {
        Path node = Tools.require("node");
        Tools.requireThat(Files.isDirectory(JS.resolve("node_modules/@azure/arm-authorization")),
                "the npm packages are not installed: run npm ci in cerulean-it/src/test/js (bash .ci/run does)");

        CeruleanServer server = TestServers.shared();
        RbacFixtures fx = new RbacFixtures(server);
        fx.createGroup("rbac-js");
        String scope = "/subscriptions/" + fx.sub() + "/resourceGroups/rbac-js";
        RbacFixtures.Principal p = fx.newPrincipal("js");
        var c = server.config();
        Map<String, String> env = Map.of("CERULEAN_BASE", "https://localhost:" + server.httpsPort(),
                "CERULEAN_TENANT", c.tenantId(), "CERULEAN_CLIENT_ID", c.clientId(), "CERULEAN_SECRET", c.clientSecret(),
                "CERULEAN_SUBSCRIPTION", c.subscriptionId(), "CERULEAN_SCOPE", scope, "CERULEAN_PRINCIPAL_ID", p.objectId(),
                "NODE_EXTRA_CA_CERTS", server.caCertificate().toAbsolutePath().toString(), "NO_PROXY", "*");
        Processes.Result r = Processes.run(List.of(node.toString(), "role-assignments.mjs"), env, JS, 180);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode out = Json.parse(r.stdout().trim());

        assertThat(out.path("roles")).hasSize(1);
        assertThat(out.at("/roles/0/roleName").asText()).isEqualTo("AcrPull");
        assertThat(out.at("/roles/0/roleType").asText()).isEqualTo("BuiltInRole");
        String name = out.at("/created/name").asText();
        assertThat(out.at("/created/scope").asText()).isEqualTo(scope);
        assertThat(out.at("/created/principalId").asText()).isEqualTo(p.objectId());
        assertThat(out.at("/created/roleDefinitionId").asText()).endsWith("/" + RbacFixtures.ACR_PULL);
        assertThat(out.at("/read/principalType").asText()).isEqualTo("ServicePrincipal");
        assertThat(out.path("listed").toString()).contains(name);
        assertThat(out.at("/duplicate/status").asInt()).isEqualTo(409);
        assertThat(out.at("/duplicate/code").asText()).isEqualTo("RoleAssignmentExists");
        assertThat(out.at("/deleted").asText()).isEqualTo(out.at("/created/id").asText());
        assertThat(out.path("after").toString()).doesNotContain(name);
    }
}
