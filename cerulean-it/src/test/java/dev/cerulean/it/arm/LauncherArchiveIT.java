package dev.cerulean.it.arm;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's class archive over its life: trained once before the first {@code serve}, used as
 * it is by the next, and trained again when the jar was rebuilt after it (a rebuild by {@code mvn
 * package} rather than by the launcher: the JVM would refuse the stale archive on every start,
 * silently, and start at half speed). Runs the real {@code cerulean} script in a copy of the
 * layout it expects (the script and {@code cerulean-server/target/cerulean.jar}, no sources, so it
 * never builds), with this JVM as {@code JAVA_HOME}.
 */
class LauncherArchiveIT {

    private static final Duration START_BOUND = Duration.ofSeconds(90);
    private static final String TRAINING = "training the class archive";
    /** What the JVM logs when it cannot use a class archive or AOT cache, e.g. "[warning][cds,dynamic] Unable to use". */
    private static final String REFUSED = "\\[(warning|error)\\]\\[(cds|aot)";

    @TempDir Path root;

    @Test
    void theArchiveIsTrainedOnceUsedThenTrainedAgainForARebuiltJar() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path jar = repo.resolve("cerulean-server/target/cerulean.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "no runnable jar at " + jar + " (package cerulean-server first)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        Path launcher = root.resolve("cerulean");
        Files.copy(repo.resolve("cerulean"), launcher);
        launcher.toFile().setExecutable(true);
        Path target = Files.createDirectories(root.resolve("cerulean-server/target"));
        Path copy = target.resolve("cerulean.jar");
        Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);

        String first = serve("first");
        assertThat(first).as("the first serve trains the archive").contains(TRAINING);
        Path archive = archiveIn(target).orElseThrow(() -> new AssertionError("no archive after training:\n" + first));
        FileTime trained = Files.getLastModifiedTime(archive);

        String second = serve("second");
        assertThat(second).as("the next serve uses it").doesNotContain(TRAINING);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(trained);
        assertThat(second).as("and the JVM takes it (a refused archive is one warning line, and a slow start)")
                .doesNotContainPattern(REFUSED);

        // the jar "rebuilt" after the archive was written
        Files.setLastModifiedTime(archive, FileTime.from(Files.getLastModifiedTime(copy).toInstant().minusSeconds(60)));
        String third = serve("third");
        assertThat(third).as("a jar newer than its archive gets a new one").contains(TRAINING);
        Path retrained = archiveIn(target).orElseThrow(() -> new AssertionError("no archive after retraining:\n" + third));
        assertThat(Files.getLastModifiedTime(retrained)).isGreaterThan(Files.getLastModifiedTime(copy));
    }

    /** One {@code ./cerulean serve} until endpoints.json is written (health answers 200 then), then stopped; its output. */
    private String serve(String name) throws Exception {
        Path data = root.resolve("data-" + name);
        Path log = root.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", root.resolve("cerulean").toString(), "serve",
                "--port", "0", "--proxy-port", "-1", "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("CERULEAN_JAVA_OPTS");
        env.remove("CERULEAN_CDS");
        Process server = builder.start();
        try {
            long deadline = System.nanoTime() + START_BOUND.toNanos();
            while (!Files.exists(data.resolve("endpoints.json"))) {
                assertThat(server.isAlive()).as("%s serve exited:\n%s", name, Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("%s serve not ready within %s:\n%s", name, START_BOUND, Files.readString(log))
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        } finally {
            server.destroy(); // SIGTERM: a run that had to write its archive at exit still does
            server.waitFor();
        }
        return Files.readString(log);
    }

    private static Optional<Path> archiveIn(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("cerulean-jdk\\d+\\.(jsa|aot)")).toList();
            assertThat(archives).as("one archive for this JDK").hasSizeLessThanOrEqualTo(1);
            return archives.stream().findFirst();
        }
    }
}
