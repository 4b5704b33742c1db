package dev.cerulean.server.entra;

import dev.cerulean.store.Tenant;

/**
 * The tenant an Entra URL addresses: the first path segment as the client wrote it and, when that
 * segment names one directory, the tenant itself. {@code tenant} is null for the multi-tenant
 * aliases ({@code common}, {@code organizations}, {@code consumers}) and for ADFS-style URLs, where
 * each grant finds the tenant from its credentials.
 */
public record AuthorityTenant(String segment, Tenant tenant) {

    /** The {@code /adfs/...} authority (clients.md §2.2 setup A): no tenant in the path at all. */
    public static final AuthorityTenant ADFS = new AuthorityTenant("adfs", null);

    public boolean isSpecific() {
        return tenant != null;
    }
}
