package dev.cerulean.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code yyyyMMddTHHmmssZ} stamp in ARM's {@code x-ms-routing-request-id}, formatted once per
 * second rather than once per request (formatting showed up in profiles of the ARM GET path).
 */
final class RoutingTime {
    private RoutingTime() {}

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private record Stamp(long second, String text) {}

    private static volatile Stamp last = new Stamp(-1, "");

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp s = last;
        if (s.second() != second) {
            s = new Stamp(second, FORMAT.format(Instant.ofEpochSecond(second)));
            last = s;
        }
        return s.text();
    }
}
