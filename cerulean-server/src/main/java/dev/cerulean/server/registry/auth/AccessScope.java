package dev.cerulean.server.registry.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One resource scope in Docker's token-scope grammar, e.g. {@code repository:hello-world:pull,push}
 * or {@code registry:catalog:*}.
 *
 * @param type    {@code repository} or {@code registry}
 * @param name    the repository name, or {@code catalog}
 * @param actions {@code pull}, {@code push}, {@code delete}, {@code metadata_read}, {@code metadata_write}, {@code *}
 */
public record AccessScope(String type, String name, List<String> actions) {

    public static final String REPOSITORY = "repository";
    public static final String REGISTRY = "registry";

    public AccessScope {
        actions = List.copyOf(actions);
    }

    public static AccessScope repository(String name, String... actions) {
        return new AccessScope(REPOSITORY, name, List.of(actions));
    }

    public static AccessScope catalog() {
        return new AccessScope(REGISTRY, "catalog", List.of("*"));
    }

    /**
     * One scope as token requests and challenges write it (acr.md §5.5): split on the first and the last
     * {@code :}, since names may hold neither but actions follow the last; null when malformed.
     * {@code artifact-repository} (az for helm) is read as {@code repository}.
     */
    public static AccessScope parse(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first <= 0 || last <= first + 1) return null;
        String type = scope.substring(0, first).toLowerCase(Locale.ROOT);
        if (type.equals("artifact-repository")) type = REPOSITORY;
        String name = scope.substring(first + 1, last);
        List<String> actions = new ArrayList<>();
        for (String a : scope.substring(last + 1).split(",")) {
            String action = a.strip().toLowerCase(Locale.ROOT);
            if (!action.isEmpty() && !actions.contains(action)) actions.add(action);
        }
        return new AccessScope(type, name, actions);
    }

    /** The same resource with other actions. */
    public AccessScope withActions(List<String> newActions) {
        return new AccessScope(type, name, newActions);
    }

    public boolean isRepository() {
        return REPOSITORY.equals(type);
    }

    /** The scope as a challenge or token request writes it. */
    public String asString() {
        return type + ":" + name + ":" + String.join(",", actions);
    }
}
