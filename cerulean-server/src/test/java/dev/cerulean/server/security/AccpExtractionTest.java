package dev.cerulean.server.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccpExtractionTest {

    @TempDir Path cache;
    private String saved;

    @BeforeEach
    void clear() {
        saved = System.clearProperty(AccpExtraction.TEMP_DIR);
    }

    @AfterEach
    void restore() {
        System.clearProperty(AccpExtraction.TEMP_DIR);
        if (saved != null) System.setProperty(AccpExtraction.TEMP_DIR, saved);
    }

    @Test
    void unpacksUnderTheCacheAndRemovesOnlyWhatStoppedProcessesLeftLongAgo() throws Exception {
        Path dir = cache.resolve("accp");
        Path old = leftover(dir, "amazonCorrettoCryptoProviderNativeLibraries.0123456789abcdef",
                Instant.now().minus(AccpExtraction.STALE).minusSeconds(60));
        Path recent = leftover(dir, "amazonCorrettoCryptoProviderNativeLibraries.fedcba9876543210", Instant.now());
        Path other = leftover(dir, "not-accp", Instant.now().minus(AccpExtraction.STALE).minusSeconds(60));

        AccpExtraction.into(dir);

        assertThat(System.getProperty(AccpExtraction.TEMP_DIR)).isEqualTo(dir.toString());
        assertThat(old).doesNotExist();
        assertThat(recent).as("a process may still be unpacking there").isDirectory();
        assertThat(other).as("not ACCP's").isDirectory();
    }

    @Test
    void aDirectoryTheUserChoseIsKept() {
        System.setProperty(AccpExtraction.TEMP_DIR, "/var/tmp/mine");
        AccpExtraction.into(cache.resolve("accp"));
        assertThat(System.getProperty(AccpExtraction.TEMP_DIR)).isEqualTo("/var/tmp/mine");
        assertThat(cache.resolve("accp")).doesNotExist();
    }

    private static Path leftover(Path dir, String name, Instant modified) throws Exception {
        Path leftover = Files.createDirectories(dir.resolve(name));
        Files.write(leftover.resolve("libamazonCorrettoCryptoProvider.so"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(leftover, FileTime.from(modified));
        return leftover;
    }
}
