package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The action strings of a scope map (acr.md §2.2):
 * {@code repositories/<repository>/<content/read|content/write|content/delete|metadata/read|metadata/write>}
 * and {@code gateway/<connected registry>/<config/read|config/write|message/read|message/write>}. A
 * repository is a path of OCI name components; it may end in a {@code *} segment (a prefix wildcard)
 * or be {@code *} alone. Actions are parsed from the right, since repositories contain slashes.
 */
final class ScopeMapActions {
    private ScopeMapActions() {}

    /** Most actions one scope map may hold (acr.md §2.2, docs). */
    static final int MAX_ACTIONS = 500;

    private static final Set<String> REPOSITORY_ACTIONS =
            Set.of("content/read", "content/write", "content/delete", "metadata/read", "metadata/write");
    private static final Set<String> GATEWAY_ACTIONS = Set.of("config/read", "config/write", "message/read", "message/write");
    /** One OCI repository path component (distribution spec), in either case. */
    private static final Pattern COMPONENT = Pattern.compile("^[a-zA-Z0-9]+(?:(?:[._]|__|-+)[a-zA-Z0-9]+)*$");
    private static final Pattern GATEWAY_NAME = Pattern.compile("^[a-zA-Z0-9]+(?:[-_][a-zA-Z0-9]+)*$");

    /**
     * The canonical action list of a request: prefixes and verbs lower-cased, repositories as sent,
     * duplicates removed, order kept.
     */
    static List<String> validate(JsonNode actions) {
        if (actions == null || actions.isNull() || (actions.isArray() && actions.isEmpty())) {
            throw AcrErrors.scopeMapActionsRequired();
        }
        if (!actions.isArray()) throw AcrErrors.invalidValue(actions.toString(), "System.String[]", "properties.actions");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode a : actions) {
            if (!a.isTextual()) throw AcrErrors.invalidScopeMapAction(a.toString());
            out.add(canonical(a.asText()));
        }
        if (out.size() > MAX_ACTIONS) throw AcrErrors.tooManyScopeMapActions(out.size(), MAX_ACTIONS);
        return new ArrayList<>(out);
    }

    /** The canonical spelling of one action, or InvalidScopeMapAction. */
    static String canonical(String action) {
        String[] parts = action.trim().split("/", -1);
        if (parts.length >= 4) {
            String prefix = parts[0].toLowerCase(Locale.ROOT);
            String verb = (parts[parts.length - 2] + "/" + parts[parts.length - 1]).toLowerCase(Locale.ROOT);
            if (prefix.equals("repositories") && REPOSITORY_ACTIONS.contains(verb) && isRepository(parts, 1, parts.length - 2)) {
                return "repositories/" + String.join("/", List.of(parts).subList(1, parts.length - 2)) + "/" + verb;
            }
            if (prefix.equals("gateway") && parts.length == 4 && GATEWAY_ACTIONS.contains(verb)
                    && GATEWAY_NAME.matcher(parts[1]).matches()) {
                return "gateway/" + parts[1] + "/" + verb;
            }
        }
        throw AcrErrors.invalidScopeMapAction(action);
    }

    /** parts[from, to) form a repository: OCI components, optionally ending in a single {@code *}. */
    private static boolean isRepository(String[] parts, int from, int to) {
        if (to <= from) return false;
        for (int i = from; i < to; i++) {
            boolean last = i == to - 1;
            if (parts[i].equals("*")) {
                if (!last) return false;
            } else if (!COMPONENT.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }
}
