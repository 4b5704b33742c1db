package dev.cerulean.server.rbac;

import java.util.Locale;

/**
 * One entry of a role's {@code actions}/{@code notActions} list: a case-insensitive glob in which
 * {@code *} matches any run of characters, {@code /} included (graph-rbac.md §5.2): Reader's
 * "star slash read" covers every provider's reads, {@code registries/pull/read} among them.
 */
public final class ActionPattern {

    private final String text;
    /** The pattern split at each {@code *}, lower-cased; one part means no wildcard. */
    private final String[] parts;

    public ActionPattern(String text) {
        this.text = text;
        this.parts = text.toLowerCase(Locale.ROOT).split("\\*", -1);
    }

    public String text() { return text; }

    /** @param action lower-cased action string */
    public boolean matchesLowerCase(String action) {
        if (parts.length == 1) return action.equals(parts[0]);
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (action.length() < first.length() + last.length()) return false;
        if (!action.startsWith(first) || !action.endsWith(last)) return false;
        int from = first.length();
        int end = action.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int at = action.indexOf(parts[i], from);
            if (at < 0 || at + parts[i].length() > end) return false;
            from = at + parts[i].length();
        }
        return true;
    }

    public boolean matches(String action) {
        return matchesLowerCase(action.toLowerCase(Locale.ROOT));
    }

    @Override public String toString() { return text; }
}
