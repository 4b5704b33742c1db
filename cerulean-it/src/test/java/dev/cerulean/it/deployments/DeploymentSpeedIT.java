package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestProvider;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 500-resource copy loop deployed over HTTPS, PUT to {@code Succeeded} (issue 10, item 7). Speed is
 * measured and printed, never asserted: the figure goes to bench/README.md.
 */
class DeploymentSpeedIT {

    @Test
    void fiveHundredResourceCopyLoop() throws InterruptedException {
        CeruleanServer server = TestServers.shared();
        AcrFixtures fx = new AcrFixtures(server);
        Https https = fx.https();
        String sub = "/subscriptions/" + fx.subscription();
        https.arm("POST", sub + "/providers/" + TestProvider.NAMESPACE + "/register?api-version=2021-04-01", null);
        String rg = fx.resourceGroup("speed-");
        String body = "{\"properties\": {\"mode\": \"Incremental\", \"template\": {"
                + "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
                + "\"resources\": [{\"type\": \"" + TestProvider.NAMESPACE + "/widgets\", \"apiVersion\": \"2024-06-01\","
                + " \"name\": \"[concat('w-', copyIndex(), '-', uniqueString(resourceGroup().id))]\", \"location\": \"[resourceGroup().location]\","
                + " \"properties\": {\"size\": \"[add(mod(copyIndex(), 10), 1)]\"}, \"copy\": {\"name\": \"widgets\", \"count\": 500}}]}}}";
        String path = sub + "/resourcegroups/" + rg + "/providers/Microsoft.Resources/deployments/speed?api-version=2021-04-01";
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Https.Response put = https.arm("PUT", path, body);
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        JsonNode doc;
        do {
            Thread.sleep(20);
            doc = https.arm("GET", path, null).json();
        } while (doc.at("/properties/provisioningState").asText().matches("Accepted|Running"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        assertThat(doc.at("/properties/provisioningState").asText()).as(doc.toString()).isEqualTo("Succeeded");
        assertThat(doc.at("/properties/outputResources").size()).isEqualTo(500);
        System.out.println("DeploymentSpeedIT: 500-resource copy loop, PUT to Succeeded in " + ms + " ms wall, "
                + cpuMs + " ms CPU of the whole JVM (server and polling client), load average "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
