package dev.cerulean.server.registry.storage;

import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.RegistryRecords.Upload;
import dev.cerulean.store.RegistryStore;
import dev.cerulean.store.Transactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where bytes and metadata meet: publishing staged content and recording it (row only after the
 * bytes are durable), and garbage collection. Publishing and collecting one digest never overlap
 * (a lock per digest stripe), so a blob row always has its bytes: GC deletes the row, then the
 * bytes; a commit of the same digest waits, then publishes afresh.
 */
public final class RegistryContent {

    private static final int STRIPES = 64;

    private final RegistryStore store;
    private final Transactions transactions;
    private final BlobStore blobs;
    private final Clock clock;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    /** What a GC run removed. */
    public record Collected(int links, int blobs, long bytes, int uploads) {}

    public RegistryContent(RegistryStore store, Transactions transactions, BlobStore blobs, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.blobs = blobs;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    public RegistryStore store() {
        return store;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Instant now() {
        return clock.instant();
    }

    private ReentrantLock lockOf(String digest) {
        return locks[Math.floorMod(digest.hashCode(), STRIPES)];
    }

    /**
     * Publishes {@code staged} (already checked against the digest the client named) and, in one
     * transaction, records the blob and runs {@code record} (links, manifest rows, tags, session end).
     */
    public Blob commit(BlobStore.Staged staged, Runnable record) throws IOException {
        ReentrantLock lock = lockOf(staged.digest());
        lock.lock();
        try {
            Optional<Blob> existing = store.blob(staged.digest());
            if (existing.isPresent()) blobs.discard(staged); // stored once
            else blobs.publish(staged);
            Blob blob = existing.orElse(new Blob(staged.digest(), staged.size(), clock.instant()));
            transactions.run(() -> {
                store.putBlob(blob);
                record.run();
            });
            return blob;
        } finally {
            lock.unlock();
        }
    }

    /**
     * One collection: links older than {@code grace} that no manifest names, then blobs older than
     * {@code grace} that nothing links or is, then upload sessions idle for {@code uploadIdle} and
     * staging areas without a session. Safe while pushes run: anything a push made in the last
     * {@code grace} is left alone.
     */
    public Collected collect(Duration grace, Duration uploadIdle) {
        Instant now = clock.instant();
        int links = store.unlinkUnreferenced(now.minus(grace));
        int blobCount = 0;
        long bytes = 0;
        for (Blob b : store.unreferencedBlobs(now.minus(grace), 10_000)) {
            ReentrantLock lock = lockOf(b.digest());
            lock.lock();
            try {
                if (store.deleteBlobIfUnreferenced(b.digest())) {
                    blobs.delete(b.digest());
                    blobCount++;
                    bytes += b.size();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.unlock();
            }
        }
        int uploads = 0;
        try {
            for (Upload u : store.staleUploads(now.minus(uploadIdle), 10_000)) {
                if (store.deleteUpload(u.id())) {
                    blobs.deleteUpload(u.id());
                    uploads++;
                }
            }
            // a session row is written before its staging area, so an area without a row is abandoned
            for (String id : blobs.uploadIds()) {
                if (store.upload(id).isEmpty()) {
                    blobs.deleteUpload(id);
                    uploads++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Collected(links, blobCount, bytes, uploads);
    }
}
