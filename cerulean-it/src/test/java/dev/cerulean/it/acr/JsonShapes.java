package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a response with a documented example by shape, not by value: every key the example has
 * is present (recursively, into objects and into each array element, which is compared with the
 * example's first element) and values have the example's JSON type. Keys the example shows as
 * {@code null} are optional: generated clients read an absent key and a null alike. {@code tags}
 * is the user's own map, so only its type is compared, not its keys. Paths are JSON
 * pointers with {@code []} for "any array element", e.g. {@code /value[]/properties/networkRuleSet};
 * a caller lists the paths where Cerulean deviates on purpose and asserts those separately.
 */
public final class JsonShapes {
    private JsonShapes() {}

    /** Fails listing every difference; {@code deviations} are paths not compared. */
    public static void assertShape(JsonNode actual, JsonNode example, Set<String> deviations) {
        List<String> problems = new ArrayList<>();
        compare(actual, example, "", deviations, problems);
        assertThat(problems).as("shape differences from the example in " + actual).isEmpty();
    }

    public static void assertShape(JsonNode actual, JsonNode example) {
        assertShape(actual, example, Set.of());
    }

    private static void compare(JsonNode actual, JsonNode expected, String path, Set<String> skip, List<String> problems) {
        if (skip.contains(path) || expected == null || expected.isNull()) return;
        if (actual == null || actual.isMissingNode()) {
            problems.add(path + ": missing");
            return;
        }
        if (!sameType(actual, expected)) {
            problems.add(path + ": expected " + expected.getNodeType() + " like " + expected + " but was " + actual);
            return;
        }
        if (expected.isObject() && !path.endsWith("/tags")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = path + "/" + e.getKey();
                if (skip.contains(p) || e.getValue().isNull()) continue;
                if (!actual.has(e.getKey())) {
                    problems.add(p + ": missing");
                    continue;
                }
                compare(actual.get(e.getKey()), e.getValue(), p, skip, problems);
            }
        } else if (expected.isArray() && expected.size() > 0) {
            for (JsonNode element : actual) compare(element, expected.get(0), path + "[]", skip, problems);
        }
    }

    private static boolean sameType(JsonNode actual, JsonNode expected) {
        if (expected.isNumber()) return actual.isNumber();
        return actual.getNodeType() == expected.getNodeType();
    }
}
