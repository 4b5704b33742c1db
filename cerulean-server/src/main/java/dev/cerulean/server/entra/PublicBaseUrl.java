package dev.cerulean.server.entra;

import dev.cerulean.server.http.RequestContext;
import dev.cerulean.server.http.Exchange;

import java.util.Locale;

/**
 * The scheme://host[:port] the client used to reach us, for absolute URLs in discovery answers
 * (clients.md §2.2: never echo MSAL's port-less {@code authorization_endpoint}). The HTTP front
 * records it in the {@link RequestContext}; without one (a bare route table in unit tests) it is
 * rebuilt from the request's scheme and {@code Host} header.
 */
public final class PublicBaseUrl {
    private PublicBaseUrl() {}

    public static String of(Exchange ctx) {
        RequestContext request = RequestContext.of(ctx);
        if (request != null && request.baseUrl() != null) {
            return request.baseUrl();
        }
        String scheme = ctx.scheme().toLowerCase(Locale.ROOT);
        String host = ctx.host();
        if (host == null || host.isBlank()) { // HTTP/1.0 without Host: the address the connection reached
            host = ctx.serverAuthority();
        }
        return scheme + "://" + withoutDefaultPort(scheme, host);
    }

    /** host[:port] of a base URL, e.g. {@code localhost:8443} or {@code login.microsoftonline.com}. */
    public static String authority(String baseUrl) {
        int start = baseUrl.indexOf("://");
        String rest = start < 0 ? baseUrl : baseUrl.substring(start + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String withoutDefaultPort(String scheme, String host) {
        String suffix = scheme.equals("https") ? ":443" : scheme.equals("http") ? ":80" : null;
        return suffix != null && host.endsWith(suffix) ? host.substring(0, host.length() - suffix.length()) : host;
    }
}
