package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.http.Exchange;
import dev.cerulean.server.http.Routes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seam between the HTTP front and the ARM engine: claims ARM's path prefixes for every method,
 * turns an {@link Exchange} into an {@link ArmRequest} (reading at most the configured body size)
 * and writes the {@link ArmResponse}. Nothing below this class sees HTTP types.
 */
public final class ArmHttp {

    private static final Set<String> PUBLIC_ARM_HOSTS = Set.of("management.azure.com", "management.core.windows.net");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "POST");
    private static final String JSON = "application/json; charset=utf-8";

    /**
     * Deployment requests (PUT, validate, whatIf) may carry a 4 MiB template and 4 MiB of parameters,
     * Azure's limits, plus the envelope: they get room for both, so an over-size template or parameter
     * set is refused with the deployment's own error rather than the front's {@code 413}.
     */
    static final long DEPLOYMENT_BODY_BYTES = 9L * 1024 * 1024;
    private static final String DEPLOYMENTS = "/providers/microsoft.resources/deployments/";

    private final ArmRoutes routes;
    private final long maxBody;

    public ArmHttp(ArmRoutes routes, long maxBody) {
        this.routes = routes;
        this.maxBody = maxBody;
    }

    public void register(Routes r) {
        for (String prefix : ArmRoutes.PREFIXES) r.any(prefix + "/*", this::handle);
    }

    private void handle(Exchange ex) {
        String method = ex.method();
        if (!METHODS.contains(method)) throw ArmErrors.methodNotAllowed(method);
        String path = ex.path();
        long limit = path.toLowerCase(java.util.Locale.ROOT).contains(DEPLOYMENTS) ? Math.max(maxBody, DEPLOYMENT_BODY_BYTES) : maxBody;
        byte[] body = method.equals("PUT") || method.equals("PATCH") || method.equals("POST") ? ex.body(limit) : null;
        Map<String, List<String>> query = ex.queryParams();
        ArmRequest req = new ArmRequest(method, path, segments(path), query, ex::header, body,
                ex.contentType(), null, null, ex.context().baseUrl());
        ArmResponse res = routes.dispatch(req, PUBLIC_ARM_HOSTS.contains(hostOf(ex.host())));
        res.headers().forEach(ex::responseHeader);
        ex.status(res.status());
        if (res.body() != null) ex.send(JSON, res.body());
    }

    /** Decoded path segments; a trailing slash (the ML docs' {@code workspaces/?api-version}) is ignored. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
                out.add(part);
                continue;
            }
            try {
                out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ArmErrors.invalidRequestContent("The request path has a malformed escape sequence in '" + part + "'.");
            }
        }
        return out;
    }

    private static String hostOf(String hostHeader) {
        if (hostHeader == null) return "";
        String h = hostHeader.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) return h.substring(0, h.indexOf(']') + 1);
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
