package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;

import java.time.Instant;
import java.util.UUID;

/**
 * Errors of the regional data plane and their two wire shapes (ml.md §5): run history answers
 * AzureML's ErrorResponse ({@code error} with {@code code} UserError/SystemError and the specific
 * code in {@code innerError}, plus correlation, environment and time); model management answers
 * ModelErrorResponse ({@code code}, {@code statusCode}, {@code message}, {@code details}).
 */
final class RegionalErrors {
    private RegionalErrors() {}

    static ApiError unauthorized(String why) {
        return ApiError.of(401, "AuthenticationError", why);
    }

    static ApiError workspaceNotFound(String sub, String rg, String ws) {
        return ApiError.of(404, "WorkspaceNotFound", "No workspace '" + ws + "' was found in resource group '" + rg
                + "' of subscription '" + sub + "'.");
    }

    static ApiError notFound(String what) {
        return ApiError.of(404, "NotFound", what + " was not found.");
    }

    static ApiError badRequest(String message) {
        return ApiError.of(400, "BadArgument", message);
    }

    static ApiError conflict(String message) {
        return ApiError.of(409, "Conflict", message);
    }

    static ApiError methodNotAllowed(String method) {
        return ApiError.of(405, "MethodNotAllowed", "The method '" + method + "' is not allowed on this path.");
    }

    static ApiError tooLarge(long limit) {
        return ApiError.of(413, "RequestTooLarge", "The request body exceeds " + limit + " bytes.");
    }

    /** Run history's ErrorResponse, stamped {@code now} (the server's clock). */
    static ObjectNode runHistoryBody(ApiError e, String location, Instant now) {
        ObjectNode out = Json.object();
        ObjectNode err = out.putObject("error");
        err.put("code", e.status() >= 500 ? "SystemError" : "UserError");
        err.putNull("severity");
        err.put("message", e.message());
        err.putNull("messageFormat");
        err.putNull("messageParameters");
        err.putNull("referenceCode");
        err.putNull("detailsUri");
        err.putNull("target");
        err.putArray("details");
        err.putObject("innerError").put("code", e.code()).putNull("innerError");
        err.putNull("debugInfo");
        err.putNull("additionalInfo");
        out.putObject("correlation").put("operation", UUID.randomUUID().toString().replace("-", ""))
                .put("request", UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        out.put("environment", location);
        out.put("location", location);
        out.put("time", now.toString());
        out.put("componentName", "run-history");
        return out;
    }

    /** Model management's ModelErrorResponse. */
    static ObjectNode modelManagementBody(ApiError e) {
        ObjectNode out = Json.object();
        out.put("code", e.code());
        out.put("statusCode", e.status());
        out.put("message", e.message());
        var details = out.putArray("details");
        for (ApiError.Detail d : e.details()) {
            ObjectNode n = details.addObject().put("code", d.code()).put("message", d.message());
            if (d.target() != null) n.put("target", d.target());
        }
        return out;
    }
}
