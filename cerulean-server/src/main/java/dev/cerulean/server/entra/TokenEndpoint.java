package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.entra.grant.BasicCredentials;
import dev.cerulean.server.entra.grant.Grant;
import dev.cerulean.server.entra.grant.TokenProtocol;
import dev.cerulean.server.entra.grant.TokenRequest;
import dev.cerulean.server.entra.grant.TokenResult;
import dev.cerulean.server.http.Exchange;

import java.util.Locale;
import java.util.Map;

/**
 * The token endpoints: form in, grant chosen by {@code grant_type}, answer written in the
 * endpoint's number style. v1 writes every number as a JSON string and echoes {@code resource}
 * (entra.md §4); v2 writes {@code expires_in}/{@code ext_expires_in} as integers, which az needs
 * (entra.md §5).
 */
final class TokenEndpoint {

    private final TenantDirectory tenants;
    private final Map<String, Grant> grants;
    private final long maxBody;

    TokenEndpoint(TenantDirectory tenants, Map<String, Grant> grants, long maxBody) {
        this.tenants = tenants;
        this.grants = Map.copyOf(grants);
        this.maxBody = maxBody;
    }

    void v1(Exchange ctx) {
        issue(ctx, TokenProtocol.V1, tenants.resolveForToken(ctx.pathParam("tenant")));
    }

    void v2(Exchange ctx) {
        issue(ctx, TokenProtocol.V2, tenants.resolveForToken(ctx.pathParam("tenant")));
    }

    void adfs(Exchange ctx) {
        issue(ctx, TokenProtocol.ADFS, AuthorityTenant.ADFS);
    }

    private void issue(Exchange ctx, TokenProtocol protocol, AuthorityTenant authority) {
        Map<String, String> form = formOf(ctx, maxBody);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw EntraErrors.missingParameter("grant_type");
        }
        Grant grant = grants.get(grantType);
        if (grant == null) {
            throw EntraErrors.unsupportedGrantType(grantType);
        }
        TokenRequest request = new TokenRequest(protocol, authority, form,
                BasicCredentials.parse(ctx.header("Authorization")), ctx.remoteAddress());
        TokenResult result = grant.issue(request);
        ctx.responseHeader("Cache-Control", "no-store, no-cache");
        ctx.responseHeader("Pragma", "no-cache");
        JsonAnswer.send(ctx, request.usesScopes() ? v2Body(result) : v1Body(result));
    }

    /**
     * The form fields, first value of each. A body that is not form-encoded has, for Entra, no
     * parameters at all, so the first one it looks for is reported missing.
     */
    private static Map<String, String> formOf(Exchange ctx, long maxBody) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw EntraErrors.missingParameter("grant_type");
        }
        return ctx.form(maxBody);
    }

    private static ObjectNode v1Body(TokenResult r) {
        ObjectNode body = Json.object().put("token_type", "Bearer");
        if (r.scope() != null) {
            body.put("scope", r.scope());
        }
        body.put("expires_in", Long.toString(r.expiresIn()))
                .put("ext_expires_in", Long.toString(r.expiresIn()))
                .put("expires_on", Long.toString(r.expiresOn().getEpochSecond()))
                .put("not_before", Long.toString(r.notBefore().getEpochSecond()))
                .put("resource", r.resource())
                .put("access_token", r.accessToken());
        putIfPresent(body, "refresh_token", r.refreshToken());
        putIfPresent(body, "id_token", r.idToken());
        return body;
    }

    private static ObjectNode v2Body(TokenResult r) {
        ObjectNode body = Json.object().put("token_type", "Bearer");
        if (r.scope() != null) {
            body.put("scope", r.scope());
        }
        body.put("expires_in", r.expiresIn())
                .put("ext_expires_in", r.expiresIn())
                .put("access_token", r.accessToken());
        putIfPresent(body, "refresh_token", r.refreshToken());
        putIfPresent(body, "id_token", r.idToken());
        putIfPresent(body, "client_info", r.clientInfo());
        return body;
    }

    private static void putIfPresent(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
