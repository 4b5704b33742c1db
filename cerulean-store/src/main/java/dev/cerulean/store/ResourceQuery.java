package dev.cerulean.store;

/**
 * A page request over stored resources. Null fields do not filter. Results are ordered by key;
 * {@code afterKey} is the exclusive cursor returned as {@link Page#nextCursor()}.
 *
 * @param subscriptionId lower-cased subscription id (required)
 * @param resourceGroup  lower-cased resource group name
 * @param typeKey        lower-cased fully qualified type
 * @param parentKey      exact parent key (children of one resource)
 * @param trackedOnly    only tracked resources
 * @param afterKey       cursor: return rows with key greater than this
 * @param limit          page size, at least 1
 */
public record ResourceQuery(String subscriptionId, String resourceGroup, String typeKey, String parentKey,
                            boolean trackedOnly, String afterKey, int limit) {

    public static ResourceQuery in(String subscriptionId) {
        return new ResourceQuery(subscriptionId, null, null, null, false, null, 1000);
    }

    public ResourceQuery resourceGroup(String rg) { return new ResourceQuery(subscriptionId, rg, typeKey, parentKey, trackedOnly, afterKey, limit); }
    public ResourceQuery type(String t) { return new ResourceQuery(subscriptionId, resourceGroup, t, parentKey, trackedOnly, afterKey, limit); }
    public ResourceQuery parent(String p) { return new ResourceQuery(subscriptionId, resourceGroup, typeKey, p, trackedOnly, afterKey, limit); }
    public ResourceQuery tracked() { return new ResourceQuery(subscriptionId, resourceGroup, typeKey, parentKey, true, afterKey, limit); }
    public ResourceQuery after(String cursor) { return new ResourceQuery(subscriptionId, resourceGroup, typeKey, parentKey, trackedOnly, cursor, limit); }
    public ResourceQuery limit(int n) { return new ResourceQuery(subscriptionId, resourceGroup, typeKey, parentKey, trackedOnly, afterKey, n); }
}
