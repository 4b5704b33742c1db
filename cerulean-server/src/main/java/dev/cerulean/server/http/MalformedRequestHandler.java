package dev.cerulean.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Answers requests Jetty refuses before any route sees them (a malformed escape in the path, an
 * invalid header) in ARM's JSON error shape instead of Jetty's HTML page: no surface has been
 * chosen yet, and ARM's envelope is what most clients of Cerulean parse. Failures that escaped a
 * surface (5xx) are reported without their cause.
 */
final class MalformedRequestHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() <= 0 ? 400 : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        ObjectNode error = Json.object();
        if (status >= 500) {
            // a failure escaped every surface: say so without echoing the throwable to the client
            error.put("code", "InternalServerError");
            error.put("message", "The server encountered an internal error. Please retry the request.");
        } else {
            error.put("code", status == 400 ? "BadRequest" : status == 431 ? "RequestHeaderFieldsTooLarge" : "InvalidRequest");
            error.put("message", "The request could not be parsed" + (reason == null ? "." : ": " + reason + "."));
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.writeBytes(Json.object().set("error", error))), callback);
        return true;
    }
}
