package dev.cerulean.server.entra.grant;

import dev.cerulean.core.error.EntraErrors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audience a token request asks for, from v1 {@code resource} or v2 {@code scope}
 * (entra.md §4-§5), and for user grants the permissions granted.
 *
 * <p>Cerulean emulates many resources (ARM, the registry, Graph-shaped names clients ask for), so
 * any well-formed resource identifier is accepted as one that exists: an https URI, an
 * {@code api://} or {@code urn:} app ID URI, or an application GUID. Only malformed values get
 * Entra's "not found" answers.
 *
 * @param resource     the audience exactly as requested: becomes {@code aud} and the v1 {@code resource} echo
 * @param permissions  the {@code scp} claim of user tokens (null for app tokens)
 * @param grantedScope the {@code scope} field of user-token answers (null for app tokens)
 */
public record RequestedAccess(String resource, String permissions, String grantedScope) {

    /** OIDC scopes clients add next to the resource scope; they never name an audience. */
    private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access", "email");
    private static final String DEFAULT_PERMISSION = ".default";
    private static final String USER_IMPERSONATION = "user_impersonation";
    /** Audience of scopes that name no resource ({@code User.Read}) and of OIDC-only requests, as in Entra. */
    static final String MICROSOFT_GRAPH = "https://graph.microsoft.com";
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * Token version is chosen by the resource, not by the endpoint (entra.md §6). Every emulated
     * Azure service (ARM and its friends) accepts v1 tokens, so v1 is the rule; a resource named by
     * application GUID or {@code api://} app ID URI is treated as a custom app registration whose
     * manifest asks for v2 tokens, as new registrations do.
     */
    public boolean wantsV2Token() {
        return GUID.matcher(resource).matches() || resource.regionMatches(true, 0, "api://", 0, 6);
    }

    /** Client credentials: exactly one {@code <resource>/.default} scope, or a v1 {@code resource}. */
    public static RequestedAccess forApp(TokenRequest request) {
        if (!request.usesScopes()) {
            return new RequestedAccess(v1Resource(request, request.required("resource")), null, null);
        }
        String scope = request.required("scope");
        List<String> asked = resourceScopes(scope);
        if (asked.isEmpty() || asked.stream().anyMatch(s -> !s.endsWith("/" + DEFAULT_PERMISSION))) {
            throw EntraErrors.clientCredentialsScopeWithoutDefault(scope);
        }
        if (asked.size() > 1) {
            throw EntraErrors.invalidScope(scope);
        }
        // https://management.core.windows.net//.default -> https://management.core.windows.net/ (clients.md §2.3)
        String only = asked.get(0);
        String resource = only.substring(0, only.length() - DEFAULT_PERMISSION.length() - 1);
        if (!isResourceIdentifier(resource)) {
            throw EntraErrors.invalidScope(scope);
        }
        return new RequestedAccess(resource, null, null);
    }

    /**
     * Password and refresh-token grants. {@code previousResource} (the refresh token's) answers a v1
     * request without {@code resource}; null for the password grant.
     */
    public static RequestedAccess forUser(TokenRequest request, String previousResource) {
        if (!request.usesScopes()) {
            String resource = request.param("resource");
            if (resource == null) {
                resource = previousResource;
            }
            if (resource == null) {
                throw EntraErrors.missingParameter("resource");
            }
            return new RequestedAccess(v1Resource(request, resource), USER_IMPERSONATION, USER_IMPERSONATION);
        }
        String scope = request.required("scope");
        List<String> asked = resourceScopes(scope);
        if (asked.isEmpty()) {
            asked = List.of(MICROSOFT_GRAPH + "/User.Read");
        }
        String resource = null;
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> granted = new LinkedHashSet<>();
        for (String s : asked) {
            int slash = s.lastIndexOf('/');
            String prefix = slash < 0 ? MICROSOFT_GRAPH : s.substring(0, slash);
            String permission = s.substring(slash + 1);
            if (permission.isEmpty() || !isResourceIdentifier(prefix)) {
                throw EntraErrors.invalidScope(scope);
            }
            if (resource != null && !resource.equals(prefix)) {
                throw EntraErrors.invalidScope(scope); // one resource per request, as in Entra
            }
            resource = prefix;
            if (permission.equals(DEFAULT_PERMISSION)) {
                // entra.md §5: ".default" is granted as the resource's user_impersonation plus ".default" itself
                permissions.add(USER_IMPERSONATION);
                granted.add(prefix + "/" + USER_IMPERSONATION);
                granted.add(prefix + "/" + DEFAULT_PERMISSION);
            } else {
                permissions.add(permission);
                granted.add(prefix + "/" + permission);
            }
        }
        return new RequestedAccess(resource, String.join(" ", permissions), String.join(" ", granted));
    }

    private static String v1Resource(TokenRequest request, String resource) {
        if (!isResourceIdentifier(resource)) {
            throw EntraErrors.invalidResource(resource, request.authority().segment());
        }
        return resource;
    }

    private static List<String> resourceScopes(String scope) {
        List<String> result = new ArrayList<>();
        for (String s : scope.trim().split("\\s+")) {
            if (!s.isEmpty() && !OIDC_SCOPES.contains(s.toLowerCase(Locale.ROOT))) {
                result.add(s);
            }
        }
        return result;
    }

    static boolean isResourceIdentifier(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (GUID.matcher(value).matches()) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            // api://<guid> has a registry-based authority (a label may not start with a digit), so test the raw form
            case "https", "api" -> uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
            case "urn" -> uri.getRawSchemeSpecificPart() != null && !uri.getRawSchemeSpecificPart().isEmpty();
            default -> false;
        };
    }
}
