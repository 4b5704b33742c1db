package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.Locale;
import java.util.Optional;

/**
 * Which requests are addressed to a registry and to which one: a Host ending with the registry
 * suffix always is (an unknown one answers 404), and so is any other Host that is some registry's
 * login server (e.g. one configured with a loopback name).
 */
public final class RegistryHosts {

    private final String suffix;
    private final RegistryCredentials credentials;

    /** @param suffix the login-server suffix, e.g. {@code .azurecr.io}, possibly with a port */
    public RegistryHosts(String suffix, RegistryCredentials credentials) {
        this.suffix = withoutPort(suffix.toLowerCase(Locale.ROOT));
        this.credentials = credentials;
    }

    /** The Host header as sent (with its port, if any). */
    public static String hostHeader(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        return host == null || host.isBlank() ? request.getHttpURI().getHost() : host.strip();
    }

    public boolean isRegistryHost(String host) {
        return host != null && withoutPort(host.toLowerCase(Locale.ROOT)).endsWith(suffix);
    }

    /** The registry served at {@code host}, compared case-insensitively. */
    public Optional<RegistryView> registry(String host) {
        return credentials.registryByLoginServer(host);
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.endsWith("]") ? host : host.substring(0, colon);
    }
}
