package dev.cerulean.server.arm.generic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.store.ResourceRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} forms ARM's generic lists accept (arm.md §9, §13): {@code resourceType eq},
 * {@code name eq}, {@code location eq}, {@code resourceGroup eq}, {@code tagName eq [and tagValue eq]}
 * and {@code substringof('x', name)}, joined by {@code and}. Comparisons are case-insensitive
 * except tag values. Anything else is refused rather than silently ignored.
 */
public final class ODataFilter {

    private static final Pattern EQ = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'((?:[^']|'')*)'\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSTRING = Pattern.compile("^\\s*substringof\\(\\s*'((?:[^']|'')*)'\\s*,\\s*name\\s*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    private record Clause(String field, String value) {}

    private final List<Clause> clauses;

    private ODataFilter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    public static final ODataFilter NONE = new ODataFilter(List.of());

    public static ODataFilter parse(String filter) {
        if (filter == null || filter.isBlank()) return NONE;
        List<Clause> out = new ArrayList<>();
        for (String part : AND.split(filter.trim())) {
            Matcher m = EQ.matcher(part);
            Matcher s = SUBSTRING.matcher(part);
            if (m.matches()) {
                String field = m.group(1).toLowerCase(Locale.ROOT);
                if (!List.of("resourcetype", "name", "location", "resourcegroup", "tagname", "tagvalue").contains(field)) {
                    throw ArmErrors.invalidFilter(filter);
                }
                out.add(new Clause(field, m.group(2).replace("''", "'")));
            } else if (s.matches()) {
                out.add(new Clause("substringof", s.group(1).replace("''", "'")));
            } else {
                throw ArmErrors.invalidFilter(filter);
            }
        }
        return new ODataFilter(out);
    }

    /** The lower-cased type when the filter pins one, so the store can narrow the query. */
    public String typeKey() {
        for (Clause c : clauses) if (c.field().equals("resourcetype")) return c.value().toLowerCase(Locale.ROOT);
        return null;
    }

    public boolean isEmpty() { return clauses.isEmpty(); }

    /** Whether the filter needs the document's tags (and so a parse of the stored body). */
    public boolean needsTags() {
        return clauses.stream().anyMatch(c -> c.field().startsWith("tag"));
    }

    public boolean matches(ResourceRecord rec, JsonNode tags) {
        String tagName = null;
        for (Clause c : clauses) {
            switch (c.field()) {
                case "resourcetype" -> { if (!rec.typeKey().equalsIgnoreCase(c.value())) return false; }
                case "name" -> { if (!rec.name().equalsIgnoreCase(c.value())) return false; }
                case "location" -> { if (rec.location() == null || !rec.location().equalsIgnoreCase(c.value().replace(" ", ""))) return false; }
                case "resourcegroup" -> { if (rec.resourceGroup() == null || !rec.resourceGroup().equalsIgnoreCase(c.value())) return false; }
                case "substringof" -> { if (!rec.name().toLowerCase(Locale.ROOT).contains(c.value().toLowerCase(Locale.ROOT))) return false; }
                case "tagname" -> {
                    tagName = findTag(tags, c.value());
                    if (tagName == null) return false;
                }
                case "tagvalue" -> {
                    if (tagName == null || !tags.path(tagName).asText().equals(c.value())) return false;
                }
                default -> { return false; }
            }
        }
        return true;
    }

    /** Tag names compare case-insensitively; returns the stored spelling. */
    private static String findTag(JsonNode tags, String name) {
        if (tags == null) return null;
        var it = tags.fieldNames();
        while (it.hasNext()) {
            String n = it.next();
            if (n.equalsIgnoreCase(name)) return n;
        }
        return null;
    }
}
