package dev.cerulean.server.registry;

import dev.cerulean.server.http.Surface;
import dev.cerulean.server.http.SurfaceResolver;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials;
import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.registry.acr.AcrEndpoints;
import dev.cerulean.server.registry.auth.AccessDecision;
import dev.cerulean.server.registry.auth.RegistryAccess;
import dev.cerulean.server.registry.auth.RegistryErrors;
import dev.cerulean.server.registry.oci.BlobEndpoints;
import dev.cerulean.server.registry.oci.RegistryExchange;
import dev.cerulean.server.registry.oci.ListEndpoints;
import dev.cerulean.server.registry.oci.ManifestEndpoints;
import dev.cerulean.server.registry.oci.OciError;
import dev.cerulean.server.registry.oci.Route;
import dev.cerulean.server.registry.oci.UploadEndpoints;
import dev.cerulean.server.registry.storage.RegistryContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * The registry host's content side as a Jetty core handler: {@code /v2/...} (OCI distribution v1.1)
 * and {@code /acr/v1/...} on any host that is not ARM's or Entra's. The Host header picks the
 * registry; {@link RegistryAccess} decides every request before anything is read or written.
 * {@code /oauth2/*} and every other path are left to the next handler.
 */
public final class RegistryHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(RegistryHandler.class);

    private final SurfaceResolver surfaces;
    private final RegistryCredentials registries;
    private final RegistryAccess access;
    private final BlobEndpoints blobs;
    private final UploadEndpoints uploads;
    private final ManifestEndpoints manifests;
    private final ListEndpoints lists;
    private final AcrEndpoints acr;

    public RegistryHandler(SurfaceResolver surfaces, RegistryCredentials registries, RegistryAccess access, RegistryContent content) {
        this.surfaces = surfaces;
        this.registries = registries;
        this.access = access;
        this.blobs = new BlobEndpoints(content);
        this.uploads = new UploadEndpoints(content, blobs, access);
        this.manifests = new ManifestEndpoints(content, blobs);
        this.lists = new ListEndpoints(content);
        this.acr = new AcrEndpoints(content, lists);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!(path.equals("/v2") || path.startsWith("/v2/") || path.startsWith("/acr/v1/"))) return false;
        // Jetty leaves an encoded '/' encoded; the Azure SDK writes a repository's '/' as %2F and ACR reads it as '/'
        if (path.contains("%2")) path = path.replace("%2F", "/").replace("%2f", "/");
        String host = request.getHeaders().get(HttpHeader.HOST);
        Surface surface = surfaces.byHost(SurfaceResolver.hostName(host));
        if (surface == Surface.ARM || surface == Surface.ENTRA) return false; // their own 404s
        Optional<RegistryView> registry = host == null ? Optional.empty() : registries.registryByLoginServer(host);
        RegistryExchange ex = new RegistryExchange(request, response, callback, registry.orElse(null));
        try {
            if (registry.isEmpty()) {
                throw OciError.of(404, "NAME_UNKNOWN", "registry '" + SurfaceResolver.hostName(host) + "' not found");
            }
            Route route = Route.parse(path);
            AccessDecision decision = access.check(registry.get(), request.getHeaders().get(HttpHeader.AUTHORIZATION),
                    route.scope(request.getMethod()));
            if (decision instanceof AccessDecision.Refused r) {
                // the auth layer names what was missing (acr.md §5.6) in the body's detail
                throw OciError.refused(r.status(), r.code(), r.message(), r.wwwAuthenticate())
                        .withDetail(RegistryErrors.detail(r.missing()));
            }
            dispatch(ex, route, path);
        } catch (OciError e) {
            ex.fail(e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.eclipse.jetty.io.EofException || e.getCause() instanceof org.eclipse.jetty.io.EofException) {
                ex.fail(OciError.sizeInvalid("the request body ended early"));
            } else {
                log.error("registry request {} {} failed", request.getMethod(), path, e);
                ex.fail(OciError.of(500, "UNKNOWN", "unknown error"));
            }
        }
        return true;
    }

    private void dispatch(RegistryExchange ex, Route route, String path) throws IOException {
        String repo = route.repository();
        String ref = route.reference();
        switch (route.kind()) {
            case PING -> {
                if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) throw OciError.unsupported(ex.method());
                ex.json(200, dev.cerulean.core.json.Json.object());
            }
            case CATALOG, ACR_CATALOG -> lists.catalog(ex, path);
            case TAGS -> lists.tags(ex, repo);
            case REFERRERS -> lists.referrers(ex, repo, ref);
            case MANIFEST -> manifests.handle(ex, repo, ref);
            case BLOB -> blobs.handle(ex, repo, ref);
            case UPLOADS -> uploads.start(ex, repo);
            case UPLOAD -> uploads.session(ex, repo, ref);
            case ACR_DELETED_CATALOG -> acr.deletedCatalog(ex);
            case ACR_REPOSITORY -> acr.repository(ex, repo);
            case ACR_TAGS -> acr.tags(ex, repo);
            case ACR_TAG -> acr.tag(ex, repo, ref);
            case ACR_MANIFESTS -> acr.manifests(ex, repo);
            case ACR_MANIFEST -> acr.manifest(ex, repo, ref);
        }
    }
}
