package dev.cerulean.it.arm;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke check of start-up time and footprint: the runnable jar, started as the launcher starts
 * it, answers 200 on /cerulean/health within a bound and holds less than a bound of memory when
 * idle. The bounds are generous on purpose (CI machines are shared and slow); the goals (0.5 s,
 * 120 MB) live in bench/, which measures them on a quiet machine.
 */
class StartupFootprintIT {

    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final long IDLE_RSS_BOUND_MB = 300;

    @Test
    void startsWithinBoundsOnAnEmptyAndOnAPreparedDataDir(@TempDir Path data) throws Exception {
        Path jar = Path.of("").toAbsolutePath().getParent().resolve("cerulean-server/target/cerulean.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no runnable jar at " + jar + " (package cerulean-server first)");
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "RSS is read from /proc (Linux only)");

        for (String start : List.of("empty data dir", "prepared data dir")) {
            Files.deleteIfExists(data.resolve("endpoints.json"));
            Path log = data.resolve("server.log");
            long t0 = System.nanoTime();
            Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-Xms16m", "-Xmx160m", "-jar", jar.toString(),
                    "serve", "--port", "0", "--proxy-port", "-1", "--data-dir", data.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Duration took = waitForHealth(server, data, t0, log);
                assertThat(took).as("%s: process start to the first 200 on /cerulean/health", start).isLessThan(START_BOUND);
                Thread.sleep(1000);
                long rssMb = rssMegabytes(server.pid());
                assertThat(rssMb).as("%s: idle RSS in MB", start).isLessThan(IDLE_RSS_BOUND_MB);
                System.out.printf("%s: first 200 after %d ms, idle RSS %d MB%n", start, took.toMillis(), rssMb);
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    private static Duration waitForHealth(Process server, Path data, long t0, Path log) throws Exception {
        Path endpoints = data.resolve("endpoints.json");
        long deadline = t0 + START_BOUND.multipliedBy(2).toNanos();
        Pattern port = Pattern.compile("\"httpsPort\"\\s*:\\s*(\\d+)");
        HttpClient http = null;
        URI health = null;
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server exited: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            if (health == null && Files.exists(endpoints)) {
                Matcher m = port.matcher(Files.readString(endpoints));
                if (m.find()) {
                    health = URI.create("https://127.0.0.1:" + m.group(1) + "/cerulean/health");
                    http = HttpClient.newBuilder().sslContext(trusting(data.resolve("tls/truststore.p12"))).build();
                }
            }
            if (health != null) {
                try {
                    if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return Duration.ofNanos(System.nanoTime() - t0);
                    }
                } catch (java.io.IOException notYet) {
                    // written before the connector answers: try again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no 200 on /cerulean/health within " + START_BOUND.multipliedBy(2));
    }

    private static SSLContext trusting(Path trustStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static long rssMegabytes(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        throw new AssertionError("no VmRSS for " + pid);
    }
}
