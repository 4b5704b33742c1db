package dev.cerulean.server.registry;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where an in-memory server ({@code --in-memory}) keeps registry blob bytes: a fresh directory under
 * the system's temporary directory, deleted when the JVM exits. Blobs still stream to disk (a 2 GiB
 * layer must not need 2 GiB of heap), but nothing lands in the data dir and nothing outlives the
 * metadata that referenced it.
 */
public final class TemporaryBlobRoot {

    private TemporaryBlobRoot() {}

    static Path create() throws IOException {
        Path root = Files.createTempDirectory("cerulean-registry-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root), "cerulean-registry-cleanup"));
        return root;
    }

    /** Deletes {@code root} and everything in it, best effort (also the launcher's training data dir, {@code ArchiveTraining}). */
    public static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort at exit: the directory is under the system's temporary directory anyway
        }
    }
}
