package dev.cerulean.server.providers.containerregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** AES-256-GCM sealing of admin passwords with a key kept in a file of its own. */
class SecretSealerTest {

    private static final String CONTEXT = "/subscriptions/s/resourcegroups/rg/providers/microsoft.containerregistry/registries/r#password";

    private final SecretSealer sealer = SecretSealer.fromKey(randomKey());

    private static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void opensWhatItSealed() {
        assertThat(sealer.open(sealer.seal("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ9", CONTEXT), CONTEXT))
                .isEqualTo("SgnwGJ6aiW+/lKQnKWIX1LdqFN18QqQ9");
    }

    @Test
    void everySealUsesAFreshNonce() {
        assertThat(sealer.seal("same", CONTEXT)).isNotEqualTo(sealer.seal("same", CONTEXT));
    }

    @Test
    void theSealedValueDoesNotContainThePlaintext() {
        assertThat(sealer.seal("plainpassword", CONTEXT)).doesNotContain("plainpassword");
    }

    @Test
    void anAlteredValueFailsToOpen() {
        byte[] raw = Base64.getDecoder().decode(sealer.seal("secret", CONTEXT));
        raw[raw.length - 5] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> sealer.open(tampered, CONTEXT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aValueMovedToAnotherOwnerFailsToOpen() {
        String sealed = sealer.seal("secret", CONTEXT);
        assertThatThrownBy(() -> sealer.open(sealed, CONTEXT + "2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotOpen() {
        String sealed = sealer.seal("secret", CONTEXT);
        assertThatThrownBy(() -> SecretSealer.fromKey(randomKey()).open(sealed, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void garbageFailsToOpen() {
        assertThatThrownBy(() -> sealer.open("not base64!", CONTEXT)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open("AAAA", CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadOrCreateWritesAThirtyTwoByteOwnerOnlyKeyAndReadsItBack(@TempDir Path dataDir) throws Exception {
        Path keyFile = SecretSealer.keyFile(dataDir);
        assertThat(keyFile).isEqualTo(dataDir.resolve("keys/secrets.key"));
        String sealed = SecretSealer.loadOrCreate(keyFile).seal("secret", CONTEXT);
        assertThat(Files.size(keyFile)).isEqualTo(32);
        assertThat(SecretSealer.loadOrCreate(keyFile).open(sealed, CONTEXT)).isEqualTo("secret");
        assertThat(Files.list(keyFile.getParent())).containsExactly(keyFile);
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aKeyFileOfTheWrongLengthIsRefused(@TempDir Path dataDir) throws Exception {
        Path keyFile = dataDir.resolve("secrets.key");
        Files.write(keyFile, new byte[16]);
        assertThatThrownBy(() -> SecretSealer.loadOrCreate(keyFile)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
