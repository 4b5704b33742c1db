package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.core.json.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The timestamp spellings of the ACR resource provider (acr.md §1.3, §3.2, §3.4): registry
 * {@code creationDate} is ARM's {@code ...1234567Z} (Json.armTime); scope-map and token times use a
 * {@code +00:00} offset with seven fraction digits; policy {@code lastUpdatedTime} and password
 * {@code expiry} trim trailing fraction zeros. Clients send expiries with 0-9 fraction digits.
 */
final class AcrTimes {
    private AcrTimes() {}

    /** Seven digits: .NET's tick precision, the most the service ever writes. */
    private static final DateTimeFormatter TICKS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS").withZone(ZoneOffset.UTC);

    /** {@code 2023-04-12T10:12:30.1234567+00:00}: creationDate of scope maps and tokens, password creationTime. */
    static String offset(Instant t) {
        return Json.offsetTime(t);
    }

    /** {@code 2023-04-12T10:11:19.912585+00:00} or {@code 2100-12-31T12:59:59+00:00}: trailing zeros trimmed. */
    static String offsetTrimmed(Instant t) {
        String s = TICKS.format(t);
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end) + "+00:00";
    }

    /**
     * Reads a client's date-time leniently: RFC 3339 with any number of fraction digits and any
     * offset, a local date-time (taken as UTC), or a bare date (midnight UTC).
     *
     * @throws DateTimeParseException when the text is none of these
     */
    static Instant parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (s.length() > 10 && s.charAt(10) == ' ') s = s.substring(0, 10) + 'T' + s.substring(11);
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        }
    }
}
