package dev.cerulean.store.jdbc;

import dev.cerulean.store.ResourceQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SELECT for one {@link ResourceQuery}: a condition per non-null filter, ordered by key,
 * starting after the cursor, and asking for one row more than the page so the caller knows
 * whether another page follows.
 */
record ResourceListing(String sql, List<Object> parameters) {

    static ResourceListing of(ResourceQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(JdbcResourceStore.COLUMNS)
                .append(" FROM resources WHERE subscription_id = ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(query.subscriptionId());
        if (query.resourceGroup() != null) {
            sql.append(" AND resource_group = ?");
            parameters.add(query.resourceGroup());
        }
        if (query.typeKey() != null) {
            sql.append(" AND type_key = ?");
            parameters.add(query.typeKey());
        }
        if (query.parentKey() != null) {
            sql.append(" AND parent_key = ?");
            parameters.add(query.parentKey());
        }
        if (query.trackedOnly()) {
            sql.append(" AND tracked = ?");
            parameters.add(Boolean.TRUE);
        }
        if (query.afterKey() != null) {
            sql.append(" AND key > ?");
            parameters.add(query.afterKey());
        }
        sql.append(" ORDER BY key LIMIT ?");
        parameters.add(query.limit() + 1L);
        return new ResourceListing(sql.toString(), List.copyOf(parameters));
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(i + 1, flag);
            } else {
                statement.setLong(i + 1, (Long) value);
            }
        }
    }
}
