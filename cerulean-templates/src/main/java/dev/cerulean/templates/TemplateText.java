package dev.cerulean.templates;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A template as submitted: read leniently as az sends it (JSONC: comments, unquoted member names,
 * trailing commas, a BOM; deployments.md §1.2), with the line and column of each member found on
 * demand so errors can say where they are, as ARM's do.
 */
public final class TemplateText {
    /** ARM's limit on a template (deployments.md §3.1; ARM measures it compressed, this measures the text). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    public static final ObjectMapper JSONC = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public record Position(int line, int column) {
        public static final Position UNKNOWN = new Position(0, 0);
    }

    private final String text;
    private final JsonNode root;
    private Map<String, Position> positions;

    private TemplateText(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    public static TemplateText parse(String text) {
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw TemplateErrors.templateTooLarge(text.getBytes(StandardCharsets.UTF_8).length, MAX_BYTES);
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            JsonNode root = JSONC.readTree(body);
            if (root == null || !root.isObject()) throw TemplateErrors.notAnObject();
            return new TemplateText(body, root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw TemplateErrors.malformedJson(e.getOriginalMessage(),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        }
    }

    /** A template that arrived as a JSON tree (SDK bodies): positions are unknown. */
    public static TemplateText of(JsonNode root) {
        if (root == null || !root.isObject()) throw TemplateErrors.notAnObject();
        return new TemplateText(null, root);
    }

    public JsonNode root() { return root; }

    /** Where the member at {@code path} (e.g. {@code parameters.p}, {@code resources[1].copy}) starts, or 0/0. */
    public synchronized Position position(String path) {
        if (text == null) return Position.UNKNOWN;
        if (positions == null) positions = index(text);
        return positions.getOrDefault(path, Position.UNKNOWN);
    }

    private static final class Frame {
        final String path;
        final boolean array;
        int index;
        String member = "";
        Frame(String path, boolean array) { this.path = path; this.array = array; }
        String valuePath() { return array ? path + "[" + index + "]" : member; }
    }

    private static Map<String, Position> index(String text) {
        Map<String, Position> out = new HashMap<>();
        try (JsonParser p = JSONC.getFactory().createParser(text)) {
            Deque<Frame> stack = new ArrayDeque<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Frame top = stack.peek();
                if (t == JsonToken.FIELD_NAME) {
                    top.member = (top.path.isEmpty() ? "" : top.path + ".") + p.currentName();
                    JsonLocation loc = p.currentTokenLocation();
                    out.put(top.member, new Position(loc.getLineNr(), loc.getColumnNr()));
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    String path = top == null ? "" : top.valuePath();
                    if (top != null && top.array) {
                        JsonLocation loc = p.currentTokenLocation();
                        out.put(path, new Position(loc.getLineNr(), loc.getColumnNr()));
                    }
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    if (!stack.isEmpty() && stack.peek().array) stack.peek().index++;
                } else if (top != null && top.array) {
                    top.index++;
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
