package dev.cerulean.server.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.ml.WorkspaceRecords.Workspace;
import dev.cerulean.server.security.TokenVerifier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Azure Machine Learning's regional data plane (ml.md §4, §5) as a Jetty core handler: on the
 * regional host names ({@code <region>.api.azureml.ms}, {@code .experiments.azureml.net},
 * {@code .modelmanagement.azureml.net}) every request is its own; on other hosts (localhost) only
 * {@code /discovery}, {@code /history/v1.0/...} and {@code /modelmanagement/v1.0/...}. Discovery is
 * anonymous; the rest needs a bearer token for ARM's or ML's audience and an existing workspace.
 */
final class RegionalApiHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(RegionalApiHandler.class);
    private static final String HISTORY = "history";
    private static final String MODELS = "modelmanagement";

    private final TokenVerifier verifier;
    private final WorkspaceRecords records;
    private final RunHistory history;
    private final ModelManagement models;
    private final long maxBodyBytes;
    private final Clock clock;

    RegionalApiHandler(TokenVerifier verifier, WorkspaceRecords records, RunHistory history, ModelManagement models,
                       long maxBodyBytes, Clock clock) {
        this.clock = clock;
        this.verifier = verifier;
        this.records = records;
        this.history = history;
        this.models = models;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String host = hostName(request.getHeaders().get(HttpHeader.HOST));
        String path = Request.getPathInContext(request);
        String lower = path.toLowerCase(Locale.ROOT);
        boolean regionalHost = Discovery.RegionalHostNames.region(host) != null;
        boolean ours = lower.equals("/discovery") || lower.startsWith("/history/v1.0/") || lower.startsWith("/modelmanagement/v1.0/");
        if (!regionalHost && !ours) return false;
        String service = lower.startsWith("/modelmanagement/") ? MODELS : HISTORY;
        String region = Discovery.RegionalHostNames.region(host);
        try {
            Reply reply = answer(request, host, path, service);
            write(response, callback, reply.status(), reply.body());
        } catch (ApiError e) {
            fail(response, callback, e, service, region == null ? "eastus" : region);
        } catch (RuntimeException e) {
            log.error("ML data plane {} {} failed", request.getMethod(), path, e);
            fail(response, callback, ApiError.of(500, "InternalServerError", "The request failed inside Cerulean; see its log."),
                    service, region == null ? "eastus" : region);
        }
        return true;
    }

    private Reply answer(Request request, String host, String path, String service) {
        String method = request.getMethod();
        String baseUrl = baseUrl(request, host);
        if (path.equalsIgnoreCase("/discovery")) {
            if (!method.equals("GET")) throw RegionalErrors.methodNotAllowed(method);
            return Reply.ok(Discovery.document(host, baseUrl));
        }
        List<String> s = Arrays.stream(path.substring(1).split("/")).toList();
        // /{service}/v1.0/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{ws}/...
        if (s.size() < 11 || !s.get(1).equalsIgnoreCase("v1.0") || !s.get(2).equalsIgnoreCase("subscriptions")
                || !s.get(4).equalsIgnoreCase("resourceGroups") || !s.get(6).equalsIgnoreCase("providers")
                || !s.get(7).equalsIgnoreCase("Microsoft.MachineLearningServices") || !s.get(8).equalsIgnoreCase("workspaces")
                || !(s.get(0).equalsIgnoreCase(HISTORY) || s.get(0).equalsIgnoreCase(MODELS))) {
            throw RegionalErrors.notFound("The path '" + path + "'");
        }
        authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        Workspace ws = records.workspace(s.get(3), s.get(5), s.get(9))
                .orElseThrow(() -> RegionalErrors.workspaceNotFound(s.get(3), s.get(5), s.get(9)));
        List<String> rest = new java.util.ArrayList<>(s.subList(10, s.size()));
        rest.set(0, rest.get(0).toLowerCase(Locale.ROOT));
        JsonNode body = body(request);
        if (service.equals(MODELS)) {
            Fields fields;
            try {
                fields = Request.extractQueryParameters(request);
            } catch (IllegalArgumentException e) { // Jetty's decoding of a malformed escape
                throw RegionalErrors.badRequest("The query string is not valid: " + e.getMessage());
            }
            Map<String, String> query = new LinkedHashMap<>();
            StringBuilder self = new StringBuilder(baseUrl).append(path).append('?');
            for (Fields.Field f : fields) {
                query.put(f.getName(), f.getValue());
                if (f.getName().equalsIgnoreCase("$skipToken")) continue;
                self.append(enc(f.getName())).append('=').append(enc(f.getValue())).append('&');
            }
            return models.handle(method, ws, rest, body, query, self.toString());
        }
        return history.handle(method, ws, rest, body);
    }

    /** A bearer token for ARM's audience (the doc reuses it) or ML's. */
    private void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw RegionalErrors.unauthorized("The request has no Authorization header with a bearer token.");
        }
        try {
            verifier.verify(authorization);
        } catch (ApiError e) {
            throw RegionalErrors.unauthorized(e.message());
        }
    }

    private JsonNode body(Request request) {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException e) {
            throw RegionalErrors.badRequest("The request body could not be read.");
        }
        if (bytes.length > maxBodyBytes) throw RegionalErrors.tooLarge(maxBodyBytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) return null;
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw RegionalErrors.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void fail(Response response, Callback callback, ApiError e, String service, String region) {
        if (e.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        write(response, callback, e.status(), service.equals(MODELS) ? RegionalErrors.modelManagementBody(e)
                : RegionalErrors.runHistoryBody(e, region, clock.instant()));
    }

    private static void write(Response response, Callback callback, int status, JsonNode body) {
        response.setStatus(status);
        response.getHeaders().put("x-ms-request-id", java.util.UUID.randomUUID().toString());
        if (body == null) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(Json.writeBytes(body)), callback);
    }

    private static String baseUrl(Request request, String host) {
        String header = request.getHeaders().get(HttpHeader.HOST);
        if (header == null) header = host + ":" + Request.getLocalPort(request);
        if (header.endsWith(":443")) header = header.substring(0, header.length() - 4);
        return "https://" + header;
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isEmpty()) return "localhost";
        String h = hostHeader.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) return h.substring(0, h.indexOf(']') + 1);
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
