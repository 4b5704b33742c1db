package dev.cerulean.server.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies bytes both ways between a client socket and Cerulean's HTTPS port until both directions
 * have ended. End of stream in one direction is passed on as a half-close (FIN) so TLS close_notify
 * and HTTP/1.0-style "read to end" both work; a reset, a write to a closed peer, or silence beyond
 * the {@link TunnelLimits} ends both directions, so no thread waits forever on a peer that went away.
 */
final class Tunnel {
    private static final int BUFFER_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(Tunnel.class);

    private final Socket client;
    private final Socket upstream;
    private final String description;
    private final TunnelLimits limits;
    private final Runnable onClosed;
    private final long openedAt = System.nanoTime();
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private volatile long lastActivity = System.nanoTime();

    /**
     * @param description what the client asked for, e.g. {@code management.azure.com:443}, for the log
     * @param onClosed    runs once, after both directions ended and both sockets are closed
     */
    Tunnel(Socket client, Socket upstream, String description, TunnelLimits limits, Runnable onClosed) {
        this.client = client;
        this.upstream = upstream;
        this.description = description;
        this.limits = limits;
        this.onClosed = onClosed;
    }

    /** Pumps upstream→client on a thread from {@code threads} and client→upstream on the caller's thread. */
    void run(Executor threads) {
        try {
            client.setSoTimeout((int) limits.tick().toMillis());
            upstream.setSoTimeout((int) limits.tick().toMillis());
            threads.execute(() -> pump(upstream, client, bytesDown));
        } catch (IOException | RejectedExecutionException e) {
            closeBoth(); // the proxy is closing or a socket already died; the pump below ends at once
            directionEnded();
        }
        pump(client, upstream, bytesUp);
    }

    private void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException tick) {
                    if (isStale()) {
                        closeBoth();
                        return;
                    }
                    continue;
                }
                lastActivity = System.nanoTime();
                if (n < 0) {
                    to.shutdownOutput();
                    return;
                }
                out.write(buffer, 0, n);
                counter.addAndGet(n);
            }
        } catch (IOException e) {
            closeBoth(); // reset, or the other side is gone: nothing more can flow either way
        } finally {
            directionEnded();
        }
    }

    private boolean isStale() {
        long quiet = System.nanoTime() - lastActivity;
        return quiet > limits.idle().toNanos()
                || (openDirections.get() < 2 && quiet > limits.halfClosedGrace().toNanos());
    }

    private void directionEnded() {
        if (openDirections.decrementAndGet() == 0) {
            closeBoth();
            onClosed.run();
            log.debug("Tunnel {} from {} closed after {} ms, {} bytes up, {} bytes down", description,
                    client.getRemoteSocketAddress(), (System.nanoTime() - openedAt) / 1_000_000, bytesUp.get(),
                    bytesDown.get());
        }
    }

    private void closeBoth() {
        LiveSockets.closeQuietly(client);
        LiveSockets.closeQuietly(upstream);
    }
}
