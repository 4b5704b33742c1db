package dev.cerulean.store.jdbc;

import dev.cerulean.store.KeyValueStore;
import dev.cerulean.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Shared named values in the {@code kv} table. {@link #putIfAbsent} lets the first of several
 * starting servers decide a value (the token-signing key) and every other adopt it.
 */
final class JdbcKeyValueStore implements KeyValueStore {

    private static final String SELECT = "SELECT value FROM kv WHERE name = ?";
    private static final String INSERT_IF_ABSENT = "INSERT INTO kv (name, value) VALUES (?, ?) "
            + "ON CONFLICT (name) DO NOTHING";
    private static final String UPSERT = "INSERT INTO kv (name, value) VALUES (?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    private final JdbcTransactions db;

    JdbcKeyValueStore(JdbcTransactions db) {
        this.db = db;
    }

    @Override
    public Optional<String> get(String name) {
        return db.withConnection("get value", connection -> Optional.ofNullable(select(connection, name)));
    }

    @Override
    public String putIfAbsent(String name, String value) {
        return db.withConnection("put value if absent", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_IF_ABSENT)) {
                statement.setString(1, name);
                statement.setString(2, value);
                if (statement.executeUpdate() == 1) {
                    return value;
                }
            }
            // Another caller's insert won (the conflict check waited for it to commit); adopt it.
            String stored = select(connection, name);
            if (stored == null) {
                throw new StoreException("value " + name + " vanished while being read", null);
            }
            return stored;
        });
    }

    @Override
    public void put(String name, String value) {
        db.withConnection("put value", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setString(1, name);
                statement.setString(2, value);
                return statement.executeUpdate();
            }
        });
    }

    private static String select(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
