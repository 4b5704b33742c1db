package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource group's deployment history is groomed as ARM grooms it (deployments.md §2.10): once a
 * deployment takes it past 775 entries, the oldest are deleted until 750 remain, unless a lock on the
 * group forbids deleting them.
 */
class DeploymentHistoryLimitIT {

    @Test
    void theOldestDeploymentsGoPast775() {
        AcrFixtures fx = new AcrFixtures(TestServers.shared());
        String rg = fx.resourceGroup("dephist-");
        assertThat(deployAndList(fx, rg, 776)).hasSize(750).contains("d775", "d026").doesNotContain("d000", "d025");
    }

    /** Grooming deletes as the deploying identity: a CanNotDelete lock on the group leaves the history whole (§2.10). */
    @Test
    void aLockOnTheGroupStopsGrooming() {
        AcrFixtures fx = new AcrFixtures(TestServers.shared());
        String rg = fx.resourceGroup("dephistl-");
        String lock = "/subscriptions/" + fx.subscription() + "/resourcegroups/" + rg + "/providers/Microsoft.Authorization/locks/keep"
                + "?api-version=2016-09-01";
        var locked = fx.https().arm("PUT", lock, "{\"properties\": {\"level\": \"CanNotDelete\"}}");
        assertThat(locked.status()).as(locked.body()).isIn(200, 201);
        assertThat(deployAndList(fx, rg, 777)).hasSize(777).contains("d000", "d776");
        fx.https().arm("DELETE", lock, null);
    }

    /** PUTs {@code count} empty deployments d000.. and answers the names the history then lists. */
    private static Set<String> deployAndList(AcrFixtures fx, String rg, int count) {
        Https https = fx.https();
        String deployments = "/subscriptions/" + fx.subscription() + "/resourcegroups/" + rg + "/providers/Microsoft.Resources/deployments/";
        String body = "{\"properties\": {\"mode\": \"Incremental\", \"template\": {\"$schema\": "
                + "\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
                + " \"resources\": []}}}";
        for (int i = 0; i < count; i++) {
            var r = https.arm("PUT", deployments + String.format("d%03d", i) + "?api-version=2021-04-01", body);
            assertThat(r.status()).as(r.body()).isIn(200, 201);
        }
        Set<String> names = new HashSet<>();
        String next = deployments + "?api-version=2021-04-01";
        while (next != null) {
            JsonNode page = https.arm("GET", next, null).json();
            page.path("value").forEach(d -> names.add(d.path("name").asText()));
            next = page.hasNonNull("nextLink") ? page.get("nextLink").asText() : null;
        }
        return names;
    }
}
