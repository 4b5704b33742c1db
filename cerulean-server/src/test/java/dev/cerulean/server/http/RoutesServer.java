package dev.cerulean.server.http;

import dev.cerulean.core.error.ApiError;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One surface's route table on a bare Jetty over plain HTTP on port 0, for unit tests of that
 * surface alone: no surface selection, no other surfaces, errors written by the given writer. The
 * optional context function plays the front's part (request id, public base URL).
 */
public final class RoutesServer implements AutoCloseable {

    private final Server server = new Server();

    public RoutesServer(Consumer<Routes> table, ErrorWriter writer, Function<Request, RequestContext> context) {
        Routes routes = new Routes();
        table.accept(routes);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Exchange ex = new Exchange(request, response, context == null ? null : context.apply(request));
                try {
                    Routes.Match m = routes.match(request.getMethod(), ex.path());
                    if (m.route() == null) throw ApiError.of(404, "not_found", "no route for " + ex.path());
                    ex.pathParams(m.params());
                    m.route().handle(ex);
                } catch (ApiError e) {
                    writer.write(ex, e);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                ex.finish(callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
