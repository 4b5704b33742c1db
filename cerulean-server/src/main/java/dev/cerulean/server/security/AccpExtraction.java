package dev.cerulean.server.security;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the Amazon Corretto Crypto Provider unpacks its native library. It makes a new directory
 * per process under its temp directory and removes it once the library is loaded; a process stopped
 * while that happens (the first half second after Cerulean answers, when a test suite may well stop
 * it) leaves 1-4 MB behind, and a day of test runs left 1.8 GB in /tmp on the build machine. So the
 * directories go under Cerulean's cache instead, and each start removes the ones older than
 * {@link #STALE}: no process is still unpacking into a directory that old.
 */
public final class AccpExtraction {
    private AccpExtraction() {}

    /** ACCP's own setting for its temp directory (java.io.tmpdir when unset). */
    static final String TEMP_DIR = "com.amazon.corretto.crypto.provider.tmpdir";
    static final Duration STALE = Duration.ofMinutes(10);
    private static final String PREFIX = "amazonCorrettoCryptoProviderNativeLibraries.";

    /**
     * Before ACCP first loads: unpacks under {@code dir} (made if missing) and clears what stopped
     * processes left there. A directory the user chose with the property is kept as it is.
     */
    public static void into(Path dir) {
        if (System.getProperty(TEMP_DIR) != null) return;
        try {
            Files.createDirectories(dir);
            removeStale(dir, Instant.now().minus(STALE));
            System.setProperty(TEMP_DIR, dir.toString());
        } catch (IOException | RuntimeException e) {
            // ACCP unpacks into java.io.tmpdir as it always does
        }
    }

    static void removeStale(Path dir, Instant before) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(before)) deleteTree(leftover);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // another start removed it first, or it is not ours to remove: left for the next
        }
    }
}
