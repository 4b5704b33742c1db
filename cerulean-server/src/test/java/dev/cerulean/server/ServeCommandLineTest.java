package dev.cerulean.server;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand parser of {@code serve} fills exactly what picocli fills, and declines what it does not know. */
class ServeCommandLineTest {

    @Test
    void agreesWithPicocliOnEveryFlagAndForm() {
        for (List<String> args : List.of(
                List.of("serve"),
                List.of("serve", "--port", "0", "--proxy-port", "-1", "--data-dir", "/tmp/x"),
                List.of("serve", "--port=9443", "--proxy-port=0", "--host=0.0.0.0", "--in-memory", "--strict-api-versions"),
                List.of("serve", "--database-url", "postgresql://u:p@h/db", "--registry-suffix", "registry.local"),
                List.of("serve", "--lro-polls", "3", "--lro", "A/b=async,C/d:delete=location:2", "--lro", "E/f=sync"),
                List.of("serve", "--authorization", "off", "--data-dir=/tmp/y"))) {
            Main.Serve byHand = ServeCommandLine.parse(args.toArray(String[]::new), System::getenv);
            assertThat(byHand).as("%s", args).isNotNull();
            assertThat(fields(byHand)).as("%s", args).isEqualTo(fields(byPicocli(args)));
        }
    }

    @Test
    void leavesHelpTyposAndBadValuesToPicocli() {
        for (List<String> args : List.of(List.of("serve", "--help"), List.of("serve", "-h"), List.of("serve", "--prot", "1"),
                List.of("serve", "--port", "x"), List.of("serve", "--port"), List.of("serve", "--data-dir", "--port", "1"),
                List.of("serve", "--in-memory=true"), List.of("serve", "--authorization", "maybe"),
                List.of("sp", "create"), List.<String>of())) {
            assertThat(ServeCommandLine.parse(args.toArray(String[]::new), System::getenv)).as("%s", args).isNull();
        }
    }

    @Test
    void picocliReportsABadAuthorizationValueAsAUsageErrorBeforeStarting() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new CommandLine(new Main()).setErr(new java.io.PrintWriter(err))
                .execute("serve", "--authorization", "maybe", "--in-memory", "--port", "0", "--proxy-port", "-1");
        assertThat(code).isEqualTo(2); // picocli's usage error, not 1 with a stack trace
        assertThat(err.toString()).contains("--authorization must be on or off, not 'maybe'").doesNotContain("\tat ");
    }

    @Test
    void readsTheSameEnvironmentDefaults() {
        Map<String, String> env = Map.of("CERULEAN_PORT", "1234", "CERULEAN_IN_MEMORY", "TRUE", "CERULEAN_AUTHORIZATION", "off",
                "CERULEAN_DATA_DIR", "/tmp/env");
        Main.Serve serve = ServeCommandLine.parse(new String[] {"serve", "--proxy-port", "-1"}, env::get);
        assertThat(serve.port).isEqualTo(1234);
        assertThat(serve.store.options.inMemory).isTrue();
        assertThat(serve.authorization).isEqualTo("off");
        assertThat(serve.store.options.dataDir).hasToString("/tmp/env");
        assertThat(serve.proxyPort).isEqualTo(-1);
        assertThat(ServeCommandLine.parse(new String[] {"serve"}, Map.of("CERULEAN_PORT", "x")::get)).isNull();
    }

    private static Main.Serve byPicocli(List<String> args) {
        CommandLine.ParseResult parsed = new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
        return (Main.Serve) parsed.subcommand().commandSpec().userObject();
    }

    private static List<Object> fields(Main.Serve s) {
        Main.StoreOptions o = s.store.options;
        return List.of(String.valueOf(o.dataDir), o.inMemory, String.valueOf(o.databaseUrl), s.port, s.proxyPort, s.host,
                s.strict, s.registrySuffix, s.lroPolls, s.lro, s.authorization);
    }
}
