package dev.cerulean.templates.functions;

import java.time.ZonedDateTime;

/**
 * .NET date formatting for {@code utcNow}/{@code dateTimeAdd}: the standard one-letter formats ARM
 * documents (u, s, o, d, D, t, T, g, G, r) and custom patterns (yyyy, MM, dd, HH, hh, mm, ss, f…, tt,
 * quoted literals); other letters are copied, as .NET copies {@code T} and {@code Z}.
 */
final class DotNetDate {
    private DotNetDate() {}

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    static String format(ZonedDateTime t, String fmt) {
        if (fmt.length() == 1) {
            switch (fmt.charAt(0)) {
                case 'u': return format(t, "yyyy-MM-dd HH:mm:ssZ");
                case 's': return format(t, "yyyy-MM-ddTHH:mm:ss");
                case 'o': case 'O': return format(t, "yyyy-MM-ddTHH:mm:ss.fffffff") + "Z";
                case 'd': return format(t, "M/d/yyyy");
                case 'D': return format(t, "dddd, dd MMMM yyyy");
                case 't': return format(t, "h:mm tt");
                case 'T': return format(t, "h:mm:ss tt");
                case 'g': return format(t, "M/d/yyyy h:mm tt");
                case 'G': return format(t, "M/d/yyyy h:mm:ss tt");
                case 'r': case 'R': return format(t, "ddd, dd MMM yyyy HH:mm:ss") + " GMT";
                default: break;
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            int run = 1;
            while (i + run < fmt.length() && fmt.charAt(i + run) == c) run++;
            switch (c) {
                case 'y' -> out.append(run <= 2 ? pad(t.getYear() % 100, run) : pad(t.getYear(), run));
                case 'M' -> out.append(run >= 4 ? MONTHS[t.getMonthValue() - 1] : run == 3 ? MONTHS[t.getMonthValue() - 1].substring(0, 3) : pad(t.getMonthValue(), run));
                case 'd' -> out.append(run >= 4 ? DAYS[t.getDayOfWeek().getValue() - 1] : run == 3 ? DAYS[t.getDayOfWeek().getValue() - 1].substring(0, 3) : pad(t.getDayOfMonth(), run));
                case 'H' -> out.append(pad(t.getHour(), run));
                case 'h' -> out.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, run));
                case 'm' -> out.append(pad(t.getMinute(), run));
                case 's' -> out.append(pad(t.getSecond(), run));
                case 'f', 'F' -> out.append(String.format("%09d", t.getNano()), 0, Math.min(run, 9));
                case 't' -> out.append(t.getHour() < 12 ? "AM" : "PM", 0, Math.min(run, 2));
                case 'z' -> out.append(run == 1 ? "+0" : run == 2 ? "+00" : "+00:00");
                case 'K' -> out.append("Z");
                case '\'', '"' -> {
                    int end = fmt.indexOf(c, i + 1);
                    if (end < 0) end = fmt.length();
                    out.append(fmt, i + 1, end);
                    run = end - i + 1;
                }
                case '\\' -> {
                    if (i + 1 < fmt.length()) out.append(fmt.charAt(i + 1));
                    run = 2;
                }
                default -> out.append(String.valueOf(c).repeat(run));
            }
            i += run;
        }
        return out.toString();
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
