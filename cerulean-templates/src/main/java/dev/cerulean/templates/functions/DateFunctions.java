package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.EvalContext;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import static dev.cerulean.templates.Functions.add;

/** Date functions (deployments.md §3.7): UTC throughout, .NET format strings. */
public final class DateFunctions {
    private DateFunctions() {}

    public static void register() {
        add("utcNow", 0, 1, DateFunctions::utcNow);
        add("dateTimeAdd", 2, 3, DateFunctions::dateTimeAdd);
        add("dateTimeToEpoch", 1, 1, a -> Values.of(parse(a, a.str(0)).toEpochSecond()));
        add("dateTimeFromEpoch", 1, 1, a -> Values.of(DotNetDate.format(
                Instant.ofEpochSecond(a.integer(0)).atZone(ZoneOffset.UTC), "yyyy-MM-ddTHH:mm:ssZ")));
    }

    private static JsonNode utcNow(Args a) {
        if (a.ctx().placement() != EvalContext.Placement.PARAMETER_DEFAULT) throw TemplateErrors.functionNotExpected("utcNow");
        String fmt = a.size() > 0 ? a.str(0) : "yyyyMMddTHHmmssZ";
        return Values.of(DotNetDate.format(a.ctx().deployment().now().atZone(ZoneOffset.UTC), fmt));
    }

    private static JsonNode dateTimeAdd(Args a) {
        ZonedDateTime base = parse(a, a.str(0));
        String d = a.str(1).trim();
        boolean negative = d.startsWith("-");
        if (negative) d = d.substring(1);
        ZonedDateTime out;
        try {
            int t = d.indexOf('T');
            String datePart = t < 0 ? d : d.substring(0, t);
            Period p = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration dur = t < 0 ? Duration.ZERO : Duration.parse("P" + d.substring(t));
            out = negative ? base.minus(p).minus(dur) : base.plus(p).plus(dur);
        } catch (DateTimeParseException e) {
            throw TemplateErrors.functionFailed(a.function(), "the duration '" + a.str(1) + "' is not a valid ISO 8601 duration.");
        }
        return Values.of(DotNetDate.format(out, a.size() > 2 ? a.str(2) : "yyyy-MM-ddTHH:mm:ssZ"));
    }

    static ZonedDateTime parse(Args a, String raw) {
        String s = raw.length() > 10 && raw.charAt(10) == ' ' ? raw.substring(0, 10) + 'T' + raw.substring(11) : raw;
        try {
            return OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).atZone(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return java.time.LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw TemplateErrors.functionFailed(a.function(), "the value '" + raw + "' is not a valid ISO 8601 date time.");
                }
            }
        }
    }
}
