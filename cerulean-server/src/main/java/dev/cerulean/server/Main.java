package dev.cerulean.server;

import dev.cerulean.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code cerulean} program: {@code serve} starts the server, {@code sp create} adds a service
 * principal. Every flag has an environment variable (shown in {@code --help}) so containers and CI
 * can configure it without a command line.
 */
@Command(name = "cerulean", mixinStandardHelpOptions = true, version = "cerulean 0.1.0",
        description = "A local Azure: Entra ID tokens, Resource Manager and its providers.",
        subcommands = {Main.Serve.class, Main.ServicePrincipalCommands.class})
public final class Main implements Callable<Integer> {

    /** Options shared by every command that opens the data directory or the database. */
    static class StoreOptions {
        @Option(names = "--data-dir", defaultValue = "${env:CERULEAN_DATA_DIR}",
                description = "CA, keys, endpoints.json and the SQLite database (env CERULEAN_DATA_DIR; default ~/.cerulean).")
        Path dataDir;

        @Option(names = "--in-memory", defaultValue = "${env:CERULEAN_IN_MEMORY:-false}",
                description = "Keep resources in memory only; the CA and keys still live in the data dir (env CERULEAN_IN_MEMORY).")
        boolean inMemory;

        @Option(names = "--database-url", defaultValue = "${env:CERULEAN_DATABASE_URL}",
                description = "PostgreSQL URL (jdbc:postgresql://... or postgresql://user:pass@host/db) to scale out (env CERULEAN_DATABASE_URL).")
        String databaseUrl;

        ServerConfig apply(ServerConfig c) {
            if (dataDir != null) c = c.withDataDir(dataDir);
            if (databaseUrl != null && !databaseUrl.isBlank()) c = c.withDatabaseUrl(databaseUrl);
            return c.withInMemory(inMemory);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start Cerulean and serve until stopped.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin StoreOptionsMixin store;

        @Option(names = "--port", defaultValue = "${env:CERULEAN_PORT:-8443}", description = "HTTPS port; 0 picks a free one (env CERULEAN_PORT).")
        int port;

        @Option(names = "--proxy-port", defaultValue = "${env:CERULEAN_PROXY_PORT:-8080}",
                description = "Plain-HTTP port that accepts CONNECT for Azure host names; 0 picks a free one, -1 disables (env CERULEAN_PROXY_PORT).")
        int proxyPort;

        @Option(names = "--host", defaultValue = "${env:CERULEAN_HOST:-127.0.0.1}", description = "Address to bind (env CERULEAN_HOST).")
        String host;

        @Option(names = "--strict-api-versions", defaultValue = "${env:CERULEAN_STRICT_API_VERSIONS:-false}",
                description = "Reject well-formed api-versions a type does not declare (env CERULEAN_STRICT_API_VERSIONS).")
        boolean strict;

        @Option(names = "--registry-suffix", defaultValue = "${env:CERULEAN_REGISTRY_SUFFIX:-.azurecr.io}",
                description = "Login-server suffix of registries (env CERULEAN_REGISTRY_SUFFIX).")
        String registrySuffix;

        @Option(names = "--lro-polls", defaultValue = "${env:CERULEAN_LRO_POLLS:-0}",
                description = "Polls an asynchronous operation answers InProgress before completing (env CERULEAN_LRO_POLLS).")
        int lroPolls;

        @Option(names = "--lro", split = ",", description = "Per-type operation style, TYPE[:OPERATION]=sync|async|location[:POLLS], "
                + "e.g. Microsoft.ContainerRegistry/registries:create=async:2 (env CERULEAN_LRO, comma-separated).")
        List<String> lro = new ArrayList<>();

        @Option(names = "--authorization", defaultValue = "${env:CERULEAN_AUTHORIZATION:-on}",
                description = "on: enforce Azure RBAC on ARM requests; off: every authenticated caller may do everything "
                        + "(env CERULEAN_AUTHORIZATION).")
        String authorization;

        /** Injected by picocli; null when {@link ServeCommandLine} filled this command, which validated its values already. */
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            boolean enforce;
            try {
                enforce = onOff("--authorization", authorization);
            } catch (IllegalArgumentException e) {
                if (spec == null) throw e;
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()); // a usage error, not a stack trace
            }
            ServerConfig c = store.options.apply(ServerConfig.defaults());
            String envLro = System.getenv("CERULEAN_LRO");
            List<String> lroAll = new ArrayList<>(lro);
            if (lro.isEmpty() && envLro != null && !envLro.isBlank()) lroAll.addAll(List.of(envLro.split(",")));
            c = new ServerConfig(host, port, proxyPort, c.dataDir(), c.inMemory(), c.databaseUrl(), strict, c.tenantId(),
                    c.subscriptionId(), c.clientId(), c.clientSecret(),
                    registrySuffix.startsWith(".") ? registrySuffix : "." + registrySuffix,
                    c.tokenLifetime(), c.maxBodyBytes(), lroPolls, List.copyOf(lroAll), enforce);
            CeruleanServer server = CeruleanServer.start(c);
            System.out.println(server.banner());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "cerulean-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /** {@code on|off} (also true/false), or a usage error. */
    static boolean onOff(String option, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(option + " must be on or off, not '" + value + "'");
        };
    }

    /** Picocli mixin wrapper so {@link StoreOptions} can be shared by several commands. */
    static final class StoreOptionsMixin {
        @CommandLine.ArgGroup(exclusive = false, heading = "Storage%n")
        StoreOptions options = new StoreOptions();
    }

    @Command(name = "sp", mixinStandardHelpOptions = true, description = "Service principals of the development tenant.",
            subcommands = {CreateServicePrincipal.class})
    static final class ServicePrincipalCommands implements Callable<Integer> {
        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a service principal and print its credentials once (the secret is stored only as a hash).")
    static final class CreateServicePrincipal implements Callable<Integer> {
        @CommandLine.Mixin StoreOptionsMixin store;

        @Option(names = {"-n", "--name", "--display-name"}, defaultValue = "cerulean-sp", description = "Display name.")
        String name;

        @Override
        public Integer call() {
            ServerConfig c = store.options.apply(ServerConfig.defaults());
            System.out.println(CeruleanServer.createServicePrincipal(c, name));
            return 0;
        }
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("train-archive")) {
            ArchiveTraining.train(); // the launcher's one run before the first serve; not for users
            return;
        }
        if (args.length > 0 && args[0].equals("serve")) {
            Prewarm.start(); // on the second core while the main thread parses and loads the CA
            Serve serve = ServeCommandLine.parse(args, System::getenv);
            if (serve != null) {
                serve.call(); // without picocli; it returns once the server has stopped
                return;
            }
        }
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || args.length == 0 || !args[0].equals("serve")) System.exit(code);
    }
}
