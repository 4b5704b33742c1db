package dev.cerulean.server.registry.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BlobStore} on the local file system: {@code blobs/sha256/ab/<hex>} for content,
 * {@code uploads/<id>} for sessions, {@code staging/} for whole bodies. Every write is forced to
 * disk before it is acknowledged, and content appears under its digest only by an atomic rename of
 * a complete, synced file (then the directory is synced), so a killed process leaves either the
 * whole blob or none of it.
 */
public final class FileBlobStore implements BlobStore {

    private static final int BUFFER = 256 * 1024;

    private final Path blobs;
    private final Path uploads;
    private final Path staging;
    /** Running sha256 of uploads, so that finishing one need not re-read it (lost on restart, then re-read). */
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    private record Running(MessageDigest digest, long length) {}

    public FileBlobStore(Path root) throws IOException {
        this.blobs = Files.createDirectories(root.resolve("blobs"));
        this.uploads = Files.createDirectories(root.resolve("uploads"));
        this.staging = Files.createDirectories(root.resolve("staging"));
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging)) {
            for (Path p : leftovers) Files.deleteIfExists(p); // never acknowledged: a crash interrupted them
        }
    }

    private Path pathOf(String digest) {
        String hex = Digests.hex(digest);
        return blobs.resolve(Digests.algorithm(digest)).resolve(hex.substring(0, 2)).resolve(hex);
    }

    private Path uploadPath(String id) {
        return uploads.resolve(UUID.fromString(id).toString());
    }

    @Override
    public Optional<Long> size(String digest) throws IOException {
        Path p = pathOf(digest);
        return Files.exists(p) ? Optional.of(Files.size(p)) : Optional.empty();
    }

    @Override
    public InputStream open(String digest, long offset) throws IOException {
        FileChannel channel = FileChannel.open(pathOf(digest), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public Staged stage(InputStream data, long maxBytes) throws IOException {
        Path file = staging.resolve(UUID.randomUUID().toString());
        MessageDigest sha = Digests.sha256();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = copy(data, out, sha, maxBytes);
            out.force(true);
            return new Staged(file.toString(), Digests.of(sha), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    @Override
    public void createUpload(String uploadId) throws IOException {
        Path p = uploadPath(uploadId);
        Files.createFile(p);
        syncDirectory(uploads);
        running.put(uploadId, new Running(Digests.sha256(), 0));
    }

    @Override
    public long append(String uploadId, long offset, InputStream data) throws IOException {
        Path p = uploadPath(uploadId);
        if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
        try (FileChannel out = FileChannel.open(p, StandardOpenOption.WRITE)) {
            if (out.size() > offset) out.truncate(offset); // bytes of an unacknowledged write
            out.position(offset);
            Running r = running.remove(uploadId);
            MessageDigest sha = r != null && r.length() == offset ? r.digest() : null;
            long written = copy(data, out, sha, Long.MAX_VALUE);
            out.force(true);
            if (sha != null) running.put(uploadId, new Running(sha, offset + written));
            return offset + written;
        }
    }

    @Override
    public Staged finishUpload(String uploadId, long length) throws IOException {
        Path p = uploadPath(uploadId);
        Running r = running.remove(uploadId);
        String digest;
        if (r != null && r.length() == length && Files.size(p) == length) {
            digest = Digests.of(r.digest());
        } else { // after a restart, or an interrupted write: hash what the session acknowledged
            try (FileChannel in = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                if (in.size() > length) in.truncate(length);
                in.force(true);
                in.position(0);
                MessageDigest sha = Digests.sha256();
                copy(Channels.newInputStream(in), null, sha, Long.MAX_VALUE);
                digest = Digests.of(sha);
            }
        }
        return new Staged(p.toString(), digest, length); // published by renaming the upload's own file
    }

    @Override
    public void publish(Staged staged) throws IOException {
        Path target = pathOf(staged.digest());
        Path source = Path.of(staged.handle());
        if (Files.exists(target) && Files.size(target) == staged.size()) {
            Files.deleteIfExists(source); // stored once: the same content is already there
            return;
        }
        Files.createDirectories(target.getParent());
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    @Override
    public void discard(Staged staged) throws IOException {
        Files.deleteIfExists(Path.of(staged.handle()));
    }

    @Override
    public void deleteUpload(String uploadId) throws IOException {
        running.remove(uploadId);
        Files.deleteIfExists(uploadPath(uploadId));
    }

    @Override
    public void delete(String digest) throws IOException {
        Files.deleteIfExists(pathOf(digest));
    }

    @Override
    public Set<String> uploadIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploads)) {
            for (Path p : files) ids.add(p.getFileName().toString());
        }
        return ids;
    }

    private static long copy(InputStream in, FileChannel out, MessageDigest sha, long max) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) throw new TooLarge(max);
            if (sha != null) sha.update(buffer, 0, n);
            if (out != null) {
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                while (b.hasRemaining()) out.write(b);
            }
        }
        return total;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is still atomic
        }
    }
}
