package dev.cerulean.server.providers.containerregistry;

import java.util.regex.Pattern;

/**
 * Name rules of the provider's types (acr.md §1.2): registries alphanumeric, scope maps also
 * {@code -} and {@code _}, tokens also {@code -}; all 5 to 50 characters. The management SDK used by
 * az skips client-side validation, so the server is the only check.
 */
final class NameRules {
    private NameRules() {}

    private static final Pattern REGISTRY = Pattern.compile("^[a-zA-Z0-9]{5,50}$");
    private static final Pattern SCOPE_MAP = Pattern.compile("^[a-zA-Z0-9_-]{5,50}$");
    private static final Pattern TOKEN = Pattern.compile("^[a-zA-Z0-9-]{5,50}$");

    static boolean isRegistryName(String name) {
        return name != null && REGISTRY.matcher(name).matches();
    }

    static boolean isScopeMapName(String name) {
        return name != null && SCOPE_MAP.matcher(name).matches();
    }

    static boolean isTokenName(String name) {
        return name != null && TOKEN.matcher(name).matches();
    }
}
