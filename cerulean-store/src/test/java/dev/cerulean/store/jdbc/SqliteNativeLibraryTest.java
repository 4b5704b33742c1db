package dev.cerulean.store.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteNativeLibraryTest {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    @TempDir Path cache;
    private String savedPath;
    private String savedName;
    private String savedTemp;

    @BeforeEach
    void clearProperties() {
        savedPath = System.clearProperty(PATH);
        savedName = System.clearProperty(NAME);
        savedTemp = System.clearProperty(SqliteNativeLibrary.TEMP_DIR);
    }

    @AfterEach
    void restoreProperties() {
        System.clearProperty(PATH);
        System.clearProperty(NAME);
        System.clearProperty(SqliteNativeLibrary.TEMP_DIR);
        if (savedTemp != null) System.setProperty(SqliteNativeLibrary.TEMP_DIR, savedTemp);
        if (savedPath != null) System.setProperty(PATH, savedPath);
        if (savedName != null) System.setProperty(NAME, savedName);
    }

    @Test
    void theFirstStartDetectsAndRemembersAndLaterStartsTakeTheIndexsWord() throws Exception {
        SqliteNativeLibrary.cacheIn(cache);
        Path library = Path.of(System.getProperty(PATH)).resolve(System.getProperty(NAME));
        assertThat(library).isRegularFile().startsWith(cache);
        assertThat(System.getProperty(SqliteNativeLibrary.TEMP_DIR)).as("the stale-copy sweep lists the cache folder, not /tmp")
                .isEqualTo(System.getProperty(PATH));
        List<String> index = Files.readAllLines(cache.resolve(SqliteNativeLibrary.INDEX));
        assertThat(index).hasSize(2);
        assertThat(index.get(0)).isEqualTo(SqliteNativeLibrary.platformKey());
        assertThat(index.get(1)).endsWith("/" + System.getProperty(NAME));

        // a later start takes the index's word: shown with another architecture's library, which
        // detection would never choose here
        String other = library.toString().contains("x86_64") ? "aarch64" : "x86_64";
        Files.writeString(cache.resolve(SqliteNativeLibrary.INDEX),
                SqliteNativeLibrary.platformKey() + "\n/org/sqlite/native/Linux/" + other + "/libsqlitejdbc.so\n");
        System.clearProperty(PATH);
        System.clearProperty(NAME);
        SqliteNativeLibrary.cacheIn(cache);
        assertThat(System.getProperty(PATH)).endsWith("-org-sqlite-native-Linux-" + other);
        assertThat(Path.of(System.getProperty(PATH)).resolve(System.getProperty(NAME))).isRegularFile();
    }

    @Test
    void aTempDirectoryTheUserChoseIsKept() {
        System.setProperty(SqliteNativeLibrary.TEMP_DIR, "/var/tmp/mine");
        SqliteNativeLibrary.cacheIn(cache);
        assertThat(System.getProperty(PATH)).startsWith(cache.toString());
        assertThat(System.getProperty(SqliteNativeLibrary.TEMP_DIR)).isEqualTo("/var/tmp/mine");
    }

    @Test
    void anIndexNamingALibraryTheJarDoesNotHoldIsDetectedAgain() throws Exception {
        Files.writeString(cache.resolve(SqliteNativeLibrary.INDEX),
                SqliteNativeLibrary.platformKey() + "\n/org/sqlite/native/Nowhere/none/libsqlitejdbc.so\n");
        SqliteNativeLibrary.cacheIn(cache);
        assertThat(Path.of(System.getProperty(PATH)).resolve(System.getProperty(NAME))).isRegularFile();
        assertThat(Files.readAllLines(cache.resolve(SqliteNativeLibrary.INDEX)).get(1)).doesNotContain("Nowhere");
    }

    @Test
    void anIndexOfAnotherPlatformIsNotTrusted() throws Exception {
        Path index = cache.resolve(SqliteNativeLibrary.INDEX);
        Files.writeString(index, "Plan9|mips|android=false|termux=false|musl=false\n/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so\n");
        assertThat(SqliteNativeLibrary.remembered(index, SqliteNativeLibrary.platformKey())).isNull();
        assertThat(SqliteNativeLibrary.remembered(cache.resolve("missing"), "any")).isNull();
        Files.writeString(index, "k\nrelative/path.so\n");
        assertThat(SqliteNativeLibrary.remembered(index, "k")).isNull();
        Files.writeString(index, "k\n/abs/path.so\n");
        assertThat(SqliteNativeLibrary.remembered(index, "k")).as("only sqlite-jdbc's own libraries").isNull();
        Files.writeString(index, "k\n/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so\n");
        assertThat(SqliteNativeLibrary.remembered(index, "k")).isEqualTo("/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
    }
}
