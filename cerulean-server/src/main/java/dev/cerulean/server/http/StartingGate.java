package dev.cerulean.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The connector's handler from the moment it listens: while the surfaces are still being wired,
 * {@code /cerulean/health} answers 503 {@code {"status":"starting"}} and every other request 503
 * with {@code Retry-After} in ARM's error shape (what Azure answers when a service is briefly
 * unavailable); once {@link #open} hands it the front's handler, it only passes requests on. The
 * connector opens early so the clients' first TLS handshakes and the JVM's warming of Jetty
 * overlap the wiring instead of following it.
 */
final class StartingGate extends Handler.Abstract {

    private static final byte[] HEALTH = "{\"status\":\"starting\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAVAILABLE = ("{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":"
            + "\"Cerulean is starting; retry in a moment.\"}}").getBytes(StandardCharsets.UTF_8);

    private volatile Handler front;

    void open(Handler front) {
        this.front = front;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler ready = front;
        if (ready != null) return ready.handle(request, response, callback);
        boolean health = "/cerulean/health".equals(request.getHttpURI().getPath());
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        if (!health) response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        response.write(true, ByteBuffer.wrap(health ? HEALTH : UNAVAILABLE), callback);
        return true;
    }
}
