package dev.cerulean.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tunnels whose peers go silent end by themselves instead of holding a thread forever. */
class TunnelLimitsTest {
    private static final Duration TICK = Duration.ofMillis(50);

    private ServerSocket silentUpstream;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ConnectProxy proxy;

    @BeforeEach
    void start() throws IOException {
        silentUpstream = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) held.add(silentUpstream.accept()); // accepts, never reads, never closes
            } catch (IOException e) {
                // closed by the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void startProxy(TunnelLimits limits) throws IOException {
        proxy = new ConnectProxy("127.0.0.1", 0,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), silentUpstream.getLocalPort()),
                host -> true, limits).start();
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) proxy.close();
        silentUpstream.close();
        for (Socket socket : held) socket.close();
    }

    @Test
    void halfClosedTunnelEndsWhenThePeerStaysSilentPastTheGrace() throws Exception {
        startProxy(new TunnelLimits(Duration.ofSeconds(30), Duration.ofMillis(200), TICK));
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            client.send("CONNECT management.azure.com:443 HTTP/1.1\r\n\r\n").readHead();
            client.socket.shutdownOutput();
            long start = System.nanoTime();

            assertThat(client.socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10)); // not the idle limit
        }
        awaitNoLiveSockets();
    }

    @Test
    void idleTunnelEndsAfterTheIdleLimit() throws Exception {
        startProxy(new TunnelLimits(Duration.ofMillis(600), Duration.ofSeconds(30), TICK));
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            client.send("CONNECT management.azure.com:443 HTTP/1.1\r\n\r\n").readHead();
            long start = System.nanoTime();

            assertThat(client.socket.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(550));
        }
        awaitNoLiveSockets();
    }

    private void awaitNoLiveSockets() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (proxy.liveSockets() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(proxy.liveSockets()).isZero();
    }
}
