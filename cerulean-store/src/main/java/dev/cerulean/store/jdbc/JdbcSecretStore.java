package dev.cerulean.store.jdbc;

import dev.cerulean.store.SecretRecord;
import dev.cerulean.store.SecretStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resource credentials (hashes and sealed values, never plain secrets) in the {@code secrets} table. */
final class JdbcSecretStore implements SecretStore {

    private static final String COLUMNS = "owner_key, name, kind, value, created_at, expires_at";
    private static final String UPSERT = "INSERT INTO secrets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (owner_key, name) DO UPDATE SET kind = excluded.kind, value = excluded.value, "
            + "created_at = excluded.created_at, expires_at = excluded.expires_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM secrets WHERE owner_key = ? AND name = ?";
    private static final String SELECT_OWNER = "SELECT " + COLUMNS + " FROM secrets WHERE owner_key = ? ORDER BY name";
    private static final String DELETE = "DELETE FROM secrets WHERE owner_key = ? AND name = ?";
    private static final String DELETE_TREE =
            "DELETE FROM secrets WHERE owner_key = ? OR (owner_key >= ? AND owner_key < ?)";

    private final JdbcTransactions db;

    JdbcSecretStore(JdbcTransactions db) {
        this.db = db;
    }

    @Override
    public void put(SecretRecord secret) {
        db.withConnection("put secret", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
                statement.setString(1, secret.ownerKey());
                statement.setString(2, secret.name());
                statement.setString(3, secret.kind());
                statement.setString(4, secret.value());
                EpochMillis.bind(statement, 5, secret.createdAt());
                EpochMillis.bind(statement, 6, secret.expiresAt());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SecretRecord> get(String ownerKey, String name) {
        return db.withConnection("get secret", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                statement.setString(1, ownerKey);
                statement.setString(2, name);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<SecretRecord> list(String ownerKey) {
        return db.withConnection("list secrets", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_OWNER)) {
                statement.setString(1, ownerKey);
                try (ResultSet row = statement.executeQuery()) {
                    List<SecretRecord> secrets = new ArrayList<>();
                    while (row.next()) {
                        secrets.add(read(row));
                    }
                    return secrets;
                }
            }
        });
    }

    @Override
    public boolean delete(String ownerKey, String name) {
        return db.withConnection("delete secret", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                statement.setString(1, ownerKey);
                statement.setString(2, name);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int deleteTree(String ownerKey) {
        KeySubtree below = KeySubtree.below(ownerKey);
        return db.withConnection("delete secret tree", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE_TREE)) {
                statement.setString(1, ownerKey);
                statement.setString(2, below.from());
                statement.setString(3, below.before());
                return statement.executeUpdate();
            }
        });
    }

    private static SecretRecord read(ResultSet row) throws SQLException {
        return new SecretRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                EpochMillis.read(row, 5), EpochMillis.read(row, 6));
    }
}
