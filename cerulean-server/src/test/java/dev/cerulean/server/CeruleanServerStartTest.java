package dev.cerulean.server;

import dev.cerulean.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that fails part-way releases what it had opened: ports, the store's pool, surface threads. */
class CeruleanServerStartTest {

    @TempDir
    Path dir;

    @Test
    void aProxyPortInUseReleasesTheHttpsPortTheStoreAndTheSurfaceThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int https = freePort();
        try (ServerSocket busy = bind(0)) {
            ServerConfig config = ServerConfig.defaults().withDataDir(dir).withPorts(https, busy.getLocalPort());
            assertThatThrownBy(() -> CeruleanServer.start(config)).isInstanceOf(Exception.class);
        }
        bind(https).close();
        assertNoThreadLeftStartedBy(before);
    }

    @Test
    void aFailureAfterTheProxyStartedReleasesTheProxyPort() throws Exception {
        // the endpoints file is written last, after the proxy listens: a directory in its place fails that write
        Files.createDirectories(dir.resolve("endpoints.json").resolve("in-the-way"));
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int https = freePort();
        int proxy = freePort();
        ServerConfig config = ServerConfig.defaults().withDataDir(dir).withPorts(https, proxy);
        assertThatThrownBy(() -> CeruleanServer.start(config)).isInstanceOf(Exception.class);
        bind(proxy).close();
        bind(https).close();
        assertNoThreadLeftStartedBy(before);
    }

    /** Threads of the registry collector, the proxy and the store pool stop (Hikari's may take a moment). */
    private static void assertNoThreadLeftStartedBy(Set<Thread> before) throws InterruptedException {
        Set<String> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName)
                    .filter(n -> n.startsWith("cerulean-registry-gc") || n.startsWith("cerulean-proxy")
                            || n.startsWith("cerulean-sqlite"))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) return;
            Thread.sleep(100);
        }
        assertThat(left).as("threads left running after a failed start").isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = bind(0)) {
            return s.getLocalPort();
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return s;
    }
}
