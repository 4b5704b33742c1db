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
 * One-statement helpers for stores with many small queries: binds plain values (strings, longs,
 * booleans, instants as epoch milliseconds, null as a text NULL) and maps rows.
 */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final JdbcTransactions db;

    Sql(JdbcTransactions db) {
        this.db = db;
    }

    int update(String what, String statement, Object... args) {
        return db.withConnection(what, connection -> {
            try (PreparedStatement s = connection.prepareStatement(statement)) {
                bind(s, args);
                return s.executeUpdate();
            }
        });
    }

    <T> List<T> list(String what, String query, RowMapper<T> mapper, Object... args) {
        return db.withConnection(what, connection -> {
            try (PreparedStatement s = connection.prepareStatement(query)) {
                bind(s, args);
                try (ResultSet row = s.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (row.next()) out.add(mapper.map(row));
                    return out;
                }
            }
        });
    }

    <T> Optional<T> one(String what, String query, RowMapper<T> mapper, Object... args) {
        List<T> rows = list(what, query, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            int index = i + 1;
            if (a == null) s.setNull(index, Types.VARCHAR);
            else if (a instanceof String v) s.setString(index, v);
            else if (a instanceof Long v) s.setLong(index, v);
            else if (a instanceof Integer v) s.setLong(index, v);
            else if (a instanceof Boolean v) s.setBoolean(index, v);
            else if (a instanceof Instant v) EpochMillis.bind(s, index, v);
            else throw new IllegalArgumentException("cannot bind " + a.getClass());
        }
    }
}
