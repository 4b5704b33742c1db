package dev.cerulean.server.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies bytes both ways between a client socket and Cerulean's HTTPS port until both directions
 * have ended. End of stream in one direction is passed on as a half-close (FIN) so TLS close_notify
 * and HTTP/1.0-style "read to end" both work; a reset, a write to a closed peer, a tunnel idle for
 * {@link #IDLE}, or a half-closed tunnel silent for {@link #HALF_CLOSED_GRACE} ends both directions,
 * so no thread waits forever on a peer that went away.
 */
final class Tunnel {
    static final Duration IDLE = Duration.ofMinutes(5);
    static final Duration HALF_CLOSED_GRACE = Duration.ofSeconds(30);
    /** How often a blocked read wakes up to check the two limits above. */
    private static final int TICK_MILLIS = 5_000;
    private static final int BUFFER_BYTES = 16 * 1024;

    private final Socket client;
    private final Socket upstream;
    private final Runnable onClosed;
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private volatile long lastActivity = System.nanoTime();

    /** @param onClosed runs once, after both directions ended and both sockets are closed */
    Tunnel(Socket client, Socket upstream, Runnable onClosed) {
        this.client = client;
        this.upstream = upstream;
        this.onClosed = onClosed;
    }

    long bytesUp() {
        return bytesUp.get();
    }

    long bytesDown() {
        return bytesDown.get();
    }

    /** Pumps upstream→client on a thread from {@code threads} and client→upstream on the caller's thread. */
    void run(Executor threads) {
        try {
            client.setSoTimeout(TICK_MILLIS);
            upstream.setSoTimeout(TICK_MILLIS);
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
        return quiet > IDLE.toNanos() || (openDirections.get() < 2 && quiet > HALF_CLOSED_GRACE.toNanos());
    }

    private void directionEnded() {
        if (openDirections.decrementAndGet() == 0) {
            closeBoth();
            onClosed.run();
        }
    }

    private void closeBoth() {
        LiveSockets.closeQuietly(client);
        LiveSockets.closeQuietly(upstream);
    }
}
