package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestProvider;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 500-resource copy loop deployed over HTTPS, PUT to {@code Succeeded} (issue 10, item 7). Speed is
 * measured and printed, never asserted: the figures go to bench/README.md. Besides wall clock and the
 * JVM's CPU time it prints where that CPU went (the deployment's own threads, the HTTP threads, JIT
 * compilation, garbage collection), since on a shared machine CPU time is the comparable figure.
 * {@code -Dcerulean.speed.rounds=N} deploys N times into fresh groups: the first round is the cold
 * JVM a user's first deployment meets, the later ones the warm engine.
 */
class DeploymentSpeedIT {
    private static final int RESOURCES = 500;

    @Test
    void fiveHundredResourceCopyLoop() throws InterruptedException {
        CeruleanServer server = TestServers.shared();
        AcrFixtures fx = new AcrFixtures(server);
        Https https = fx.https();
        String sub = "/subscriptions/" + fx.subscription();
        https.arm("POST", sub + "/providers/" + TestProvider.NAMESPACE + "/register?api-version=2021-04-01", null);
        int rounds = Integer.getInteger("cerulean.speed.rounds", 1);
        for (int round = 1; round <= rounds; round++) deploy(fx, https, sub, round);
    }

    private static void deploy(AcrFixtures fx, Https https, String sub, int round) throws InterruptedException {
        String rg = fx.resourceGroup("speed-");
        String body = "{\"properties\": {\"mode\": \"Incremental\", \"template\": {"
                + "\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
                + "\"resources\": [{\"type\": \"" + TestProvider.NAMESPACE + "/widgets\", \"apiVersion\": \"2024-06-01\","
                + " \"name\": \"[concat('w-', copyIndex(), '-', uniqueString(resourceGroup().id))]\", \"location\": \"[resourceGroup().location]\","
                + " \"properties\": {\"size\": \"[add(mod(copyIndex(), 10), 1)]\"}, \"copy\": {\"name\": \"widgets\", \"count\": " + RESOURCES + "}}]}}}";
        String path = sub + "/resourcegroups/" + rg + "/providers/Microsoft.Resources/deployments/speed?api-version=2021-04-01";
        CpuSnapshot before = CpuSnapshot.take();
        long t0 = System.nanoTime();
        Https.Response put = https.arm("PUT", path, body);
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        JsonNode doc;
        do {
            Thread.sleep(20);
            doc = https.arm("GET", path, null).json();
        } while (doc.at("/properties/provisioningState").asText().matches("Accepted|Running"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CpuSnapshot after = CpuSnapshot.take();
        assertThat(doc.at("/properties/provisioningState").asText()).as(doc.toString()).isEqualTo("Succeeded");
        assertThat(doc.at("/properties/outputResources").size()).isEqualTo(RESOURCES);
        System.out.println("DeploymentSpeedIT round " + round + ": " + RESOURCES + "-resource copy loop, PUT to Succeeded in " + ms
                + " ms wall, " + after.minus(before) + ", load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                + ", " + Runtime.version());
    }

    /** The JVM's CPU time and its parts, in milliseconds; thread groups by name prefix. */
    private record CpuSnapshot(long process, long deployment, long http, long client, long otherThreads, long compile, long gc,
                               long gcCount) {
        static CpuSnapshot take() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = ManagementFactory.getThreadMXBean();
            Map<String, Long> byGroup = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                var info = threads.getThreadInfo(id);
                long cpu = threads.getThreadCpuTime(id);
                if (info == null || cpu < 0) continue;
                String name = info.getThreadName();
                String group = name.startsWith("deployment") ? "deployment" : name.startsWith("cerulean-http") ? "http"
                        : name.equals("main") || name.startsWith("HttpClient") ? "client" : "other";
                byGroup.merge(group, cpu, Long::sum);
            }
            long gc = 0;
            long gcCount = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, b.getCollectionTime());
                gcCount += Math.max(0, b.getCollectionCount());
            }
            var jit = ManagementFactory.getCompilationMXBean();
            return new CpuSnapshot(os.getProcessCpuTime() / 1_000_000, byGroup.getOrDefault("deployment", 0L) / 1_000_000,
                    byGroup.getOrDefault("http", 0L) / 1_000_000, byGroup.getOrDefault("client", 0L) / 1_000_000,
                    byGroup.getOrDefault("other", 0L) / 1_000_000, jit == null ? -1 : jit.getTotalCompilationTime(), gc, gcCount);
        }

        CpuSnapshot minus(CpuSnapshot o) {
            return new CpuSnapshot(process - o.process, deployment - o.deployment, http - o.http, client - o.client,
                    otherThreads - o.otherThreads, compile - o.compile, gc - o.gc, gcCount - o.gcCount);
        }

        @Override
        public String toString() {
            long vm = process - deployment - http - client - otherThreads;
            return process + " ms CPU of the whole JVM (server and polling client; of it: deployment threads " + deployment
                    + " ms = " + String.format("%.2f", deployment / (double) RESOURCES) + " ms per resource, server HTTP threads " + http
                    + " ms, test client " + client + " ms, other Java threads " + otherThreads + " ms, JVM's own threads (JIT, GC) " + vm
                    + " ms; JIT compiling " + compile + " ms wall, GC " + gc + " ms in " + gcCount + " pauses)";
        }
    }
}
