package dev.cerulean.store.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up fast path trusts {@link JdbcStores#SCHEMA_VERSION}; it must name the newest script. */
class SchemaVersionTest {

    @Test
    void schemaVersionIsTheNewestMigration() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getResource("/db/migration").toURI());
        Pattern version = Pattern.compile("^V(\\d+)__.*\\.sql$");
        int newest = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = version.matcher(p.getFileName().toString());
                if (m.matches()) newest = Math.max(newest, Integer.parseInt(m.group(1)));
            }
        }
        assertThat(JdbcStores.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
    }
}
