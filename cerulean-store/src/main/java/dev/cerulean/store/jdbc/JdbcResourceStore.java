package dev.cerulean.store.jdbc;

import dev.cerulean.store.Page;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ARM resources in the {@code resources} table. Each conditional write is one statement, so the
 * database settles races: insert-or-nothing for create, update-where-etag for replace.
 */
final class JdbcResourceStore implements ResourceStore {

    static final String COLUMNS = "key, id, subscription_id, resource_group, type_key, parent_key, name, "
            + "location, tracked, body, etag, created_at, changed_at";
    private static final String INSERT = "INSERT INTO resources (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM resources WHERE key = ?";
    private static final String UPSERT = INSERT + " ON CONFLICT (key) DO UPDATE SET id = excluded.id, "
            + "subscription_id = excluded.subscription_id, resource_group = excluded.resource_group, "
            + "type_key = excluded.type_key, parent_key = excluded.parent_key, name = excluded.name, "
            + "location = excluded.location, tracked = excluded.tracked, body = excluded.body, "
            + "etag = excluded.etag, created_at = excluded.created_at, changed_at = excluded.changed_at";
    private static final String INSERT_IF_ABSENT = INSERT + " ON CONFLICT (key) DO NOTHING";
    private static final String UPDATE_IF_ETAG = "UPDATE resources SET id = ?, subscription_id = ?, "
            + "resource_group = ?, type_key = ?, parent_key = ?, name = ?, location = ?, tracked = ?, body = ?, "
            + "etag = ?, created_at = ?, changed_at = ? WHERE key = ? AND etag = ?";
    private static final String DELETE = "DELETE FROM resources WHERE key = ?";
    private static final String DELETE_IF_ETAG = DELETE + " AND etag = ?";
    private static final String DELETE_TREE = "DELETE FROM resources WHERE key = ? OR (key >= ? AND key < ?)";

    private final JdbcTransactions db;
    /** Rows by key, weighed by body length; off where another process may write the database ({@link Dialect#cachesRows}). */
    private final CommittedReads<Optional<ResourceRecord>> cache;

    /** @param cacheReads keep rows in memory: 10,000 at most, 8 M body characters in all */
    JdbcResourceStore(JdbcTransactions db, boolean cacheReads) {
        this.db = db;
        this.cache = cacheReads ? CommittedReads.standard(10_000, 8L << 20,
                row -> row.map(ResourceRecord::bodySize).orElse(0L)) : CommittedReads.off();
    }

    @Override
    public Optional<ResourceRecord> get(String key) {
        return db.readCommitted(cache, key, () -> select(key));
    }

    private Optional<ResourceRecord> select(String key) {
        return db.withConnection("get resource", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(read(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean put(ResourceRecord record, WriteCondition condition) {
        return forgetting(record.key(), false, () -> db.withConnection("put resource", connection -> {
            if (condition instanceof WriteCondition.EtagMatches match) {
                try (PreparedStatement statement = connection.prepareStatement(UPDATE_IF_ETAG)) {
                    bindValues(statement, 1, record);
                    statement.setString(13, record.key());
                    statement.setString(14, match.etag());
                    return statement.executeUpdate() == 1;
                }
            }
            String sql = condition instanceof WriteCondition.Absent ? INSERT_IF_ABSENT : UPSERT;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, record.key());
                bindValues(statement, 2, record);
                return statement.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public boolean delete(String key, WriteCondition condition) {
        if (condition instanceof WriteCondition.Absent) {
            // "delete only if there is nothing to delete" is a caller's mistake, not a no-op to hide
            throw new IllegalArgumentException("ABSENT is not a delete condition");
        }
        return forgetting(key, false, () -> db.withConnection("delete resource", connection -> {
            boolean byEtag = condition instanceof WriteCondition.EtagMatches;
            try (PreparedStatement statement = connection.prepareStatement(byEtag ? DELETE_IF_ETAG : DELETE)) {
                statement.setString(1, key);
                if (byEtag) {
                    statement.setString(2, ((WriteCondition.EtagMatches) condition).etag());
                }
                return statement.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public int deleteTree(String key) {
        KeySubtree below = KeySubtree.below(key);
        return forgetting(key, true, () -> db.withConnection("delete resource tree", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE_TREE)) {
                statement.setString(1, key);
                statement.setString(2, below.from());
                statement.setString(3, below.before());
                return statement.executeUpdate();
            }
        }));
    }

    @Override
    public Page<ResourceRecord> list(ResourceQuery query) {
        if (query.subscriptionId() == null) {
            throw new IllegalArgumentException("a resource query needs a subscription id");
        }
        if (query.limit() < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + query.limit());
        }
        ResourceListing listing = ResourceListing.of(query);
        return db.withConnection("list resources", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(listing.sql())) {
                listing.bind(statement);
                List<ResourceRecord> items = new ArrayList<>();
                boolean more = false;
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        if (items.size() == query.limit()) {
                            more = true; // the one extra row asked for: another page follows
                            break;
                        }
                        items.add(read(row));
                    }
                }
                return new Page<>(items, more ? items.get(items.size() - 1).key() : null);
            }
        });
    }

    private <T> T forgetting(String key, boolean tree, Supplier<T> write) {
        String below = key + "/";
        return db.thenForget(tree ? () -> cache.forgetIf(k -> k.equals(key) || k.startsWith(below))
                : () -> cache.forget(key), write);
    }

    /** Binds the twelve columns after {@code key}, in {@link #COLUMNS} order, from parameter {@code first}. */
    private static void bindValues(PreparedStatement statement, int first, ResourceRecord record) throws SQLException {
        int i = first;
        statement.setString(i++, record.id());
        statement.setString(i++, record.subscriptionId());
        statement.setString(i++, record.resourceGroup());
        statement.setString(i++, record.typeKey());
        statement.setString(i++, record.parentKey());
        statement.setString(i++, record.name());
        statement.setString(i++, record.location());
        statement.setBoolean(i++, record.tracked());
        statement.setString(i++, record.body());
        statement.setString(i++, record.etag());
        EpochMillis.bind(statement, i++, record.createdAt());
        EpochMillis.bind(statement, i, record.changedAt());
    }

    /** Reads a row selected with {@link #COLUMNS}, by position (the hot path of every ARM GET). */
    static ResourceRecord read(ResultSet row) throws SQLException {
        // the body as the driver's UTF-8 bytes (TEXT on both databases): a list writes them out as they are
        return ResourceRecord.stored(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBoolean(9), row.getBytes(10),
                row.getString(11), EpochMillis.read(row, 12), EpochMillis.read(row, 13));
    }
}
