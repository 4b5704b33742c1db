package dev.cerulean.store.jdbc;

import dev.cerulean.store.OperationRecord;
import dev.cerulean.store.OperationStore;
import dev.cerulean.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Long-running operations in the {@code operations} table. Polls race to advance an operation;
 * {@link #update} is a compare-and-set on (status, polls_left) so exactly one poll wins each step.
 */
final class JdbcOperationStore implements OperationStore {

    private static final String COLUMNS =
            "id, resource_key, kind, status, polls_left, result, error, started_at, ended_at";
    private static final String INSERT = "INSERT INTO operations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM operations WHERE id = ?";
    private static final String UPDATE_IF_STATE = "UPDATE operations SET resource_key = ?, kind = ?, status = ?, "
            + "polls_left = ?, result = ?, error = ?, started_at = ?, ended_at = ? "
            + "WHERE id = ? AND status = ? AND polls_left = ?";

    private final JdbcTransactions db;
    private final Dialect dialect;

    JdbcOperationStore(JdbcTransactions db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    @Override
    public void create(OperationRecord operation) {
        db.withConnection("create operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, operation.id());
                bindValues(statement, 2, operation);
                return statement.executeUpdate();
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    // operation ids are fresh GUIDs: a duplicate is a bug, not a client error
                    throw new StoreException("operation " + operation.id() + " already exists", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<OperationRecord> get(String id) {
        return db.withConnection("get operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                statement.setString(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean update(OperationRecord operation, String expectedStatus, int expectedPollsLeft) {
        return db.withConnection("update operation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(UPDATE_IF_STATE)) {
                bindValues(statement, 1, operation);
                statement.setString(9, operation.id());
                statement.setString(10, expectedStatus);
                statement.setInt(11, expectedPollsLeft);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Binds the eight columns after {@code id}, from parameter {@code first}. */
    private static void bindValues(PreparedStatement statement, int first, OperationRecord operation)
            throws SQLException {
        int i = first;
        statement.setString(i++, operation.resourceKey());
        statement.setString(i++, operation.kind());
        statement.setString(i++, operation.status());
        statement.setInt(i++, operation.pollsLeft());
        statement.setString(i++, operation.result());
        statement.setString(i++, operation.error());
        EpochMillis.bind(statement, i++, operation.startedAt());
        EpochMillis.bind(statement, i, operation.endedAt());
    }

    private static OperationRecord read(ResultSet row) throws SQLException {
        return new OperationRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getInt(5), row.getString(6), row.getString(7), EpochMillis.read(row, 8), EpochMillis.read(row, 9));
    }
}
