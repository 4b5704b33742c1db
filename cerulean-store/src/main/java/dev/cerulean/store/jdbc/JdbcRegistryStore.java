package dev.cerulean.store.jdbc;

import dev.cerulean.store.RegistryRecords.Attributes;
import dev.cerulean.store.RegistryRecords.Blob;
import dev.cerulean.store.RegistryRecords.Manifest;
import dev.cerulean.store.RegistryRecords.Repository;
import dev.cerulean.store.RegistryRecords.Tag;
import dev.cerulean.store.RegistryRecords.Upload;
import dev.cerulean.store.RegistryStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link RegistryStore} over the {@code registry_*} tables of migration V2. */
final class JdbcRegistryStore implements RegistryStore {

    private static final String UNREFERENCED = "NOT EXISTS (SELECT 1 FROM registry_blob_links l WHERE l.digest = b.digest)"
            + " AND NOT EXISTS (SELECT 1 FROM registry_manifests m WHERE m.digest = b.digest)";
    private static final String ATTRIBUTES = "delete_enabled, write_enabled, read_enabled, list_enabled";
    private static final String MANIFEST_COLUMNS = "registry_key, repository, digest, media_type, size, image_size, subject, "
            + "artifact_type, config_media_type, architecture, os, created_at, changed_at, " + ATTRIBUTES;
    private static final String TAG_COLUMNS = "registry_key, repository, name, digest, created_at, changed_at, " + ATTRIBUTES;
    private static final String UPLOAD_COLUMNS = "id, registry_key, repository, size, created_at, changed_at";

    private final JdbcTransactions db;
    private final Sql sql;

    JdbcRegistryStore(JdbcTransactions db) {
        this.db = db;
        this.sql = new Sql(db);
    }

    // ---- blobs

    @Override
    public Optional<Blob> blob(String digest) {
        return sql.one("get blob", "SELECT digest, size, created_at FROM registry_blobs WHERE digest = ?",
                JdbcRegistryStore::blobRow, digest);
    }

    @Override
    public void putBlob(Blob blob) {
        sql.update("put blob", "INSERT INTO registry_blobs (digest, size, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (digest) DO NOTHING", blob.digest(), blob.size(), blob.createdAt());
    }

    @Override
    public List<Blob> unreferencedBlobs(Instant before, int limit) {
        return sql.list("list unreferenced blobs", "SELECT digest, size, created_at FROM registry_blobs b WHERE created_at < ? AND "
                + UNREFERENCED + " ORDER BY digest LIMIT ?", JdbcRegistryStore::blobRow, before, (long) limit);
    }

    @Override
    public boolean deleteBlobIfUnreferenced(String digest) {
        return sql.update("delete blob", "DELETE FROM registry_blobs WHERE digest = ? AND digest IN "
                + "(SELECT b.digest FROM registry_blobs b WHERE b.digest = ? AND " + UNREFERENCED + ")", digest, digest) > 0;
    }

    @Override
    public long storedBytes(String registryKey) {
        return sql.one("stored bytes", "SELECT COALESCE(SUM(size), 0) FROM registry_blobs WHERE digest IN "
                        + "(SELECT digest FROM registry_blob_links WHERE registry_key = ? "
                        + "UNION SELECT digest FROM registry_manifests WHERE registry_key = ?)",
                row -> row.getLong(1), registryKey, registryKey).orElse(0L);
    }

    // ---- links

    @Override
    public boolean isLinked(String registryKey, String repository, String digest) {
        return sql.one("is linked", "SELECT 1 FROM registry_blob_links WHERE registry_key = ? AND repository = ? AND digest = ?",
                row -> true, registryKey, repository, digest).isPresent();
    }

    @Override
    public void link(String registryKey, String repository, String digest, Instant at) {
        sql.update("link blob", "INSERT INTO registry_blob_links (registry_key, repository, digest, created_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (registry_key, repository, digest) DO NOTHING", registryKey, repository, digest, at);
    }

    @Override
    public boolean unlink(String registryKey, String repository, String digest) {
        return sql.update("unlink blob", "DELETE FROM registry_blob_links WHERE registry_key = ? AND repository = ? AND digest = ?",
                registryKey, repository, digest) > 0;
    }

    @Override
    public int unlinkUnreferenced(Instant before) {
        return sql.update("unlink unreferenced", "DELETE FROM registry_blob_links WHERE created_at < ? AND NOT EXISTS "
                + "(SELECT 1 FROM registry_manifest_refs r WHERE r.registry_key = registry_blob_links.registry_key "
                + "AND r.repository = registry_blob_links.repository AND r.digest = registry_blob_links.digest)", before);
    }

    // ---- repositories

    @Override
    public Optional<Repository> repository(String registryKey, String name) {
        return sql.one("get repository", "SELECT registry_key, name, created_at, changed_at, " + ATTRIBUTES
                + " FROM registry_repositories WHERE registry_key = ? AND name = ?", JdbcRegistryStore::repositoryRow, registryKey, name);
    }

    @Override
    public Repository ensureRepository(String registryKey, String name, Instant at) {
        sql.update("create repository", "INSERT INTO registry_repositories (registry_key, name, created_at, changed_at, "
                + ATTRIBUTES + ") VALUES (?, ?, ?, ?, TRUE, TRUE, TRUE, TRUE) ON CONFLICT (registry_key, name) DO NOTHING",
                registryKey, name, at, at);
        return repository(registryKey, name).orElseThrow();
    }

    @Override
    public List<String> repositoryNames(String registryKey, String last, int limit) {
        return sql.list("list repositories", "SELECT name FROM registry_repositories WHERE registry_key = ? AND name > ? "
                + "ORDER BY name LIMIT ?", row -> row.getString(1), registryKey, last == null ? "" : last, (long) limit);
    }

    @Override
    public boolean updateRepository(String registryKey, String name, Attributes a, Instant at) {
        return sql.update("update repository", "UPDATE registry_repositories SET changed_at = ?, delete_enabled = ?, "
                        + "write_enabled = ?, read_enabled = ?, list_enabled = ? WHERE registry_key = ? AND name = ?",
                at, a.deleteEnabled(), a.writeEnabled(), a.readEnabled(), a.listEnabled(), registryKey, name) > 0;
    }

    @Override
    public boolean deleteRepository(String registryKey, String name) {
        return db.inTransaction(() -> {
            for (String table : List.of("registry_tags", "registry_manifest_refs", "registry_manifests", "registry_blob_links")) {
                sql.update("delete repository", "DELETE FROM " + table + " WHERE registry_key = ? AND repository = ?", registryKey, name);
            }
            return sql.update("delete repository", "DELETE FROM registry_repositories WHERE registry_key = ? AND name = ?",
                    registryKey, name) > 0;
        });
    }

    @Override
    public void deleteRegistry(String registryKey) {
        db.inTransaction(() -> {
            for (String table : List.of("registry_tags", "registry_manifest_refs", "registry_manifests", "registry_blob_links",
                    "registry_repositories", "registry_uploads")) {
                sql.update("delete registry content", "DELETE FROM " + table + " WHERE registry_key = ?", registryKey);
            }
            return null;
        });
    }

    // ---- manifests

    @Override
    public Optional<Manifest> manifest(String registryKey, String repository, String digest) {
        return sql.one("get manifest", "SELECT " + MANIFEST_COLUMNS + " FROM registry_manifests WHERE registry_key = ? "
                + "AND repository = ? AND digest = ?", JdbcRegistryStore::manifestRow, registryKey, repository, digest);
    }

    @Override
    public List<Manifest> manifests(String registryKey, String repository) {
        return sql.list("list manifests", "SELECT " + MANIFEST_COLUMNS + " FROM registry_manifests WHERE registry_key = ? "
                + "AND repository = ? ORDER BY digest", JdbcRegistryStore::manifestRow, registryKey, repository);
    }

    @Override
    public List<Manifest> referrers(String registryKey, String repository, String subjectDigest) {
        return sql.list("list referrers", "SELECT " + MANIFEST_COLUMNS + " FROM registry_manifests WHERE registry_key = ? "
                + "AND repository = ? AND subject = ? ORDER BY digest", JdbcRegistryStore::manifestRow, registryKey, repository, subjectDigest);
    }

    @Override
    public void putManifest(Manifest m, List<String> references) {
        db.inTransaction(() -> {
            Attributes a = m.attributes();
            sql.update("put manifest", "INSERT INTO registry_manifests (" + MANIFEST_COLUMNS + ") VALUES "
                            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (registry_key, repository, digest) "
                            + "DO UPDATE SET changed_at = excluded.changed_at",
                    m.registryKey(), m.repository(), m.digest(), m.mediaType(), m.size(), m.imageSize(), m.subject(),
                    m.artifactType(), m.configMediaType(), m.architecture(), m.os(), m.createdAt(), m.changedAt(),
                    a.deleteEnabled(), a.writeEnabled(), a.readEnabled(), a.listEnabled());
            for (String ref : references) {
                sql.update("put manifest reference", "INSERT INTO registry_manifest_refs (registry_key, repository, "
                        + "manifest_digest, digest) VALUES (?, ?, ?, ?) ON CONFLICT (registry_key, repository, manifest_digest, digest) "
                        + "DO NOTHING", m.registryKey(), m.repository(), m.digest(), ref);
            }
            return null;
        });
    }

    @Override
    public boolean updateManifest(String registryKey, String repository, String digest, Attributes a, Instant at) {
        return sql.update("update manifest", "UPDATE registry_manifests SET changed_at = ?, delete_enabled = ?, write_enabled = ?, "
                        + "read_enabled = ?, list_enabled = ? WHERE registry_key = ? AND repository = ? AND digest = ?",
                at, a.deleteEnabled(), a.writeEnabled(), a.readEnabled(), a.listEnabled(), registryKey, repository, digest) > 0;
    }

    @Override
    public List<String> references(String registryKey, String repository, String manifestDigest) {
        return sql.list("list references", "SELECT digest FROM registry_manifest_refs WHERE registry_key = ? AND repository = ? "
                + "AND manifest_digest = ? ORDER BY digest", row -> row.getString(1), registryKey, repository, manifestDigest);
    }

    @Override
    public boolean deleteManifest(String registryKey, String repository, String digest) {
        return db.inTransaction(() -> {
            sql.update("delete manifest tags", "DELETE FROM registry_tags WHERE registry_key = ? AND repository = ? AND digest = ?",
                    registryKey, repository, digest);
            sql.update("delete manifest references", "DELETE FROM registry_manifest_refs WHERE registry_key = ? AND repository = ? "
                    + "AND manifest_digest = ?", registryKey, repository, digest);
            return sql.update("delete manifest", "DELETE FROM registry_manifests WHERE registry_key = ? AND repository = ? "
                    + "AND digest = ?", registryKey, repository, digest) > 0;
        });
    }

    @Override
    public boolean isReferencedByManifest(String registryKey, String repository, String digest) {
        return sql.one("is referenced", "SELECT 1 FROM registry_manifest_refs WHERE registry_key = ? AND repository = ? "
                + "AND digest = ?", row -> true, registryKey, repository, digest).isPresent();
    }

    // ---- tags

    @Override
    public Optional<Tag> tag(String registryKey, String repository, String name) {
        return sql.one("get tag", "SELECT " + TAG_COLUMNS + " FROM registry_tags WHERE registry_key = ? AND repository = ? "
                + "AND name = ?", JdbcRegistryStore::tagRow, registryKey, repository, name);
    }

    @Override
    public List<Tag> tags(String registryKey, String repository) {
        return sql.list("list tags", "SELECT " + TAG_COLUMNS + " FROM registry_tags WHERE registry_key = ? AND repository = ? "
                + "ORDER BY name", JdbcRegistryStore::tagRow, registryKey, repository);
    }

    @Override
    public boolean putTag(Tag t, String expectedDigest) {
        if (expectedDigest != null) {
            return sql.update("move tag", "UPDATE registry_tags SET digest = ?, changed_at = ? WHERE registry_key = ? "
                    + "AND repository = ? AND name = ? AND digest = ?", t.digest(), t.changedAt(), t.registryKey(),
                    t.repository(), t.name(), expectedDigest) > 0;
        }
        Attributes a = t.attributes();
        return sql.update("put tag", "INSERT INTO registry_tags (" + TAG_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (registry_key, repository, name) DO UPDATE SET digest = excluded.digest, "
                        + "changed_at = excluded.changed_at", t.registryKey(), t.repository(), t.name(), t.digest(),
                t.createdAt(), t.changedAt(), a.deleteEnabled(), a.writeEnabled(), a.readEnabled(), a.listEnabled()) > 0;
    }

    @Override
    public boolean updateTag(String registryKey, String repository, String name, Attributes a, Instant at) {
        return sql.update("update tag", "UPDATE registry_tags SET changed_at = ?, delete_enabled = ?, write_enabled = ?, "
                        + "read_enabled = ?, list_enabled = ? WHERE registry_key = ? AND repository = ? AND name = ?",
                at, a.deleteEnabled(), a.writeEnabled(), a.readEnabled(), a.listEnabled(), registryKey, repository, name) > 0;
    }

    @Override
    public boolean deleteTag(String registryKey, String repository, String name) {
        return sql.update("delete tag", "DELETE FROM registry_tags WHERE registry_key = ? AND repository = ? AND name = ?",
                registryKey, repository, name) > 0;
    }

    // ---- uploads

    @Override
    public void putUpload(Upload u) {
        sql.update("put upload", "INSERT INTO registry_uploads (" + UPLOAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                u.id(), u.registryKey(), u.repository(), u.size(), u.createdAt(), u.changedAt());
    }

    @Override
    public Optional<Upload> upload(String id) {
        return sql.one("get upload", "SELECT " + UPLOAD_COLUMNS + " FROM registry_uploads WHERE id = ?", JdbcRegistryStore::uploadRow, id);
    }

    @Override
    public boolean advanceUpload(String id, long expectedSize, long newSize, Instant at) {
        return sql.update("advance upload", "UPDATE registry_uploads SET size = ?, changed_at = ? WHERE id = ? AND size = ?",
                newSize, at, id, expectedSize) > 0;
    }

    @Override
    public boolean deleteUpload(String id) {
        return sql.update("delete upload", "DELETE FROM registry_uploads WHERE id = ?", id) > 0;
    }

    @Override
    public List<Upload> staleUploads(Instant before, int limit) {
        return sql.list("list stale uploads", "SELECT " + UPLOAD_COLUMNS + " FROM registry_uploads WHERE changed_at < ? "
                + "ORDER BY id LIMIT ?", JdbcRegistryStore::uploadRow, before, (long) limit);
    }

    // ---- rows

    private static Attributes attributes(ResultSet row, int first) throws SQLException {
        return new Attributes(row.getBoolean(first), row.getBoolean(first + 1), row.getBoolean(first + 2), row.getBoolean(first + 3));
    }

    private static Blob blobRow(ResultSet row) throws SQLException {
        return new Blob(row.getString(1), row.getLong(2), EpochMillis.read(row, 3));
    }

    private static Repository repositoryRow(ResultSet row) throws SQLException {
        return new Repository(row.getString(1), row.getString(2), EpochMillis.read(row, 3), EpochMillis.read(row, 4), attributes(row, 5));
    }

    private static Manifest manifestRow(ResultSet row) throws SQLException {
        return new Manifest(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getLong(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                EpochMillis.read(row, 12), EpochMillis.read(row, 13), attributes(row, 14));
    }

    private static Tag tagRow(ResultSet row) throws SQLException {
        return new Tag(row.getString(1), row.getString(2), row.getString(3), row.getString(4), EpochMillis.read(row, 5),
                EpochMillis.read(row, 6), attributes(row, 7));
    }

    private static Upload uploadRow(ResultSet row) throws SQLException {
        return new Upload(row.getString(1), row.getString(2), row.getString(3), row.getLong(4), EpochMillis.read(row, 5),
                EpochMillis.read(row, 6));
    }
}
