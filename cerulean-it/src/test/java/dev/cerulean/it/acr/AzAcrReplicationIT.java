package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az acr replication create/list/show/update/delete} (az 2.45 through the proxy) and the
 * corpus template {@code container-registry-geo-replication} deployed with {@code az deployment group create}.
 */
class AzAcrReplicationIT {

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
    void replicationLifecycle() {
        String registry = AcrFixtures.unique("azrepl");
        String registryId = fx.registry(fx.resourceGroup("azrepl-"), registry, "Premium", false); // home: westus

        JsonNode created = az.json("acr", "replication", "create", "-r", registry, "-l", "East US", "--tags", "team=dev");
        assertThat(created.get("id").asText()).isEqualTo(registryId + "/replications/eastus");
        assertThat(created.get("location").asText()).isEqualTo("eastus");
        assertThat(created.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(created.get("regionEndpointEnabled").asBoolean()).isTrue();
        assertThat(created.get("zoneRedundancy").asText()).isEqualTo("Disabled");
        assertThat(created.at("/status/displayStatus").asText()).isEqualTo("Ready");
        assertThat(created.at("/tags/team").asText()).isEqualTo("dev");

        assertThat(az.ok("acr", "replication", "list", "-r", registry, "--query", "[].name", "-o", "tsv").lines().toList())
                .containsExactly("eastus");
        assertThat(az.json("acr", "replication", "show", "-n", "eastus", "-r", registry).get("type").asText())
                .isEqualTo("Microsoft.ContainerRegistry/registries/replications");

        JsonNode updated = az.json("acr", "replication", "update", "-n", "eastus", "-r", registry, "--tags", "team=ops",
                "--region-endpoint-enabled", "false");
        assertThat(updated.at("/tags/team").asText()).isEqualTo("ops");
        assertThat(updated.get("regionEndpointEnabled").asBoolean()).isFalse();

        // a registry with a replication stays Premium
        var downgrade = az.run("acr", "update", "-n", registry, "--sku", "Standard");
        assertThat(downgrade.exitCode()).isNotZero();
        assertThat(downgrade.stderr()).contains("FeatureNotSupportedForSku");

        assertThat(az.ok("acr", "replication", "delete", "-n", "eastus", "-r", registry)).isBlank();
        var gone = az.run("acr", "replication", "show", "-n", "eastus", "-r", registry);
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).contains("ResourceNotFound");
    }

    @Test
    void theServerRefusesAReplicationOfANonPremiumRegistry() {
        String registry = AcrFixtures.unique("azrepb");
        String registryId = fx.registry(fx.resourceGroup("azrepb-"), registry, "Basic", false);
        // az refuses before sending; the service refuses what other clients send
        var r = fx.arm("PUT", registryId + "/replications/eastus", "{\"location\":\"eastus\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("FeatureNotSupportedForSku");
        assertThat(fx.arm("GET", registryId + "/replications/eastus", null).status()).isEqualTo(404);
    }

    @Test
    void geoReplicationTemplateDeploysWhole() {
        String rg = fx.resourceGroup("deprepl-");
        String acr = AcrFixtures.unique("depgeo");
        String template = Shared.require("conformance/templates/container-registry-geo-replication/azuredeploy.json").toString();
        JsonNode dep = az.json("deployment", "group", "create", "-g", rg, "-n", "geo", "-f", template,
                "-p", "acrName=" + acr, "acrReplicaLocation=eastus");
        assertThat(dep.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(dep.at("/properties/outputs/acrLoginServer/value").asText()).isEqualTo(acr + ".azurecr.io");

        JsonNode registry = az.json("acr", "show", "-n", acr);
        assertThat(registry.at("/sku/name").asText()).isEqualTo("Premium");
        assertThat(registry.get("location").asText()).isEqualTo("westus");
        JsonNode replication = az.json("acr", "replication", "show", "-n", "eastus", "-r", acr);
        assertThat(replication.get("id").asText()).isEqualTo(fx.registryId(rg, acr) + "/replications/eastus");
        assertThat(replication.get("location").asText()).isEqualTo("eastus");
        assertThat(replication.get("provisioningState").asText()).isEqualTo("Succeeded");
    }
}
