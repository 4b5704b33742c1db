package dev.cerulean.server.registry.auth;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@code POST /oauth2/exchange}, {@code GET} and {@code POST /oauth2/token} on registry hosts
 * ({@link RegistryHosts}), answered with ACR's JSON and error shapes (acr.md §5.4, §5.5).
 * Every other request, {@code /v2/} and {@code /acr/v1/} included, is left to the next handler.
 */
public final class TokenEndpoints extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpoints.class);
    private static final int MAX_FORM_FIELDS = 64;
    private static final int MAX_FORM_BYTES = 64 * 1024;

    private final RegistryHosts hosts;
    private final TokenService service;

    TokenEndpoints(RegistryHosts hosts, TokenService service) {
        this.hosts = hosts;
        this.service = service;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        boolean exchange = path.equalsIgnoreCase("/oauth2/exchange");
        if (!exchange && !path.equalsIgnoreCase("/oauth2/token")) return false;
        String host = RegistryHosts.hostHeader(request);
        Optional<RegistryView> registry = host == null ? Optional.empty() : hosts.registry(host);
        if (registry.isEmpty() && !hosts.isRegistryHost(host)) return false;
        try {
            if (registry.isEmpty()) {
                throw ApiError.of(404, RegistryErrors.NAME_UNKNOWN, "The registry '" + host + "' does not exist.");
            }
            String method = request.getMethod();
            String token;
            if (exchange && method.equals("POST")) {
                Fields form = form(request);
                String refresh = service.exchange(registry.get(), form::getValue);
                ok(request, response, callback, "refresh_token", refresh);
                return true;
            } else if (!exchange && method.equals("GET")) {
                Fields query = query(request);
                token = service.tokenForHeader(registry.get(), request.getHeaders().get(HttpHeader.AUTHORIZATION),
                        query.getValue("service"), query.getValuesOrEmpty("scope"));
            } else if (!exchange && method.equals("POST")) {
                Fields form = form(request);
                token = service.tokenForForm(registry.get(), form::getValue, form.getValuesOrEmpty("scope"));
            } else {
                throw ApiError.of(405, RegistryErrors.UNSUPPORTED, "The method '" + method + "' is not supported on '" + path + "'.");
            }
            ok(request, response, callback, "access_token", token);
        } catch (ApiError e) {
            log.debug("{} {} on {}: {}", request.getMethod(), path, host, e.toString());
            RegistryResponses.json(request, response, callback, e.status(), RegistryErrors.body(e.code(), e.message(), null, false), null);
        }
        return true;
    }

    private static Fields query(Request request) {
        try {
            return Request.extractQueryParameters(request);
        } catch (IllegalArgumentException | IllegalStateException badEncoding) { // Jetty's "400: Bad query" ('%zz', not UTF-8)
            throw TokenService.unsupported("The query string is not valid URL encoding.");
        }
    }

    private static Fields form(Request request) {
        try {
            return FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES);
        } catch (RuntimeException malformed) {
            throw TokenService.unsupported("The request body is not a valid form (application/x-www-form-urlencoded).");
        }
    }

    private static void ok(Request request, Response response, Callback callback, String field, String token) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        RegistryResponses.json(request, response, callback, 200, Json.write(Json.object().put(field, token)), null);
    }
}
