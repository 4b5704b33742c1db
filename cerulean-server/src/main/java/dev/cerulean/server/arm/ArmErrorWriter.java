package dev.cerulean.server.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.ErrorWriter;
import dev.cerulean.server.http.Exchange;

/**
 * Writes ARM's error envelope {@code {"error":{"code","message","target"?,"details"?}}} (arm.md §5),
 * with a {@code WWW-Authenticate} challenge on every 401 naming the tenant's authority (arm.md §6).
 */
public final class ArmErrorWriter implements ErrorWriter {

    private final String tenantId;

    public ArmErrorWriter(String tenantId) {
        this.tenantId = tenantId;
    }

    @Override
    public void write(Exchange ex, ApiError error) {
        ObjectNode err = Json.object();
        err.put("code", error.code());
        err.put("message", error.message());
        if (error.target() != null) err.put("target", error.target());
        if (!error.details().isEmpty()) {
            ArrayNode details = err.putArray("details");
            for (ApiError.Detail d : error.details()) {
                ObjectNode n = details.addObject();
                n.put("code", d.code());
                n.put("message", d.message());
                if (d.target() != null) n.put("target", d.target());
            }
        }
        error.headers().forEach(ex::responseHeader);
        if (error.status() == 401 && !error.headers().containsKey("WWW-Authenticate")) {
            ex.responseHeader("WWW-Authenticate", "Bearer authorization_uri=\"https://login.windows.net/" + tenantId
                    + "\", error=\"invalid_token\", error_description=\"" + error.message().replace("\"", "'") + "\"");
        }
        ex.status(error.status());
        ex.send("application/json; charset=utf-8", Json.writeBytes(Json.object().set("error", err)));
    }
}
