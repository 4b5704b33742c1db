package dev.cerulean.it.deployments;

import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az deployment group what-if} (az 2.45 through the proxy, deployments.md §1.6, §2.7) against
 * a group holding a deployed registry and an identity the template does not declare: a flipped
 * property is a {@code Modify} with its delta line, the identity is {@code Ignore} in Incremental
 * mode and {@code Delete} in Complete mode, as az's pretty report and its counts line show.
 */
class DeploymentWhatIfIT {
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
    void modifyIgnoreAndDeleteAsAzPrintsThem() {
        String rg = fx.resourceGroup("depwi-");
        String template = Shared.require("conformance/templates/container-registry/azuredeploy.json").toString();
        String acr = AcrFixtures.unique("depwiacr");
        az.ok("deployment", "group", "create", "-g", rg, "-n", "base", "-f", template, "-p", "acrName=" + acr,
                "acrAdminUserEnabled=true", "-o", "none");
        az.ok("identity", "create", "-g", rg, "-n", "extra", "-o", "none");

        String incremental = az.ok("deployment", "group", "what-if", "-g", rg, "-f", template, "-p", "acrName=" + acr,
                "acrAdminUserEnabled=false");
        assertThat(incremental).contains("~ Microsoft.ContainerRegistry/registries/" + acr + " [2019-12-01-preview]")
                .contains("~ properties.adminUserEnabled: true => false")
                .contains("* Microsoft.ManagedIdentity/userAssignedIdentities/extra")
                .contains("Resource changes: 1 to modify, 1 to ignore.");

        String complete = az.ok("deployment", "group", "what-if", "-g", rg, "-f", template, "-p", "acrName=" + acr,
                "acrAdminUserEnabled=false", "--mode", "Complete");
        assertThat(complete).contains("- Microsoft.ManagedIdentity/userAssignedIdentities/extra")
                .contains("Resource changes: 1 to delete, 1 to modify.");
        // what-if changed nothing
        assertThat(az.ok("identity", "show", "-g", rg, "-n", "extra", "--query", "name", "-o", "tsv").trim()).isEqualTo("extra");
        az.ok("group", "delete", "-n", rg, "--yes", "--no-wait");
    }
}
