package dev.cerulean.server.arm;

import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server-wide choices of how long-running operations answer, overriding what each type declares.
 * Both forms occur on real Azure, so tests can pick either. Each setting reads
 * {@code <Namespace>/<type>[:<operation>]=<sync|async|location|accepted>[:<polls>]}, where operation is
 * {@code create}, {@code delete} or a POST action name; without an operation it applies to all.
 */
public final class LroSettings {

    private final Map<String, LroPolicy> overrides = new HashMap<>();
    private final int defaultPolls;

    public LroSettings(List<String> settings, int defaultPolls) {
        this.defaultPolls = Math.max(0, defaultPolls);
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--lro expects TYPE[:OPERATION]=sync|async|location|accepted[:POLLS], got '" + s + "'");
            String[] v = s.substring(eq + 1).split(":");
            LroStyle style = switch (v[0].toLowerCase(Locale.ROOT)) {
                case "sync" -> LroStyle.SYNC;
                case "async" -> LroStyle.AZURE_ASYNC_OPERATION;
                case "location" -> LroStyle.LOCATION;
                case "accepted" -> LroStyle.ACCEPTED_WITH_BOTH;
                default -> throw new IllegalArgumentException("unknown LRO style '" + v[0] + "' in '" + s + "'");
            };
            int polls = v.length > 1 ? Integer.parseInt(v[1]) : -1;
            overrides.put(s.substring(0, eq).toLowerCase(Locale.ROOT), new LroPolicy(style, polls));
        }
    }

    /** The policy for {@code operation} on {@code qualifiedType}, with polls resolved to a number. */
    public LroPolicy resolve(String qualifiedType, String operation, LroPolicy declared) {
        String type = qualifiedType.toLowerCase(Locale.ROOT);
        LroPolicy p = overrides.get(type + ":" + operation.toLowerCase(Locale.ROOT));
        if (p == null) p = overrides.get(type);
        if (p == null) p = declared;
        return p.polls() >= 0 ? p : new LroPolicy(p.style(), defaultPolls);
    }
}
