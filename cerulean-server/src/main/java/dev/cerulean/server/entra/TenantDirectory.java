package dev.cerulean.server.entra;

import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.Tenant;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds tenants by the forms Entra accepts in a URL: the tenant GUID, a verified domain (here the
 * tenant's default domain), or a multi-tenant alias (entra.md §1 placeholders). Tenants are never
 * deleted, so hits are kept in memory and the token path does not read the tenant row per request.
 */
public final class TenantDirectory {

    private static final Set<String> MULTI_TENANT_ALIASES = Set.of("common", "organizations", "consumers");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** At least two dot-separated DNS labels; anything else is "neither a valid DNS name" (AADSTS900023). */
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private final IdentityStore identities;
    private final ConcurrentHashMap<String, Tenant> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Tenant> byDomain = new ConcurrentHashMap<>();

    public TenantDirectory(IdentityStore identities) {
        this.identities = identities;
    }

    /** For token endpoints: unknown tenant is {@code invalid_request} 90002. */
    public AuthorityTenant resolveForToken(String segment) {
        return resolve(segment, EntraErrors::tenantNotFound);
    }

    /** For metadata endpoints: unknown tenant is {@code invalid_tenant} 90002 (entra.md §3). */
    public AuthorityTenant resolveForMetadata(String segment) {
        return resolve(segment, EntraErrors::tenantNotFoundForMetadata);
    }

    private AuthorityTenant resolve(String segment, Function<String, ApiError> notFound) {
        String lower = segment.toLowerCase(Locale.ROOT);
        if (MULTI_TENANT_ALIASES.contains(lower)) {
            return new AuthorityTenant(lower, null);
        }
        Optional<Tenant> tenant;
        if (GUID.matcher(segment).matches()) {
            tenant = byId(lower);
        } else if (DOMAIN.matcher(segment).matches()) {
            tenant = byDomain(lower);
        } else {
            throw EntraErrors.malformedTenant(segment);
        }
        return new AuthorityTenant(segment, tenant.orElseThrow(() -> notFound.apply(segment)));
    }

    public Optional<Tenant> byId(String tenantId) {
        String key = tenantId.toLowerCase(Locale.ROOT);
        Tenant cached = byId.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = identities.tenant(key);
        if (found.isEmpty() && !key.equals(tenantId)) {
            found = identities.tenant(tenantId);
        }
        found.ifPresent(t -> byId.put(key, t));
        return found;
    }

    /** By default domain, case-insensitively; used for domain-form URLs and for user names at {@code organizations}. */
    public Optional<Tenant> byDomain(String domain) {
        String key = domain.toLowerCase(Locale.ROOT);
        Tenant cached = byDomain.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Tenant> found = identities.tenants().stream()
                .filter(t -> t.defaultDomain() != null && t.defaultDomain().equalsIgnoreCase(key))
                .findFirst();
        found.ifPresent(t -> byDomain.put(key, t));
        return found;
    }
}
