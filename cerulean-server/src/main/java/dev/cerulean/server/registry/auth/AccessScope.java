package dev.cerulean.server.registry.auth;

import java.util.List;

/**
 * One resource scope in Docker's token-scope grammar, e.g. {@code repository:hello-world:pull,push}
 * or {@code registry:catalog:*}.
 *
 * @param type    {@code repository} or {@code registry}
 * @param name    the repository name, or {@code catalog}
 * @param actions {@code pull}, {@code push}, {@code delete}, {@code metadata_read}, {@code metadata_write}, {@code *}
 */
public record AccessScope(String type, String name, List<String> actions) {

    public AccessScope {
        actions = List.copyOf(actions);
    }

    public static AccessScope repository(String name, String... actions) {
        return new AccessScope("repository", name, List.of(actions));
    }

    public static AccessScope catalog() {
        return new AccessScope("registry", "catalog", List.of("*"));
    }

    /** The scope as a challenge or token request writes it. */
    public String asString() {
        return type + ":" + name + ":" + String.join(",", actions);
    }
}
