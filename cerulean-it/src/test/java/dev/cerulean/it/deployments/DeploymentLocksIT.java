package dev.cerulean.it.deployments;

import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Processes;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Management locks on the deployment resource itself (az 2.45 through the proxy): a {@code ReadOnly}
 * lock on the group refuses {@code az deployment group create} with {@code ScopeLocked} naming the
 * deployment (a write of {@code Microsoft.Resources/deployments}) before anything is created, and a
 * {@code CanNotDelete} lock refuses {@code az deployment group delete}.
 */
class DeploymentLocksIT {
    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    private static String locked(String verb, String target, String lockScope) {
        return "The scope '" + target + "' cannot perform " + verb + " operation because following scope(s) are locked: '"
                + lockScope + "'. Please remove the lock and try again.";
    }

    @Test
    void readOnlyRefusesTheDeploymentAndCanNotDeleteRefusesDeletingIt() {
        String rg = fx.resourceGroup("deplock-");
        String rgId = "/subscriptions/" + fx.subscription() + "/resourceGroups/" + rg;
        String template = Shared.require("conformance/templates/container-registry/azuredeploy.json").toString();
        String acr = AcrFixtures.unique("deplockacr");
        az.ok("lock", "create", "--name", "ro", "--lock-type", "ReadOnly", "-g", rg, "-o", "none");

        Processes.Result refused = az.run("deployment", "group", "create", "-g", rg, "-n", "d1", "-f", template, "-p", "acrName=" + acr);
        assertThat(refused.exitCode()).isNotZero();
        // az prints the refused validate call's error body as JSON
        assertThat(refused.stderr()).contains("\"code\": \"ScopeLocked\"").contains(locked("write", rgId + "/providers/Microsoft.Resources/deployments/d1", rgId));
        assertThat(az.ok("resource", "list", "-g", rg, "-o", "tsv").trim()).isEmpty();
        assertThat(az.run("deployment", "group", "show", "-g", rg, "-n", "d1").stderr()).contains("DeploymentNotFound");

        az.ok("lock", "delete", "--name", "ro", "-g", rg);
        assertThat(az.json("deployment", "group", "create", "-g", rg, "-n", "d1", "-f", template, "-p", "acrName=" + acr)
                .at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        az.ok("lock", "create", "--name", "keep", "--lock-type", "CanNotDelete", "-g", rg, "-o", "none");
        Processes.Result notDeleted = az.run("deployment", "group", "delete", "-g", rg, "-n", "d1");
        assertThat(notDeleted.exitCode()).isNotZero();
        assertThat(notDeleted.stderr()).contains("ScopeLocked").contains(locked("delete", rgId + "/providers/Microsoft.Resources/deployments/d1", rgId));
        assertThat(az.ok("deployment", "group", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo("d1");
        // CanNotDelete leaves writes alone: redeploying goes on
        assertThat(az.json("deployment", "group", "create", "-g", rg, "-n", "d2", "-f", template, "-p", "acrName=" + acr)
                .at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        az.ok("lock", "delete", "--name", "keep", "-g", rg);
        az.ok("deployment", "group", "delete", "-g", rg, "-n", "d1");
        az.ok("group", "delete", "-n", rg, "--yes", "--no-wait");
    }
}
