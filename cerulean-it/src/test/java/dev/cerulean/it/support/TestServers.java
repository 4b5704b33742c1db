package dev.cerulean.it.support;

import dev.cerulean.server.CeruleanServer;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.config.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Servers for end-to-end tests: always port 0 and a temp data dir. One shared server serves most
 * tests; {@link #start} makes a dedicated one for tests that need other settings. Every server of
 * a test JVM uses the same CA (its {@code tls} folder is copied), so the JVM-wide trust store set
 * here trusts them all.
 */
public final class TestServers {
    private TestServers() {}

    private static CeruleanServer shared;
    private static Path caDir;

    public static synchronized CeruleanServer shared() {
        if (shared == null) {
            shared = start(c -> c, List.of(new TestProvider()));
        }
        return shared;
    }

    public static synchronized CeruleanServer start(UnaryOperator<ServerConfig> settings) {
        return start(settings, List.of(new TestProvider()));
    }

    public static synchronized CeruleanServer start(UnaryOperator<ServerConfig> settings, List<ResourceProvider> extra) {
        try {
            Path dataDir = Files.createTempDirectory("cerulean-it-");
            if (caDir != null) copyTree(caDir, dataDir.resolve("tls"));
            ServerConfig config = settings.apply(ServerConfig.defaults().withPorts(0, 0).withDataDir(dataDir));
            CeruleanServer server = CeruleanServer.start(config, extra);
            if (caDir == null) {
                caDir = dataDir.resolve("tls");
                System.setProperty("javax.net.ssl.trustStore", server.trustStore().toString());
                System.setProperty("javax.net.ssl.trustStorePassword", server.trustStorePassword());
                System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
