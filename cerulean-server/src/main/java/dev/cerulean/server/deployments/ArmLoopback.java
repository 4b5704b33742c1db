package dev.cerulean.server.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmRequest;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.templates.RuntimeResources;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ARM requests a deployment makes on its caller's behalf, dispatched through {@link ArmRoutes}
 * exactly as the caller's own requests are: the same authentication (the caller's bearer token),
 * pipeline checks, provider validation, defaults and long-running operations. Also the template
 * language's view of running resources ({@code reference}, {@code list*}).
 */
final class ArmLoopback implements RuntimeResources {
    private static final int MAX_POLLS = 1000;

    private final ArmRoutes routes;
    private final String authorization;
    private final String baseUrl;

    ArmLoopback(ArmRoutes routes, String authorization, String baseUrl) {
        this.routes = routes;
        this.authorization = authorization;
        this.baseUrl = baseUrl;
    }

    /**
     * PUT and, for long-running types, poll until the operation ends; null when the write succeeded,
     * else the error the engine answered. Nothing reads the written resource back: the deployment
     * records only success or failure, and {@code reference()} GETs what it needs.
     */
    ApiError put(String id, String apiVersion, JsonNode body) {
        try {
            waitFor(call("PUT", id, apiVersion, Json.writeBytes(body)));
            return null;
        } catch (ApiError e) {
            return e;
        }
    }

    /** DELETE and wait for it to end; null when it succeeded, else the engine's error. */
    ApiError delete(String id, String apiVersion) {
        try {
            waitFor(call("DELETE", id, apiVersion, null));
            return null;
        } catch (ApiError e) {
            return e;
        }
    }

    /** The resource's GET body, or null when it does not exist. */
    JsonNode getOrNull(String id, String apiVersion) {
        try {
            ArmResponse r = call("GET", id, apiVersion, null);
            return r.body() == null ? null : Json.MAPPER.readTree(r.body());
        } catch (ApiError e) {
            if (e.status() == 404) return null;
            throw e;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    @Override
    public JsonNode reference(String resourceId, String apiVersion, boolean full) {
        JsonNode got = getOrNull(resourceId, apiVersion);
        if (got == null) throw DeploymentErrors.referenceNotFound(resourceId);
        if (full) return got;
        JsonNode props = got.get("properties");
        return props == null ? Json.object() : props;
    }

    @Override
    public JsonNode list(String resourceId, String action, String apiVersion, JsonNode body) {
        ArmResponse r = call("POST", resourceId + "/" + action, apiVersion, body == null ? null : Json.writeBytes(body));
        try {
            return r.body() == null ? Json.object() : Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            return Json.object();
        }
    }

    /** Follows {@code Azure-AsyncOperation} or {@code Location} until the operation is no longer running. */
    private void waitFor(ArmResponse r) {
        String async = header(r, "Azure-AsyncOperation");
        String location = header(r, "Location");
        for (int i = 0; i < MAX_POLLS && (async != null || location != null); i++) {
            if (async != null) {
                JsonNode status = parse(get(async));
                String st = status.path("status").asText("");
                if (st.equalsIgnoreCase("Failed") || st.equalsIgnoreCase("Canceled")) {
                    JsonNode err = status.path("error");
                    throw ApiError.of(400, err.path("code").asText("ResourceDeploymentFailure"), err.path("message").asText(
                            "The resource operation completed with terminal provisioning state '" + st + "'."));
                }
                if (!st.equalsIgnoreCase("InProgress") && !st.equalsIgnoreCase("Running") && !st.equalsIgnoreCase("Accepted")) return;
            } else if (get(location).status() != 202) {
                return;
            }
        }
    }

    private ArmResponse get(String url) {
        URI u = URI.create(url);
        return dispatch("GET", u.getRawPath(), query(u.getRawQuery()), null);
    }

    private ArmResponse call(String method, String path, String apiVersion, byte[] body) {
        Map<String, List<String>> q = new HashMap<>();
        q.put("api-version", List.of(apiVersion));
        return dispatch(method, path, q, body);
    }

    private ArmResponse dispatch(String method, String rawPath, Map<String, List<String>> query, byte[] body) {
        List<String> segments = new ArrayList<>();
        for (String part : rawPath.split("/")) if (!part.isEmpty()) segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
        ArmRequest req = new ArmRequest(method, rawPath, segments, query, this::header, body, "application/json", null, null, baseUrl);
        return routes.dispatch(req, false);
    }

    private String header(String name) {
        if (name.equalsIgnoreCase("Authorization")) return authorization;
        if (name.equalsIgnoreCase("Content-Type")) return "application/json";
        return null;
    }

    private static String header(ArmResponse r, String name) {
        for (var e : r.headers().entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    private static JsonNode parse(ArmResponse r) {
        try {
            return r.body() == null ? Json.object() : Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            return Json.object();
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
