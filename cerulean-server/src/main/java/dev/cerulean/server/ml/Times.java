package dev.cerulean.server.ml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The data plane's timestamps: seven fractional digits and an explicit offset ({@code 2023-01-01T00:00:00.0000000+00:00}). */
final class Times {
    private Times() {}

    private static final DateTimeFormatter ML = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx").withZone(ZoneOffset.UTC);

    static String ml(Instant t) {
        return ML.format(t);
    }
}
