package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plugged-in providers and their types, looked up case-insensitively. Immutable after start. */
public final class ProviderRegistry {

    /** A type resolved from a request path, with the spellings the provider declared. */
    public record ResolvedType(ResourceProvider provider, ResourceTypeSpec spec) {
        public String qualifiedType() { return provider.namespace() + "/" + spec.type(); }
    }

    private final Map<String, ResourceProvider> byNamespace = new LinkedHashMap<>();
    private final Map<String, ResolvedType> byType = new LinkedHashMap<>();

    public ProviderRegistry(Collection<ResourceProvider> providers) {
        for (ResourceProvider p : providers) {
            byNamespace.put(p.namespace().toLowerCase(Locale.ROOT), p);
            for (ResourceTypeSpec spec : p.resourceTypes()) {
                if (spec.apiVersions().isEmpty()) throw new IllegalArgumentException(spec.type() + " declares no api-version");
                byType.put(key(p.namespace(), spec.type()), new ResolvedType(p, spec));
            }
        }
    }

    public Collection<ResourceProvider> providers() { return byNamespace.values(); }

    /** The provider of a namespace, or InvalidResourceNamespace. */
    public ResourceProvider provider(String namespace) {
        ResourceProvider p = byNamespace.get(namespace.toLowerCase(Locale.ROOT));
        if (p == null) throw ArmErrors.invalidResourceNamespace(namespace);
        return p;
    }

    /** The provider of a namespace if it declares extension types, else null. */
    public ResourceProvider extensionProvider(String namespace) {
        ResourceProvider p = byNamespace.get(namespace.toLowerCase(Locale.ROOT));
        return p == null || p.extensionTypes() == null ? null : p;
    }

    public boolean hasNamespace(String namespace) {
        return byNamespace.containsKey(namespace.toLowerCase(Locale.ROOT));
    }

    /** The declared type for {@code typePath} (e.g. {@code registries/tokens}), or null. */
    public ResolvedType find(String namespace, String typePath) {
        return byType.get(key(namespace, typePath));
    }

    /** Like {@link #find} but failing the way ARM does for an unknown namespace or type. */
    public ResolvedType resolve(String namespace, String typePath, String apiVersion) {
        ResourceProvider p = provider(namespace);
        ResolvedType t = find(namespace, typePath);
        if (t == null) throw ArmErrors.invalidResourceType(typePath, p.namespace(), apiVersion);
        return t;
    }

    /** Declared types of one provider whose parent is {@code parentTypePath} (empty for top-level). */
    public List<ResourceTypeSpec> childTypes(ResourceProvider provider, String parentTypePath) {
        List<ResourceTypeSpec> out = new ArrayList<>();
        for (ResourceTypeSpec spec : provider.resourceTypes()) {
            int slash = spec.type().lastIndexOf('/');
            String parent = slash < 0 ? "" : spec.type().substring(0, slash);
            if (parent.equalsIgnoreCase(parentTypePath)) out.add(spec);
        }
        return out;
    }

    private static String key(String namespace, String typePath) {
        return (namespace + "/" + typePath).toLowerCase(Locale.ROOT);
    }
}
