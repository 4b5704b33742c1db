package dev.cerulean.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cerulean.store.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write to the SQLite file store survives SIGKILL of the process: a child JVM
 * writes and acknowledges records until it is killed mid-stream, and every acknowledged record
 * must be in the database when it is reopened.
 */
class SqliteDurabilityTest {

    private static final int ACKS_BEFORE_KILL = 150;
    private static final long STARTUP_DEADLINE_MILLIS = 20_000;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesAKilledProcess() throws Exception {
        Path database = dir.resolve("cerulean.db");
        Path childOut = dir.resolve("child-stdout.txt");
        Path childErrors = dir.resolve("child-stderr.txt");
        // stdout goes to a file, not a pipe: destroying a process closes its pipes, and the ACKs
        // printed just before the kill must still be counted
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), DurabilityWriter.class.getName(), database.toString(), "1000000")
                .redirectOutput(childOut.toFile())
                .redirectError(childErrors.toFile())
                .start();
        try {
            long deadline = System.currentTimeMillis() + STARTUP_DEADLINE_MILLIS;
            while (acks(childOut) < ACKS_BEFORE_KILL && child.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
        }
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int acknowledged = acks(childOut);
        assertThat(acknowledged).as("acknowledged writes; child stderr: %s", Files.readString(childErrors))
                .isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (Stores reopened = JdbcStores.open(StoreSettings.sqliteFile(database))) {
            for (int n = 0; n < acknowledged; n++) {
                assertThat(reopened.resources().get(DurabilityWriter.record(n).key())).as("record %d", n)
                        .contains(DurabilityWriter.record(n));
                if (n % 2 == 1) {
                    assertThat(reopened.secrets().list(DurabilityWriter.record(n).key())).as("secret %d", n)
                            .isEqualTo(List.of(DurabilityWriter.secret(n)));
                }
            }
        }
    }

    /** How many consecutive ACK lines, from ACK 0, the child has written so far. */
    private static int acks(Path out) throws IOException {
        int count = 0;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.equals("ACK " + count)) {
                count++;
            }
        }
        return count;
    }

    /** Surefire's real class path when run by Maven, else this JVM's. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
