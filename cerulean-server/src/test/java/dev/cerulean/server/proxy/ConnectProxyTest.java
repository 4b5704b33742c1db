package dev.cerulean.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectProxyTest {
    private static final String ESTABLISHED = "HTTP/1.1 200 Connection Established\r\n\r\n";

    private EchoUpstream upstream;
    private ConnectProxy proxy;

    @BeforeEach
    void start() throws IOException {
        upstream = new EchoUpstream();
        proxy = new ConnectProxy("127.0.0.1", 0, upstream.port(), ConnectProxy.defaultAllowList(".azurecr.io")).start();
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        upstream.close();
    }

    @Test
    void portIsPickedWhenZeroIsAsked() {
        assertThat(proxy.port()).isPositive();
    }

    @Test
    void connectToAzureHostIsEstablishedAndSplicesBytesBothWays() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            String head = client.send("CONNECT management.azure.com:443 HTTP/1.1\r\nHost: management.azure.com:443\r\n\r\n")
                    .readHead();

            assertThat(head).isEqualTo(ESTABLISHED);
            assertThat(client.send("ping").read(4)).isEqualTo("ping");
            assertThat(client.send("second").read(6)).isEqualTo("second");
            assertThat(upstream.accepted()).isEqualTo(1);
        }
    }

    @Test
    void bytesSentWithTheConnectHeadReachTheHttpsPort() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            client.send("CONNECT myregistry.azurecr.io:443 HTTP/1.1\r\n\r\nearly-hello");

            assertThat(client.readHead()).isEqualTo(ESTABLISHED);
            assertThat(client.read(11)).isEqualTo("early-hello");
        }
    }

    @Test
    void clientHalfCloseIsPassedOnAndTheTunnelEnds() throws Exception {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            client.send("CONNECT login.microsoftonline.com:443 HTTP/1.1\r\n\r\n").readHead();
            client.send("last words");
            client.socket.shutdownOutput();

            assertThat(client.readToEnd()).isEqualTo("last words");
        }
        awaitNoLiveSockets();
    }

    @Test
    void connectToHostOutsideAzureIsRefusedWith403WithoutConnectingAnywhere() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            String answer = client.send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n").readToEnd();

            assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n").contains("Content-Type: text/plain")
                    .endsWith("\r\n\r\nCerulean only intercepts Azure host names; 'example.com' is not one of them,"
                            + " so this proxy will not connect to it.\n");
        }
        assertThat(upstream.accepted()).isZero();
    }

    @Test
    void bicepDownloadHostsAreRefusedWithAReasonSayingWhatToDo() throws IOException {
        // az prints "Tunnel connection failed: 403 <reason>" when it tries to fetch Bicep (deployments.md §1.10)
        for (String host : new String[] {"aka.ms", "downloads.bicep.azure.com"}) {
            try (ProxyClient client = new ProxyClient(proxy.port())) {
                String answer = client.send("CONNECT " + host + ":443 HTTP/1.1\r\nHost: " + host + ":443\r\n\r\n").readToEnd();
                assertThat(answer).startsWith("HTTP/1.1 403 Forbidden (Cerulean reaches no internet host, so az cannot fetch Bicep:"
                        + " run 'bicep build' elsewhere and deploy the JSON)\r\n");
            }
        }
        assertThat(upstream.accepted()).isZero();
    }

    @Test
    void plainHttpRequestIsRefusedWith403() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            String answer = client.send("GET http://management.azure.com/subscriptions HTTP/1.1\r\n"
                    + "Host: management.azure.com\r\n\r\n").readToEnd();

            assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n")
                    .endsWith("\r\n\r\nCerulean only intercepts Azure host names through CONNECT; it does not forward"
                            + " plain HTTP requests (got GET for 'management.azure.com').\n");
        }
        assertThat(upstream.accepted()).isZero();
    }

    @Test
    void garbageIsRefusedWith400() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            String answer = client.send("\u0016\u0003\u0001garbage\r\n\r\n").readToEnd();

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("\r\n\r\nExpected 'CONNECT host:port HTTP/1.1'.\n");
        }
        assertThat(upstream.accepted()).isZero();
    }

    @Test
    void connectWithoutPortIsRefusedWith400() throws IOException {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            String answer = client.send("CONNECT management.azure.com HTTP/1.1\r\n\r\n").readToEnd();

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n");
        }
    }

    @Test
    void oversizedHeadIsRefusedWith400() throws IOException {
        StringBuilder head = new StringBuilder("CONNECT management.azure.com:443 HTTP/1.1\r\n");
        while (head.length() <= ProxyConnection.MAX_HEAD_BYTES) head.append("X-Filler: 0123456789abcdef\r\n");
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            String answer = client.send(head.toString()).readToEnd();

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .endsWith("\r\n\r\nThe request head exceeds 16384 bytes.\n");
        }
        assertThat(upstream.accepted()).isZero();
    }

    @Test
    void unreachableHttpsPortAnswers502() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (ConnectProxy orphan = new ConnectProxy("127.0.0.1", 0, closedPort, host -> true).start();
             ProxyClient client = new ProxyClient(orphan.port())) {
            String answer = client.send("CONNECT management.azure.com:443 HTTP/1.1\r\n\r\n").readToEnd();

            assertThat(answer).startsWith("HTTP/1.1 502 Bad Gateway\r\n")
                    .endsWith("\r\n\r\nCerulean's HTTPS port is not accepting connections.\n");
        }
    }

    @Test
    void callerPredicateDecidesWhichHostsAreTunnelled() throws IOException {
        try (ConnectProxy custom = new ConnectProxy("127.0.0.1", 0, upstream.port(), "example.com"::equals).start();
             ProxyClient allowed = new ProxyClient(custom.port());
             ProxyClient refused = new ProxyClient(custom.port())) {
            assertThat(allowed.send("CONNECT EXAMPLE.com:443 HTTP/1.1\r\n\r\n").readHead()).isEqualTo(ESTABLISHED);
            assertThat(refused.send("CONNECT management.azure.com:443 HTTP/1.1\r\n\r\n").readHead())
                    .startsWith("HTTP/1.1 403 Forbidden\r\n");
        }
    }

    @Test
    void closeEndsOpenTunnels() throws Exception {
        try (ProxyClient client = new ProxyClient(proxy.port())) {
            client.send("CONNECT management.azure.com:443 HTTP/1.1\r\n\r\n").readHead();
            assertThat(client.send("x").read(1)).isEqualTo("x");

            proxy.close();

            assertThat(client.socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(proxy.liveSockets()).isZero();
    }

    @Test
    void concurrentTunnelsStaySeparate() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> echoes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String message = "message-" + i;
                Callable<String> roundTrip = () -> {
                    try (ProxyClient client = new ProxyClient(proxy.port())) {
                        client.send("CONNECT r" + message + ".azurecr.io:443 HTTP/1.1\r\n\r\n").readHead();
                        return client.send(message).read(message.length());
                    }
                };
                echoes.add(clients.submit(roundTrip));
            }
            for (int i = 0; i < echoes.size(); i++) {
                assertThat(echoes.get(i).get()).isEqualTo("message-" + i);
            }
        } finally {
            clients.shutdownNow();
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
