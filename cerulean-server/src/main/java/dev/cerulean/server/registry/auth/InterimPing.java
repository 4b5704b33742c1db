package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.Optional;

/**
 * STOPGAP, to delete when the registry's protocol handler (which owns {@code /v2/}) is wired: answers
 * only the {@code /v2/} ping on registry hosts, through {@link RegistryAccess}, so {@code az acr login}
 * and {@code podman login} work before the OCI side lands. 401 with the challenge, or 200 {@code {}}.
 */
public final class InterimPing extends Handler.Abstract {

    private final RegistryHosts hosts;
    private final RegistryAccess access;

    public InterimPing(RegistryHosts hosts, RegistryAccess access) {
        this.hosts = hosts;
        this.access = access;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/v2/") && !path.equals("/v2")) return false;
        String host = RegistryHosts.hostHeader(request);
        Optional<RegistryView> registry = host == null ? Optional.empty() : hosts.registry(host);
        if (registry.isEmpty() && !hosts.isRegistryHost(host)) return false;
        if (registry.isEmpty()) {
            RegistryResponses.json(request, response, callback, 404,
                    RegistryErrors.body(RegistryErrors.NAME_UNKNOWN, "The registry '" + host + "' does not exist.", null, true), null);
            return true;
        }
        AccessDecision decision = access.check(registry.get(), request.getHeaders().get("Authorization"), null);
        if (decision instanceof AccessDecision.Refused refused) {
            RegistryResponses.refused(request, response, callback, refused);
        } else {
            RegistryResponses.json(request, response, callback, 200, "{}", null);
        }
        return true;
    }
}
