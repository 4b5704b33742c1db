package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Reads request values the way the ACR resource provider does: booleans also as the strings
 * {@code "true"}/{@code "false"} (acr.md §1.4 step 2: {@code az rest} with Python-literal bodies sends
 * {@code 'adminUserEnabled': 'true'}), integers also as numeric strings, enum values in any case
 * (answered in their canonical spelling). Anything else fails as the RP's deserializer would.
 */
final class LooseValues {
    private LooseValues() {}

    /** The boolean at {@code node}, or {@code fallback} when absent or null. */
    static boolean bool(JsonNode node, boolean fallback, String path) {
        if (node == null || node.isNull()) return fallback;
        if (node.isBoolean()) return node.booleanValue();
        if (node.isTextual()) {
            String s = node.asText().trim();
            if (s.equalsIgnoreCase("true")) return true;
            if (s.equalsIgnoreCase("false")) return false;
        }
        throw AcrErrors.invalidValue(node.asText(node.toString()), "System.Boolean", path);
    }

    /** The integer at {@code node} within [min, max], or {@code fallback} when absent or null. */
    static int integer(JsonNode node, int fallback, int min, int max, String path) {
        if (node == null || node.isNull()) return fallback;
        int value;
        if (node.canConvertToInt() && node.isIntegralNumber()) {
            value = node.intValue();
        } else if (node.isTextual() && node.asText().trim().matches("-?\\d{1,9}")) {
            value = Integer.parseInt(node.asText().trim());
        } else {
            throw AcrErrors.invalidValue(node.asText(node.toString()), "System.Int32", path);
        }
        if (value < min || value > max) {
            throw AcrErrors.invalidParameter("The value " + value + " of '" + path + "' must be between " + min + " and " + max + ".");
        }
        return value;
    }

    /** The canonical spelling among {@code allowed} of the text at {@code node}, or {@code fallback}. */
    static String choice(JsonNode node, List<String> allowed, String fallback, String typeName, String path) {
        if (node == null || node.isNull()) return fallback;
        String s = node.isTextual() ? node.asText().trim() : node.toString();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(s)) return a;
        }
        throw AcrErrors.invalidValue(s, typeName, path);
    }

    /** The text at {@code node}, or null when absent or null; other JSON types fail. */
    static String text(JsonNode node, String path) {
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw AcrErrors.invalidValue(node.toString(), "System.String", path);
        return node.asText();
    }
}
