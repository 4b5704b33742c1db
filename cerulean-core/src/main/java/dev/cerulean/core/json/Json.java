package dev.cerulean.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one configured Jackson mapper and the small helpers every surface uses. */
public final class Json {
    private Json() {}

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * A lenient reader for request bodies: the docs' own `az rest --body "{'location': ...}"`
     * examples send single-quoted JSON, which az passes through unchanged and ARM accepts.
     */
    public static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final DateTimeFormatter ARM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OFFSET_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ARM's timestamp form: seven fractional digits and a Z ({@code 2024-01-03T18:38:36.7089583Z}). */
    public static String armTime(Instant t) { return ARM_TIME.format(t); }

    /**
     * The same with an explicit offset ({@code 2024-01-03T18:38:36.7089583+00:00}), as some services
     * write it (ACR scope maps and tokens, Azure ML's data plane).
     */
    public static String offsetTime(Instant t) { return OFFSET_TIME.format(t); }

    /**
     * Whether {@code node} is a whole number in {@code [min, max]}. Checked before reading it as an
     * int: {@code asInt()} wraps values beyond int (2^32 + 5 reads as 5), so a range check on it alone
     * would accept them.
     */
    public static boolean isIntBetween(JsonNode node, int min, int max) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt()
                && node.intValue() >= min && node.intValue() <= max;
    }
}
