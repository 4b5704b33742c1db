package dev.cerulean.server.registry;

import dev.cerulean.store.Stores;
import dev.cerulean.store.jdbc.JdbcStores;
import dev.cerulean.store.jdbc.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's garbage collector lives as long as its handler is served, not as long as the JVM. */
class RegistryWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void theCollectorStartsWithTheHandlerAndStopsWithIt() throws Exception {
        try (Stores stores = JdbcStores.open(StoreSettings.inMemory())) {
            Set<Thread> before = collectors();
            RegistryWiring wiring = RegistryWiring.start(dataDir, true, ".azurecr.io", stores, RegistryTestbed.CREDENTIALS,
                    RegistryTestbed.ACCESS, Clock.systemUTC());
            assertThat(newCollectors(before)).as("nothing collects before the handler serves").isEmpty();

            wiring.handler().start();
            Set<Thread> started = newCollectors(before);
            assertThat(started).hasSize(1);

            wiring.handler().stop();
            for (Thread t : started) {
                t.join(5_000);
                assertThat(t.isAlive()).as("collector thread after the handler stopped").isFalse();
            }
        }
    }

    @Test
    void aClosedServerLeavesNoCollectorRunning() throws Exception {
        Set<Thread> before = collectors();
        Set<Thread> serving;
        try (var server = dev.cerulean.server.CeruleanServer.start(dev.cerulean.server.config.ServerConfig.defaults()
                .withDataDir(dataDir).withInMemory(true).withPorts(0, -1))) {
            serving = newCollectors(before);
            assertThat(serving).hasSize(1);
        }
        for (Thread t : serving) {
            t.join(5_000);
            assertThat(t.isAlive()).as("collector thread after the server closed").isFalse();
        }
    }

    private static Set<Thread> newCollectors(Set<Thread> before) {
        Set<Thread> now = collectors();
        now.removeAll(before);
        return now;
    }

    private static Set<Thread> collectors() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("cerulean-registry-gc") && t.isAlive()) out.add(t);
        }
        return out;
    }
}
