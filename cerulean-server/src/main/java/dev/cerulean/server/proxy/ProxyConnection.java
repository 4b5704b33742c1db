package dev.cerulean.server.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to the proxy: reads the request head, refuses anything but a CONNECT to
 * an allowed host, and otherwise opens a {@link Tunnel} to Cerulean's own HTTPS port. Whatever
 * host the client names, the only place this class ever connects to is {@code upstream}.
 */
final class ProxyConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ProxyConnection.class);

    static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int HEAD_TIMEOUT_MILLIS = 10_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** After a refusal, how long to read what the client still sends so closing doesn't reset the answer away. */
    private static final int DRAIN_MILLIS = 1_000;

    private final Socket client;
    private final InetSocketAddress upstream;
    private final Predicate<String> allowedHost;
    private final TunnelLimits limits;
    private final Executor threads;
    private final LiveSockets live;

    ProxyConnection(Socket client, InetSocketAddress upstream, Predicate<String> allowedHost, TunnelLimits limits,
                    Executor threads, LiveSockets live) {
        this.client = client;
        this.upstream = upstream;
        this.allowedHost = allowedHost;
        this.limits = limits;
        this.threads = threads;
        this.live = live;
    }

    @Override
    public void run() {
        boolean tunnelOwnsSockets = false;
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
            tunnelOwnsSockets = serve();
        } catch (SocketTimeoutException e) {
            log.debug("Proxy client {} sent no complete request head in time", client.getRemoteSocketAddress());
        } catch (IOException e) {
            log.debug("Proxy client {} failed: {}", client.getRemoteSocketAddress(), e.toString());
        } finally {
            if (!tunnelOwnsSockets) live.release(client);
        }
    }

    /** Handles the request; true when a tunnel was opened and now owns both sockets. */
    private boolean serve() throws IOException {
        InputStream in = client.getInputStream();
        byte[] head = new byte[MAX_HEAD_BYTES];
        int filled = 0;
        int headEnd = -1;
        while (headEnd < 0) {
            if (filled == head.length) {
                refuse(ProxyAnswer.headTooLarge(MAX_HEAD_BYTES), "head too large");
                return false;
            }
            int n = in.read(head, filled, head.length - filled);
            if (n < 0) return false; // the client left before finishing its request
            int scanFrom = Math.max(0, filled - 3);
            filled += n;
            headEnd = endOfHead(head, scanFrom, filled);
        }
        Optional<ProxyRequest> parsed = ProxyRequest.parse(new String(head, 0, headEnd, StandardCharsets.ISO_8859_1));
        if (parsed.isEmpty()) {
            refuse(ProxyAnswer.malformed(), "malformed request");
            return false;
        }
        ProxyRequest request = parsed.get();
        if (!request.isConnect()) {
            refuse(ProxyAnswer.plainHttpRefused(request.method(), request.host()), request.method() + " " + request.host());
            return false;
        }
        if (!allowedHost.test(request.host())) {
            refuse(ProxyAnswer.hostNotIntercepted(request.host()), "CONNECT " + request.host() + ":" + request.port());
            return false;
        }
        Socket upstreamSocket = new Socket();
        if (!live.register(upstreamSocket)) return false;
        try {
            upstreamSocket.setTcpNoDelay(true);
            upstreamSocket.connect(upstream, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            live.release(upstreamSocket);
            log.warn("Proxy could not reach Cerulean's HTTPS port {}: {}", upstream, e.toString());
            refuse(ProxyAnswer.upstreamUnavailable(), "upstream unavailable");
            return false;
        }
        try {
            client.getOutputStream().write(ProxyAnswer.established());
            if (filled > headEnd) {
                upstreamSocket.getOutputStream().write(head, headEnd, filled - headEnd); // e.g. a ClientHello sent early
            }
        } catch (IOException e) {
            live.release(upstreamSocket);
            throw e;
        }
        new Tunnel(client, upstreamSocket, request.host() + ":" + request.port(), limits, () -> {
            live.release(client);
            live.release(upstreamSocket);
        }).run(threads);
        return true;
    }

    /** Index just past the blank line that ends the head (CRLF CRLF, or bare LF LF), or -1. */
    static int endOfHead(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != '\n') continue;
            if (i + 1 < to && bytes[i + 1] == '\n') return i + 2;
            if (i + 2 < to && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return i + 3;
        }
        return -1;
    }

    /**
     * Writes a refusal, half-closes, and reads briefly what the client still sends: closing with
     * unread input makes TCP send a reset, which can destroy the answer before the client reads it.
     */
    private void refuse(byte[] answer, String what) throws IOException {
        log.debug("Proxy refused {} from {}", what, client.getRemoteSocketAddress());
        client.getOutputStream().write(answer);
        client.shutdownOutput();
        client.setSoTimeout(DRAIN_MILLIS);
        byte[] sink = new byte[4096];
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        try {
            InputStream in = client.getInputStream();
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the client closed or stayed silent: either way the answer was sent
        }
    }
}
