package dev.cerulean.server.proxy;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets of the proxy's open connections, so that closing the proxy also ends every tunnel
 * (which unblocks their threads) instead of leaving them to run on.
 */
final class LiveSockets {
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Tracks a socket; false (and the socket closed) when the proxy is already closing. */
    boolean register(Socket socket) {
        sockets.add(socket);
        if (closed) { // checked after adding, so either this or closeAll() sees the socket
            release(socket);
            return false;
        }
        return true;
    }

    /** Closes and forgets a socket. */
    void release(Socket socket) {
        sockets.remove(socket);
        closeQuietly(socket);
    }

    int size() {
        return sockets.size();
    }

    void closeAll() {
        closed = true;
        for (Socket socket : sockets) release(socket);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that was wanted; there is nothing left to tell the peer
        }
    }
}
