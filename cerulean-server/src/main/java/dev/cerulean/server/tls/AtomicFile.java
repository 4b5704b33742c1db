package dev.cerulean.server.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the files of the TLS directory so that a crash never leaves half of one: the bytes go to
 * a temp file, are forced to disk, then renamed over the target. Files holding a private key are
 * created owner-only (0600) from the first byte where the file system has POSIX permissions.
 */
final class AtomicFile {
    private AtomicFile() {}

    /** Writes a file anyone may read (certificates, the truststore). */
    static void writePublic(Path file, byte[] content) throws IOException {
        write(file, content, false);
    }

    /** Writes a file only its owner may read (private keys). */
    static void writePrivate(Path file, byte[] content) throws IOException {
        write(file, content, true);
    }

    private static void write(Path file, byte[] content, boolean ownerOnly) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true); // durable before the rename makes it visible
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
