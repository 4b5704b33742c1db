package dev.cerulean.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code cerulean serve} parsed by hand, so the server's start path never loads picocli: picocli
 * builds its model from annotations by reflection, which was 27 % of a cold start's CPU samples.
 * It fills the same {@link Main.Serve} picocli would (same flags, same environment defaults), and
 * declines (null) anything it does not recognise or cannot convert — help, version, a typo, a bad
 * number — so picocli still answers those with its usual messages. {@code ServeCommandLineTest}
 * checks that both parsers agree.
 */
final class ServeCommandLine {
    private ServeCommandLine() {}

    /** The parsed command, or null when picocli should handle {@code args} itself. */
    static Main.Serve parse(String[] args, UnaryOperator<String> env) {
        if (args.length == 0 || !args[0].equals("serve")) return null;
        Main.Serve serve = new Main.Serve();
        serve.store = new Main.StoreOptionsMixin();
        Main.StoreOptions store = serve.store.options;
        try {
            String dataDir = env.apply("CERULEAN_DATA_DIR");
            store.dataDir = dataDir == null ? null : Path.of(dataDir);
            store.inMemory = bool(env.apply("CERULEAN_IN_MEMORY"), false);
            store.databaseUrl = env.apply("CERULEAN_DATABASE_URL");
            serve.port = integer(env.apply("CERULEAN_PORT"), 8443);
            serve.proxyPort = integer(env.apply("CERULEAN_PROXY_PORT"), 8080);
            serve.host = or(env.apply("CERULEAN_HOST"), "127.0.0.1");
            serve.strict = bool(env.apply("CERULEAN_STRICT_API_VERSIONS"), false);
            serve.registrySuffix = or(env.apply("CERULEAN_REGISTRY_SUFFIX"), ".azurecr.io");
            serve.lroPolls = integer(env.apply("CERULEAN_LRO_POLLS"), 0);
            serve.authorization = or(env.apply("CERULEAN_AUTHORIZATION"), "on");
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                switch (name) {
                    case "--in-memory", "--strict-api-versions" -> {
                        if (eq >= 0) return null; // picocli's rules for flag values are its own
                        if (name.equals("--in-memory")) store.inMemory = true;
                        else serve.strict = true;
                        continue;
                    }
                    default -> { }
                }
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else {
                    if (i + 1 >= args.length || isOptionLike(args[i + 1])) return null;
                    value = args[++i];
                }
                switch (name) {
                    case "--data-dir" -> store.dataDir = Path.of(value);
                    case "--database-url" -> store.databaseUrl = value;
                    case "--port" -> serve.port = Integer.parseInt(value);
                    case "--proxy-port" -> serve.proxyPort = Integer.parseInt(value);
                    case "--host" -> serve.host = value;
                    case "--registry-suffix" -> serve.registrySuffix = value;
                    case "--lro-polls" -> serve.lroPolls = Integer.parseInt(value);
                    case "--lro" -> serve.lro.addAll(List.of(value.split(",")));
                    case "--authorization" -> serve.authorization = value;
                    default -> {
                        return null;
                    }
                }
            }
            Main.onOff("--authorization", serve.authorization); // a bad value is picocli's to report
        } catch (RuntimeException unconvertible) {
            return null;
        }
        return serve;
    }

    /** What picocli would take for an option name rather than a value ({@code -1} is a value). */
    private static boolean isOptionLike(String arg) {
        return arg.startsWith("-") && !arg.matches("-\\d+");
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static int integer(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static boolean bool(String value, boolean fallback) {
        if (value == null) return fallback;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }
}
