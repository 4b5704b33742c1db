package dev.cerulean.store.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Which database {@link JdbcStores#open(StoreSettings)} opens. */
public sealed interface StoreSettings {

    /** The file name of the SQLite database inside the server's data directory. */
    String DATABASE_FILE = "cerulean.db";

    /** A SQLite database in {@code file}, created (with its directory) if missing. */
    record SqliteFile(Path file) implements StoreSettings {
        public SqliteFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return "sqlite file " + file.toAbsolutePath();
        }
    }

    /** A private SQLite database in memory, gone when the stores are closed. */
    record SqliteInMemory() implements StoreSettings {
        @Override
        public String describe() {
            return "sqlite in memory";
        }
    }

    /**
     * A PostgreSQL database: {@code jdbc:postgresql://host:port/db?user=..&password=..}, or
     * {@code postgresql://user:pass@host:port/db} / {@code postgres://...}.
     */
    record Postgres(String url) implements StoreSettings {
        public Postgres {
            PostgresUrl.parse(url); // fail here, at configuration time, on a malformed URL
        }

        @Override
        public String describe() {
            return "postgresql " + PostgresUrl.parse(url).redacted();
        }

        /** Never prints the URL, which may carry a password. */
        @Override
        public String toString() {
            return "Postgres[" + PostgresUrl.parse(url).redacted() + "]";
        }
    }

    /** Where the data lives, without credentials, for logs. */
    String describe();

    static StoreSettings sqliteFile(Path file) {
        return new SqliteFile(file);
    }

    static StoreSettings inMemory() {
        return new SqliteInMemory();
    }

    static StoreSettings postgres(String url) {
        return new Postgres(url);
    }

    /**
     * A database named by URL: a PostgreSQL URL in any accepted form, or {@code jdbc:sqlite:<path>}
     * (or {@code jdbc:sqlite::memory:}).
     */
    static StoreSettings fromUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (PostgresUrl.accepts(url)) {
            return new Postgres(url);
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")) {
            String path = url.substring("jdbc:sqlite:".length());
            return path.equals(":memory:") ? new SqliteInMemory() : new SqliteFile(Path.of(path));
        }
        throw new IllegalArgumentException("unsupported database URL: expected jdbc:postgresql://, "
                + "postgresql://, postgres:// or jdbc:sqlite:");
    }

    /**
     * The server's choice: the database URL when one is given, else memory when asked, else
     * {@value #DATABASE_FILE} in the data directory.
     */
    static StoreSettings forServer(String databaseUrl, boolean inMemory, Path dataDir) {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return fromUrl(databaseUrl.trim());
        }
        return inMemory ? new SqliteInMemory() : new SqliteFile(dataDir.resolve(DATABASE_FILE));
    }
}
