package dev.cerulean.server.proxy;

import dev.cerulean.server.tls.ServedNames;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain-HTTP proxy port that lets unchanged tools reach Cerulean under Azure's public names:
 * {@code HTTPS_PROXY=http://127.0.0.1:<port>} plus trust in the local CA makes
 * {@code https://management.azure.com/...} land on Cerulean (arm.md §1, clients.md §2.2 setup C,
 * without hosts-file lines). It accepts only {@code CONNECT} to allowed host names and splices the
 * bytes to Cerulean's own HTTPS port, where the TLS handshake happens with Cerulean's certificate;
 * it never terminates TLS and never connects anywhere else.
 */
public final class ConnectProxy implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(ConnectProxy.class);

    private final InetSocketAddress bindAddress;
    private final InetSocketAddress upstream;
    private final Predicate<String> allowedHost;
    private final TunnelLimits limits;
    private final LiveSockets live = new LiveSockets();
    private ServerSocket listener;
    private ExecutorService threads;
    private Thread acceptor;
    private volatile boolean closed;

    /**
     * @param bindHost    address to listen on (loopback for a development tool)
     * @param port        port to listen on; 0 picks a free one, see {@link #port()}
     * @param httpsPort   Cerulean's HTTPS port on loopback, the only place tunnels lead
     * @param allowedHost which CONNECT hosts to accept, given lower-cased without port or trailing dot;
     *                    usually {@link #defaultAllowList(String)}
     */
    public ConnectProxy(String bindHost, int port, int httpsPort, Predicate<String> allowedHost) {
        this(bindHost, port, new InetSocketAddress(InetAddress.getLoopbackAddress(), httpsPort), allowedHost);
    }

    /** As above, for an HTTPS listener that is not on loopback. */
    public ConnectProxy(String bindHost, int port, InetSocketAddress upstream, Predicate<String> allowedHost) {
        this(bindHost, port, upstream, allowedHost, TunnelLimits.DEFAULT);
    }

    ConnectProxy(String bindHost, int port, InetSocketAddress upstream, Predicate<String> allowedHost,
                 TunnelLimits limits) {
        this.bindAddress = new InetSocketAddress(bindHost, port);
        this.upstream = upstream;
        this.allowedHost = allowedHost;
        this.limits = limits;
    }

    /**
     * The hosts the proxy intercepts by default: Azure's ARM and Entra host names, any name under
     * the registry suffix and under the Azure ML API domains; case-insensitive, any port.
     */
    public static Predicate<String> defaultAllowList(String registrySuffix) {
        return ServedNames.of(registrySuffix, List.of())::isInterceptable;
    }

    /** Binds and starts accepting; returns this for chaining. */
    public synchronized ConnectProxy start() throws IOException {
        if (listener != null) throw new IllegalStateException("already started");
        if (closed) throw new IllegalStateException("closed");
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(bindAddress, 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        listener = socket;
        threads = ConnectionThreads.newExecutor("cerulean-proxy-");
        acceptor = new Thread(this::acceptLoop, "cerulean-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.debug("CONNECT proxy on {} tunnels to {}", socket.getLocalSocketAddress(), upstream);
        return this;
    }

    /** The bound port; valid after {@link #start()}. */
    public synchronized int port() {
        if (listener == null) throw new IllegalStateException("not started");
        return listener.getLocalPort();
    }

    /** Where every tunnel leads. */
    public InetSocketAddress upstream() {
        return upstream;
    }

    /** Open client and upstream sockets; for tests and metrics. */
    int liveSockets() {
        return live.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) return;
                log.warn("CONNECT proxy accept failed: {}", e.toString());
                pause(); // e.g. out of file descriptors: don't spin
                continue;
            }
            if (!live.register(client)) continue;
            try {
                threads.execute(new ProxyConnection(client, upstream, allowedHost, limits, threads, live));
            } catch (RejectedExecutionException e) {
                live.release(client); // closing
            }
        }
    }

    /** Stops accepting and closes every open connection and tunnel. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                log.debug("Closing the proxy listener failed: {}", e.toString());
            }
        }
        live.closeAll();
        if (threads != null) threads.shutdownNow();
        if (acceptor != null) {
            try {
                acceptor.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
