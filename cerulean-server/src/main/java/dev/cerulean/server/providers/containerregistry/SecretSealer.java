package dev.cerulean.server.providers.containerregistry;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Encrypts secrets that must be shown again later (registry admin passwords, acr.md §1.9) before
 * they go into the database: AES-256-GCM, a fresh random 96-bit nonce per value, and the owner and
 * name of the secret as associated data, so a sealed value copied to another row fails to open.
 * The key lives in a file of its own (32 random bytes, mode 600), never in the database: a copy of
 * the database alone reveals no password. Thread-safe.
 */
public final class SecretSealer implements dev.cerulean.server.arm.spi.Sealer {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** First byte of every sealed value, so the format can change without guessing. */
    private static final byte FORMAT = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretSealer(byte[] key) {
        if (key.length != KEY_BYTES) throw new IllegalArgumentException("a sealing key has " + KEY_BYTES + " bytes");
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Where a server keeps its sealing key: {@code <dataDir>/keys/secrets.key}. */
    public static Path keyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("secrets.key");
    }

    /** A sealer over a key held elsewhere (tests, or a key provided by the operator). */
    public static SecretSealer fromKey(byte[] key) {
        return new SecretSealer(key);
    }

    /**
     * Reads the key from {@code keyFile} ({@code <dataDir>/keys/secrets.key}), creating it with 32
     * random bytes and owner-only permissions when absent. Creation is atomic: a concurrent starter
     * either creates the file or reads the one that won.
     */
    public static SecretSealer loadOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) create(keyFile);
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException("the key file " + keyFile + " must hold exactly " + KEY_BYTES + " bytes");
            }
            return new SecretSealer(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + keyFile, e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = keyFile.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            else Files.createDirectories(dir);
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, ".secrets", ".tmp", attrs);
        try {
            Files.write(tmp, key);
            try {
                Files.createLink(keyFile, tmp); // fails if another starter already created the file: no overwrite
            } catch (FileAlreadyExistsException lost) {
                // keep the winner's key
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (!Files.exists(keyFile)) Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Seals {@code plaintext}; {@code context} (e.g. owner key and secret name) must be given again to open it.
     * The result is base64 of format byte, nonce, ciphertext and tag.
     */
    public String seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(FORMAT).put(nonce).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a value sealed with the same key and context.
     *
     * @throws IllegalStateException when the value was altered, sealed under another key or context, or is malformed
     */
    public String open(String sealed, String context) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the sealed value is not base64");
        }
        if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != FORMAT) {
            throw new IllegalStateException("the sealed value has an unknown format");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the sealed value failed authentication (altered, or sealed under another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
