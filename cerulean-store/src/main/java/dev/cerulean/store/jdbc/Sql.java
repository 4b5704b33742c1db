package dev.cerulean.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One-statement queries and updates with positional arguments, for stores whose statements are all
 * simple: a {@link String}, a {@link Long}, {@link Integer} or {@link Boolean}, an {@link Instant} (as
 * epoch milliseconds, see {@link EpochMillis}), null or {@link #NO_TEXT} for a text NULL, {@link #NO_TIME}
 * for a time NULL.
 */
final class Sql {

    /** SQL NULL for a text column. */
    static final Object NO_TEXT = new Object();
    /** SQL NULL for a BIGINT time column. */
    static final Object NO_TIME = new Object();

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final JdbcTransactions db;

    Sql(JdbcTransactions db) {
        this.db = db;
    }

    static Object text(String value) {
        return value == null ? NO_TEXT : value;
    }

    static Object time(Instant value) {
        return value == null ? NO_TIME : value;
    }

    int update(String what, String sql, Object... args) {
        return db.withConnection(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, args);
                return statement.executeUpdate();
            }
        });
    }

    <T> List<T> list(String what, String sql, RowReader<T> reader, Object... args) {
        return db.withConnection(what, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, args);
                try (ResultSet row = statement.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (row.next()) {
                        out.add(reader.read(row));
                    }
                    return out;
                }
            }
        });
    }

    <T> Optional<T> one(String what, String sql, RowReader<T> reader, Object... args) {
        List<T> rows = list(what, sql, reader, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof String s) {
                statement.setString(i + 1, s);
            } else if (arg instanceof Instant instant) {
                EpochMillis.bind(statement, i + 1, instant);
            } else if (arg == NO_TEXT) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (arg == NO_TIME) {
                statement.setNull(i + 1, Types.BIGINT);
            } else if (arg == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (arg instanceof Long || arg instanceof Integer) {
                statement.setLong(i + 1, ((Number) arg).longValue());
            } else if (arg instanceof Boolean b) {
                statement.setBoolean(i + 1, b);
            } else {
                throw new IllegalArgumentException("unsupported SQL argument type: " + arg);
            }
        }
    }
}
