package dev.cerulean.server.registry.oci;

import dev.cerulean.server.registry.auth.AccessScope;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a registry path names (OCI distribution v1.1 and ACR's {@code /acr/v1}, acr.md §5.8), and the
 * access the method needs on it (acr.md §5.2, §5.6): the scope {@code RegistryAccess} is asked for.
 *
 * @param kind       the endpoint
 * @param repository the repository, or null
 * @param reference  tag, digest or upload id, or null
 */
public record Route(Kind kind, String repository, String reference) {

    public enum Kind {
        PING, CATALOG, TAGS, MANIFEST, BLOB, UPLOADS, UPLOAD, REFERRERS,
        ACR_CATALOG, ACR_DELETED_CATALOG, ACR_REPOSITORY, ACR_TAGS, ACR_TAG, ACR_MANIFESTS, ACR_MANIFEST
    }

    private static final Pattern V2 = Pattern.compile("^/v2/(.+?)/(manifests|blobs/uploads|blobs|referrers|tags)(?:/(.*))?$");
    private static final Pattern ACR = Pattern.compile("^/acr/v1/(.+?)/(_tags|_manifests)(?:/([^/]+))?$");

    /** The route of a path on a registry host, or a 404 / 400 error. */
    public static Route parse(String path) {
        if (path.equals("/v2") || path.equals("/v2/")) return new Route(Kind.PING, null, null);
        if (path.equals("/v2/_catalog")) return new Route(Kind.CATALOG, null, null);
        if (path.equals("/acr/v1/_catalog")) return new Route(Kind.ACR_CATALOG, null, null);
        if (path.equals("/acr/v1/_deleted/_catalog")) return new Route(Kind.ACR_DELETED_CATALOG, null, null);
        Matcher v2 = V2.matcher(path);
        if (v2.matches()) {
            String repo = Names.requireRepository(v2.group(1));
            String rest = v2.group(3);
            return switch (v2.group(2)) {
                case "manifests" -> single(Kind.MANIFEST, repo, rest, path);
                case "blobs" -> single(Kind.BLOB, repo, rest, path);
                case "referrers" -> single(Kind.REFERRERS, repo, rest, path);
                case "tags" -> { if (!"list".equals(rest)) throw notFound(path); yield new Route(Kind.TAGS, repo, null); }
                default -> rest == null || rest.isEmpty() ? new Route(Kind.UPLOADS, repo, null) : single(Kind.UPLOAD, repo, rest, path);
            };
        }
        Matcher acr = ACR.matcher(path);
        if (acr.matches()) {
            String repo = Names.requireRepository(acr.group(1));
            boolean tags = acr.group(2).equals("_tags");
            String ref = acr.group(3);
            if (ref == null) return new Route(tags ? Kind.ACR_TAGS : Kind.ACR_MANIFESTS, repo, null);
            return new Route(tags ? Kind.ACR_TAG : Kind.ACR_MANIFEST, repo, ref);
        }
        if (path.startsWith("/acr/v1/") && path.length() > "/acr/v1/".length()) {
            return new Route(Kind.ACR_REPOSITORY, Names.requireRepository(path.substring("/acr/v1/".length())), null);
        }
        throw notFound(path);
    }

    private static Route single(Kind kind, String repo, String rest, String path) {
        if (rest == null || rest.isEmpty() || rest.contains("/")) throw notFound(path);
        return new Route(kind, repo, rest);
    }

    private static OciError notFound(String path) {
        return OciError.of(404, "NAME_UNKNOWN", "The path '" + path + "' is not served by the registry.");
    }

    /** What {@code method} on this route needs; null for the {@code /v2/} ping (any valid credential). */
    public AccessScope scope(String method) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return switch (kind) {
            case PING -> null;
            case CATALOG, ACR_CATALOG -> AccessScope.catalog();
            case ACR_DELETED_CATALOG -> new AccessScope("registry", "deleted_catalog", java.util.List.of("*"));
            case TAGS -> AccessScope.repository(repository, "metadata_read");
            case MANIFEST -> read ? AccessScope.repository(repository, "pull")
                    : method.equals("DELETE") ? AccessScope.repository(repository, "delete")
                    : AccessScope.repository(repository, "push", "pull");
            case BLOB -> method.equals("DELETE") ? AccessScope.repository(repository, "delete") : AccessScope.repository(repository, "pull");
            case REFERRERS -> AccessScope.repository(repository, "pull");
            case UPLOADS, UPLOAD -> AccessScope.repository(repository, "push", "pull");
            case ACR_REPOSITORY, ACR_TAGS, ACR_TAG, ACR_MANIFESTS, ACR_MANIFEST -> read
                    ? AccessScope.repository(repository, "metadata_read")
                    : method.equals("DELETE") ? AccessScope.repository(repository, "delete")
                    : AccessScope.repository(repository, "metadata_write");
        };
    }
}
