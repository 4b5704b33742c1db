package dev.cerulean.templates.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.templates.Args;
import dev.cerulean.templates.TemplateErrors;
import dev.cerulean.templates.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * .NET composite formatting as {@code format()} applies it: {@code {0}}, {@code {0,-5}},
 * {@code {0:N2}}, {@code {{}}/{@code }}}, invariant culture; numeric specifiers N, D, X, F, P, E.
 */
final class DotNetFormat {
    private DotNetFormat() {}

    static String composite(Args a) {
        String f = a.str(0);
        StringBuilder out = new StringBuilder(f.length() + 16);
        int i = 0, n = f.length();
        while (i < n) {
            char c = f.charAt(i);
            if (c == '{') {
                if (i + 1 < n && f.charAt(i + 1) == '{') { out.append('{'); i += 2; continue; }
                int close = f.indexOf('}', i);
                if (close < 0) throw bad(a);
                String spec = f.substring(i + 1, close);
                i = close + 1;
                String fmt = null;
                int colon = spec.indexOf(':');
                if (colon >= 0) { fmt = spec.substring(colon + 1); spec = spec.substring(0, colon); }
                int align = 0;
                int comma = spec.indexOf(',');
                try {
                    if (comma >= 0) { align = Integer.parseInt(spec.substring(comma + 1).trim()); spec = spec.substring(0, comma); }
                    int index = Integer.parseInt(spec.trim());
                    if (index < 0 || index + 1 >= a.size()) throw TemplateErrors.functionFailed(a.function(),
                            "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.");
                    String text = value(a.get(index + 1), fmt, a);
                    if (align > 0) out.append(" ".repeat(Math.max(0, align - text.length()))).append(text);
                    else if (align < 0) out.append(text).append(" ".repeat(Math.max(0, -align - text.length())));
                    else out.append(text);
                } catch (NumberFormatException e) {
                    throw bad(a);
                }
            } else if (c == '}') {
                if (i + 1 < n && f.charAt(i + 1) == '}') { out.append('}'); i += 2; continue; }
                throw bad(a);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static RuntimeException bad(Args a) {
        return TemplateErrors.functionFailed(a.function(), "Input string was not in a correct format.");
    }

    private static String value(JsonNode v, String fmt, Args a) {
        if (fmt == null || fmt.isEmpty() || !v.isNumber()) return Values.display(v);
        char kind = Character.toUpperCase(fmt.charAt(0));
        Integer digits = null;
        if (fmt.length() > 1) {
            try { digits = Integer.parseInt(fmt.substring(1)); } catch (NumberFormatException e) { return custom(v, fmt); }
        }
        BigDecimal num = v.decimalValue();
        DecimalFormatSymbols inv = DecimalFormatSymbols.getInstance(Locale.ROOT);
        switch (kind) {
            case 'N': {
                int d = digits == null ? 2 : digits;
                DecimalFormat df = new DecimalFormat("#,##0" + (d > 0 ? "." + "0".repeat(d) : ""), inv);
                df.setRoundingMode(RoundingMode.HALF_EVEN);
                return df.format(num);
            }
            case 'F': {
                int d = digits == null ? 2 : digits;
                return num.setScale(d, RoundingMode.HALF_EVEN).toPlainString();
            }
            case 'D': {
                String s = Long.toString(Math.abs(v.longValue()));
                if (digits != null && s.length() < digits) s = "0".repeat(digits - s.length()) + s;
                return (v.longValue() < 0 ? "-" : "") + s;
            }
            case 'X': {
                String s = Long.toHexString(v.longValue());
                if (Character.isUpperCase(fmt.charAt(0))) s = s.toUpperCase(Locale.ROOT);
                if (digits != null && s.length() < digits) s = "0".repeat(digits - s.length()) + s;
                return s;
            }
            case 'P': {
                int d = digits == null ? 2 : digits;
                DecimalFormat df = new DecimalFormat("#,##0" + (d > 0 ? "." + "0".repeat(d) : ""), inv);
                return df.format(num.multiply(BigDecimal.valueOf(100))) + " %";
            }
            case 'G':
                return Values.display(v);
            default:
                return custom(v, fmt);
        }
    }

    /** Custom numeric formats such as {@code 000} or {@code #,##0.0}: Java's pattern language covers the common subset. */
    private static String custom(JsonNode v, String fmt) {
        try {
            return new DecimalFormat(fmt, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v.decimalValue());
        } catch (IllegalArgumentException e) {
            return fmt;
        }
    }
}
