package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.EvalContext;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import static dev.cerulean.templates.Functions.MANY;
import static dev.cerulean.templates.Functions.add;

/** String functions (deployments.md §3.7, "String"); the polymorphic ones live in {@link ArrayFunctions}. */
public final class StringFunctions {
    private StringFunctions() {}

    public static void register() {
        add("base64", 1, 1, a -> Values.of(Base64.getEncoder().encodeToString(utf8(a.str(0)))));
        add("base64ToString", 1, 1, a -> Values.of(new String(decode64(a), StandardCharsets.UTF_8)));
        add("base64ToJson", 1, 1, a -> parseJson(a, new String(decode64(a), StandardCharsets.UTF_8)));
        add("dataUri", 1, 1, a -> Values.of("data:text/plain;charset=utf8;base64,"
                + Base64.getEncoder().encodeToString(utf8(a.str(0)))));
        add("dataUriToString", 1, 1, StringFunctions::dataUriToString);
        add("startsWith", 2, 2, a -> Values.of(a.str(0).toLowerCase(Locale.ROOT).startsWith(a.str(1).toLowerCase(Locale.ROOT))));
        add("endsWith", 2, 2, a -> Values.of(a.str(0).toLowerCase(Locale.ROOT).endsWith(a.str(1).toLowerCase(Locale.ROOT))));
        add("format", 1, MANY, a -> Values.of(DotNetFormat.composite(a)));
        add("guid", 1, MANY, a -> Values.of(Hashes.guid(strings(a))));
        add("uniqueString", 1, MANY, a -> Values.of(Hashes.uniqueString(strings(a))));
        add("join", 2, 2, StringFunctions::join);
        add("newGuid", 0, 0, StringFunctions::newGuid);
        add("padLeft", 2, 3, StringFunctions::padLeft);
        add("replace", 3, 3, a -> Values.of(a.str(0).replace(a.str(1), a.str(2))));
        add("split", 2, 2, StringFunctions::split);
        add("string", 1, 1, a -> Values.of(Values.display(a.get(0))));
        add("substring", 1, 3, StringFunctions::substring);
        add("toLower", 1, 1, a -> Values.of(a.str(0).toLowerCase(Locale.ROOT)));
        add("toUpper", 1, 1, a -> Values.of(a.str(0).toUpperCase(Locale.ROOT)));
        add("trim", 1, 1, a -> Values.of(a.str(0).strip()));
        add("uri", 2, 2, StringFunctions::uri);
        add("uriComponent", 1, 1, a -> Values.of(UriEscape.component(a.str(0))));
        add("uriComponentToString", 1, 1, a -> Values.of(URLDecoder.decode(a.str(0).replace("+", "%2B"), StandardCharsets.UTF_8)));
        add("json", 1, 1, a -> parseJson(a, a.str(0)));
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static byte[] decode64(Args a) {
        try {
            return Base64.getDecoder().decode(a.str(0).trim());
        } catch (IllegalArgumentException e) {
            throw TemplateErrors.functionFailed(a.function(), "the input is not a valid Base-64 string.");
        }
    }

    private static JsonNode parseJson(Args a, String text) {
        if (text.equals("null")) return Values.NULL; // json('null') is how templates write "leave this out"
        try {
            JsonNode n = Json.LENIENT.readTree(text);
            return n == null ? Values.NULL : n;
        } catch (Exception e) {
            throw TemplateErrors.functionFailed(a.function(), "the provided value is not valid JSON.");
        }
    }

    private static JsonNode dataUriToString(Args a) {
        String s = a.str(0);
        int comma = s.indexOf(',');
        if (!s.startsWith("data:") || comma < 0) throw TemplateErrors.functionFailed(a.function(), "the provided value is not a data URI.");
        String meta = s.substring(5, comma), data = s.substring(comma + 1);
        if (meta.endsWith(";base64")) {
            try {
                return Values.of(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw TemplateErrors.functionFailed(a.function(), "the data URI is not valid Base-64.");
            }
        }
        return Values.of(URLDecoder.decode(data, StandardCharsets.UTF_8));
    }

    /** {@code guid} and {@code uniqueString} take strings only (deployments.md §3.8). */
    static String[] strings(Args a) {
        String[] out = new String[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.str(i);
        return out;
    }

    private static JsonNode join(Args a) {
        ArrayNode items = a.array(0);
        String sep = a.str(1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(sep);
            JsonNode v = items.get(i);
            if (v.isContainerNode()) throw TemplateErrors.argumentType(a.function(), "an array of strings, integers or booleans", "Array");
            sb.append(Values.display(v));
        }
        return Values.of(sb.toString());
    }

    private static JsonNode newGuid(Args a) {
        if (a.ctx().placement() != EvalContext.Placement.PARAMETER_DEFAULT) throw TemplateErrors.functionNotExpected("newGuid");
        return Values.of(a.ctx().deployment().guids().get().toString());
    }

    private static JsonNode padLeft(Args a) {
        String v = a.text(0);
        int width = a.smallInt(1);
        String pad = a.size() > 2 ? a.str(2) : " ";
        if (pad.length() != 1) throw TemplateErrors.functionFailed(a.function(), "the padding character must be a single character.");
        if (width > 16 * 1024) throw TemplateErrors.functionFailed(a.function(), "the total length exceeds the limit of '16384'.");
        StringBuilder sb = new StringBuilder();
        for (int i = v.length(); i < width; i++) sb.append(pad);
        return Values.of(sb.append(v).toString());
    }

    private static JsonNode split(Args a) {
        String s = a.str(0);
        java.util.List<String> seps = new java.util.ArrayList<>();
        if (a.get(1).isArray()) {
            for (JsonNode d : a.get(1)) seps.add(d.asText());
        } else {
            seps.add(a.str(1));
        }
        ArrayNode out = Values.array();
        int start = 0, i = 0;
        while (i <= s.length()) {
            String hit = null;
            for (String d : seps) if (!d.isEmpty() && s.startsWith(d, i)) { hit = d; break; }
            if (hit != null) {
                out.add(s.substring(start, i));
                i += hit.length();
                start = i;
            } else {
                i++;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static JsonNode substring(Args a) {
        String s = a.str(0);
        long start = a.size() > 1 ? a.integer(1) : 0;
        long len = a.size() > 2 ? a.integer(2) : s.length() - start;
        if (start < 0 || len < 0 || start > s.length() || start + len > s.length()) {
            throw TemplateErrors.substringRange((int) start, (int) len, s.length());
        }
        return Values.of(s.substring((int) start, (int) (start + len)));
    }

    private static JsonNode uri(Args a) {
        try {
            String base = a.str(0), rel = a.str(1);
            return Values.of(URI.create(base).resolve(URI.create(rel)).toString());
        } catch (IllegalArgumentException e) {
            throw TemplateErrors.functionFailed(a.function(), "the base or relative URI is not valid.");
        }
    }
}
