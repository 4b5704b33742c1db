package dev.cerulean.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Instants as BIGINT milliseconds since the epoch: the one timestamp form that SQLite and
 * PostgreSQL both store and return exactly, with no time-zone or driver conversion in between.
 * Anything finer than a millisecond is dropped.
 */
final class EpochMillis {

    private EpochMillis() {}

    static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    static Instant read(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
