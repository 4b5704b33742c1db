package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.http.RequestContext;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The seam between Javalin and the ARM engine: registers ARM's path prefixes for every method,
 * turns a {@link Context} into an {@link ArmRequest} (reading at most the configured body size) and
 * writes the {@link ArmResponse}. Nothing below this class sees Javalin.
 */
public final class ArmHttp {

    private static final Set<String> PUBLIC_ARM_HOSTS = Set.of("management.azure.com", "management.core.windows.net");

    private final ArmRoutes routes;
    private final long maxBody;

    public ArmHttp(ArmRoutes routes, long maxBody) {
        this.routes = routes;
        this.maxBody = maxBody;
    }

    public void register(RoutesConfig r) {
        for (String prefix : ArmRoutes.PREFIXES) {
            for (String path : List.of(prefix, prefix + "/*")) {
                r.get(path, this::handle);
                r.head(path, this::handle);
                r.put(path, this::handle);
                r.patch(path, this::handle);
                r.delete(path, this::handle);
                r.post(path, this::handle);
            }
        }
    }

    private void handle(Context ctx) {
        RequestContext rc = RequestContext.of(ctx);
        String method = ctx.method().name();
        String path = ctx.path();
        byte[] body = method.equals("PUT") || method.equals("PATCH") || method.equals("POST") ? readBody(ctx) : null;
        ArmRequest req = new ArmRequest(method, path, segments(path), ctx.queryParamMap(), ctx::header, body,
                ctx.header("Content-Type"), null, null, rc.baseUrl());
        String host = hostOf(ctx.host());
        ArmResponse res = routes.dispatch(req, PUBLIC_ARM_HOSTS.contains(host));
        res.headers().forEach(ctx::header);
        ctx.status(res.status());
        if (res.body() != null) {
            ctx.contentType("application/json; charset=utf-8");
            if (!method.equals("HEAD")) ctx.result(res.body());
        }
    }

    /** Largest oversized body drained before answering 413, so the client reads the answer instead of a broken pipe. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    /** Reads the body with a hard cap: an oversized one is discarded as it streams, never buffered. */
    private byte[] readBody(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            long declared = ctx.req().getContentLengthLong();
            byte[] data = declared > maxBody ? new byte[0] : in.readNBytes((int) maxBody + 1);
            if (declared > maxBody || data.length > maxBody) {
                drain(in);
                throw ArmErrors.requestTooLarge(maxBody);
            }
            return data;
        } catch (IOException e) {
            // the client went away or sent a broken body: its mistake, not a server fault
            throw ArmErrors.invalidRequestContent("the request body could not be read: " + e.getMessage());
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = in.read(buffer)) > 0) total += n;
    }

    /** Decoded path segments; a trailing slash (the ML docs' {@code workspaces/?api-version}) is ignored. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
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
