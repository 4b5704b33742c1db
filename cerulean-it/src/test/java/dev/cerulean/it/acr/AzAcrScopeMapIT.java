package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code az acr scope-map create/update/show/list/delete} (az 2.45, acr.md §4.3) through the proxy. */
class AzAcrScopeMapIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    @Test
    void scopeMapLifecycle() {
        String registry = AcrFixtures.unique("azsm");
        String registryId = fx.registry(fx.resourceGroup("azsm-"), registry, "Standard", false);

        JsonNode created = az.json("acr", "scope-map", "create", "-n", "MyScopeMap", "-r", registry,
                "--repository", "hello-world", "content/write", "content/read", "--gateway", "gw1", "config/read", "--description", "Developer Scopes");
        assertThat(created.get("id").asText()).isEqualTo(registryId + "/scopeMaps/MyScopeMap");
        assertThat(created.get("description").asText()).isEqualTo("Developer Scopes");
        assertThat(created.get("typePropertiesType").asText()).isEqualTo("UserDefined");
        assertThat(created.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(created.get("actions")).extracting(JsonNode::asText).containsExactly(
                "repositories/hello-world/content/write", "repositories/hello-world/content/read", "gateway/gw1/config/read");

        JsonNode updated = az.json("acr", "scope-map", "update", "-n", "MyScopeMap", "-r", registry,
                "--add-repository", "repo2", "content/read", "metadata/read", "--remove-repository", "hello-world", "content/write",
                "--add-gateway", "gw2", "message/read", "--remove-gateway", "gw1", "config/read", "--description", "Team scopes");
        assertThat(updated.get("description").asText()).isEqualTo("Team scopes");
        assertThat(updated.get("actions")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "repositories/hello-world/content/read", "repositories/repo2/content/read", "repositories/repo2/metadata/read",
                "gateway/gw2/message/read");

        String table = az.ok("acr", "scope-map", "show", "-n", "MyScopeMap", "-r", registry, "--output", "table");
        assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "TYPE", "CREATION DATE", "DESCRIPTION");
        assertThat(table).contains("MyScopeMap").contains("Team scopes");

        String names = az.ok("acr", "scope-map", "list", "-r", registry, "--query", "[].name", "--output", "tsv");
        assertThat(names.lines().toList()).containsExactly("_repositories_admin", "_repositories_pull", "_repositories_pull_metadata_read",
                "_repositories_push", "_repositories_push_metadata_write", "MyScopeMap");
        JsonNode system = az.json("acr", "scope-map", "show", "-n", "_repositories_pull", "-r", registry);
        assertThat(system.get("typePropertiesType").asText()).isEqualTo("SystemDefined");
        assertThat(system.get("actions")).extracting(JsonNode::asText).containsExactly("repositories/*/content/read");

        assertThat(az.ok("acr", "scope-map", "delete", "-n", "MyScopeMap", "-r", registry, "--yes")).isBlank();
        var gone = az.run("acr", "scope-map", "show", "-n", "MyScopeMap", "-r", registry);
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("ResourceNotFound");
    }
}
