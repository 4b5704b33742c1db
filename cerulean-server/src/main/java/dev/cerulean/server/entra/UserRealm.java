package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.http.Exchange;

import java.util.Locale;

/**
 * {@code GET /common/userrealm/{username}}, which MSAL calls before a password sign-in (entra.md §5).
 * A user name in a known tenant's domain is {@code Managed} (plain ROPC follows); any other is
 * {@code Unknown}, as Entra answers, so MSAL still falls back to ROPC (MSAL Python 1.21
 * {@code authority.py} raises on any non-404 error status, so this never answers 4xx).
 */
final class UserRealm {

    private final TenantDirectory tenants;

    UserRealm(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    void handle(Exchange ctx) {
        String username = ctx.pathParam("username");
        int at = username.lastIndexOf('@');
        String domain = (at < 0 ? username : username.substring(at + 1)).toLowerCase(Locale.ROOT);
        ObjectNode body = Json.object().put("ver", "1.0");
        if (!domain.isEmpty() && tenants.byDomain(domain).isPresent()) {
            body.put("account_type", "Managed")
                    .put("domain_name", domain)
                    .put("cloud_instance_name", "microsoftonline.com")
                    .put("cloud_audience_urn", "urn:federation:MicrosoftOnline");
        } else {
            body.put("account_type", "Unknown").put("cloud_instance_name", "microsoftonline.com");
        }
        JsonAnswer.send(ctx, body);
    }
}
