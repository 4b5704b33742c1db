package dev.cerulean.server.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.URIUtil;

/**
 * Collapses repeated slashes in the request path, as Azure's front doors do: the Azure SDK for
 * Java builds {@code {endpoint}/{scope}/providers/...} with a scope that starts with a slash, so its
 * Microsoft.Authorization calls arrive as {@code //subscriptions/...}.
 */
final class CompactPath implements HttpConfiguration.Customizer {

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath();
        if (path == null || !path.contains("//")) return request;
        HttpURI compact = HttpURI.build(uri).path(URIUtil.compactPath(path)).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
                return compact;
            }
        };
    }
}
