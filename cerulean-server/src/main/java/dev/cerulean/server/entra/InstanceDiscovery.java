package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.Exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code GET /common/discovery/instance}, which MSAL calls before anything else for an authority
 * it does not know and again for the alias list (entra.md §2, clients.md §2.2 setup B). MSAL
 * reports the {@code authorization_endpoint} without its port, so only the tenant is taken from
 * it; the {@code tenant_discovery_endpoint} is built from the base URL this request came to. When
 * we are addressed by a name other than the public-cloud ones, that host[:port] joins the aliases
 * and becomes {@code preferred_network} (msal4j may send token requests there).
 */
final class InstanceDiscovery {

    private static final List<String> PUBLIC_CLOUD_ALIASES =
            List.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net");
    private static final Pattern TENANT_SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    void handle(Exchange ctx) {
        String base = PublicBaseUrl.of(ctx);
        String ours = PublicBaseUrl.authority(base).toLowerCase(Locale.ROOT);
        String tenant = tenantOf(ctx.queryParam("authorization_endpoint"));

        ObjectNode body = Json.object();
        body.put("tenant_discovery_endpoint", base + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        body.put("api-version", "1.1");
        ObjectNode group = body.putArray("metadata").addObject();
        ArrayNode aliases;
        if (PUBLIC_CLOUD_ALIASES.contains(ours)) {
            group.put("preferred_network", "login.microsoftonline.com");
            group.put("preferred_cache", "login.windows.net");
            aliases = group.putArray("aliases");
        } else {
            group.put("preferred_network", ours);
            group.put("preferred_cache", ours);
            aliases = group.putArray("aliases").add(ours);
        }
        PUBLIC_CLOUD_ALIASES.forEach(aliases::add);
        ctx.responseHeader("Cache-Control", "max-age=86400, private");
        JsonAnswer.send(ctx, body);
    }

    /** First path segment of the authorization endpoint; {@code common} when the parameter is absent. */
    private static String tenantOf(String authorizationEndpoint) {
        if (authorizationEndpoint == null || authorizationEndpoint.isBlank()) {
            return "common";
        }
        URI uri;
        try {
            uri = new URI(authorizationEndpoint);
        } catch (URISyntaxException e) {
            throw EntraErrors.invalidInstance(authorizationEndpoint);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
            throw EntraErrors.invalidInstance(authorizationEndpoint);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segments = path.split("/");
        String tenant = segments.length > 1 ? segments[1] : "";
        if (tenant.isEmpty()) {
            return "common";
        }
        if (!TENANT_SEGMENT.matcher(tenant).matches()) {
            throw EntraErrors.invalidInstance(authorizationEndpoint);
        }
        return tenant;
    }
}
