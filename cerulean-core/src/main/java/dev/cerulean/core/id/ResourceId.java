package dev.cerulean.core.id;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ARM resource id: subscription, optional resource group, and, for provider resources, the
 * namespace followed by alternating type/name segments (arm.md §2). Literal segments are matched
 * case-insensitively and written in their canonical spelling; names keep the casing they were
 * given. {@link #key()} is the lower-cased id used for storage and comparison.
 */
public final class ResourceId {

    public static final String RESOURCE_GROUP_TYPE = "Microsoft.Resources/resourceGroups";

    private final String subscriptionId;
    private final String resourceGroup;
    private final String namespace;
    private final List<String> types;
    private final List<String> names;
    private final String id;

    private ResourceId(String subscriptionId, String resourceGroup, String namespace, List<String> types, List<String> names) {
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.namespace = namespace;
        this.types = List.copyOf(types);
        this.names = List.copyOf(names);
        StringBuilder b = new StringBuilder("/subscriptions/").append(subscriptionId);
        if (resourceGroup != null) b.append("/resourceGroups/").append(resourceGroup);
        if (namespace != null) {
            b.append("/providers/").append(namespace);
            for (int i = 0; i < types.size(); i++) b.append('/').append(types.get(i)).append('/').append(names.get(i));
        }
        this.id = b.toString();
    }

    public static ResourceId subscription(String subscriptionId) {
        return new ResourceId(subscriptionId, null, null, List.of(), List.of());
    }

    public static ResourceId resourceGroup(String subscriptionId, String resourceGroup) {
        return new ResourceId(subscriptionId, resourceGroup, null, List.of(), List.of());
    }

    public static ResourceId provider(String subscriptionId, String resourceGroup, String namespace,
                                      List<String> types, List<String> names) {
        if (types.isEmpty() || types.size() != names.size()) throw new IllegalArgumentException("types and names must pair up");
        return new ResourceId(subscriptionId, resourceGroup, namespace, types, names);
    }

    /**
     * Parses an id such as {@code /subscriptions/s/resourceGroups/rg/providers/Ns/t/n}. Returns null
     * when the text is not a subscription, resource-group or provider-resource id.
     */
    public static ResourceId parse(String text) {
        if (text == null) return null;
        String[] parts = text.startsWith("/") ? text.substring(1).split("/", -1) : text.split("/", -1);
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("subscriptions") || parts[1].isEmpty()) return null;
        String sub = parts[1];
        if (parts.length == 2) return subscription(sub);
        int i = 2;
        String rg = null;
        if (parts[i].equalsIgnoreCase("resourceGroups")) {
            if (parts.length < 4 || parts[3].isEmpty()) return null;
            rg = parts[3];
            i = 4;
            if (parts.length == 4) return resourceGroup(sub, rg);
        }
        if (!parts[i].equalsIgnoreCase("providers") || parts.length < i + 4) return null;
        String ns = parts[i + 1];
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int rest = parts.length - (i + 2);
        if (rest % 2 != 0) return null;
        for (int j = i + 2; j < parts.length; j += 2) {
            if (parts[j].isEmpty() || parts[j + 1].isEmpty()) return null;
            types.add(parts[j]);
            names.add(parts[j + 1]);
        }
        return provider(sub, rg, ns, types, names);
    }

    /** 8-4-4-4-12 hex digits; checked by hand because it runs on every ARM request. */
    public static boolean isGuid(String s) {
        if (s == null || s.length() != 36) return false;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) return false;
        }
        return true;
    }

    public String subscriptionId() { return subscriptionId; }
    public String resourceGroup() { return resourceGroup; }
    public String namespace() { return namespace; }
    /** Type segments below the namespace, e.g. {@code [registries, tokens]}. */
    public List<String> types() { return types; }
    public List<String> names() { return names; }

    public boolean isSubscription() { return resourceGroup == null && namespace == null; }
    public boolean isResourceGroup() { return resourceGroup != null && namespace == null; }
    public boolean isProviderResource() { return namespace != null; }

    /** Last name segment: the resource's own name. */
    public String name() {
        if (namespace != null) return names.get(names.size() - 1);
        return resourceGroup != null ? resourceGroup : subscriptionId;
    }

    /** Fully qualified type, e.g. {@code Microsoft.ContainerRegistry/registries/tokens}. */
    public String type() {
        if (namespace == null) return resourceGroup != null ? RESOURCE_GROUP_TYPE : "Microsoft.Resources/subscriptions";
        return namespace + "/" + String.join("/", types);
    }

    /** Type below the namespace, e.g. {@code registries/tokens}. */
    public String typePath() { return String.join("/", types); }

    /** The enclosing resource: the parent resource, the resource group, or the subscription. */
    public ResourceId parent() {
        if (namespace != null && types.size() > 1) {
            return new ResourceId(subscriptionId, resourceGroup, namespace,
                    types.subList(0, types.size() - 1), names.subList(0, names.size() - 1));
        }
        if (namespace != null && resourceGroup != null) return resourceGroup(subscriptionId, resourceGroup);
        if (resourceGroup != null || namespace != null) return subscription(subscriptionId);
        return null;
    }

    public ResourceId resourceGroupId() {
        return resourceGroup == null ? null : resourceGroup(subscriptionId, resourceGroup);
    }

    public ResourceId child(String type, String name) {
        if (namespace == null) throw new IllegalStateException("not a provider resource: " + id);
        List<String> t = new ArrayList<>(types);
        t.add(type);
        List<String> n = new ArrayList<>(names);
        n.add(name);
        return new ResourceId(subscriptionId, resourceGroup, namespace, t, n);
    }

    /** The id as clients see it, with canonical literal segments and names as given. */
    public String id() { return id; }

    /** Lower-cased id: the storage key and the basis of equality. */
    public String key() { return id.toLowerCase(Locale.ROOT); }

    @Override public boolean equals(Object o) { return o instanceof ResourceId r && r.key().equals(key()); }
    @Override public int hashCode() { return key().hashCode(); }
    @Override public String toString() { return id; }
}
