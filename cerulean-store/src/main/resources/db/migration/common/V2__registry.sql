-- The registry data plane's metadata (issue 7): repositories, manifests, tags, blob links and
-- upload sessions. Blob bytes are not here: they live in a BlobStore (files under the data dir),
-- addressed by digest; a registry_blobs row exists only once the bytes are durable.
--
-- registry_key is the registry's ARM resource key (lower-cased id). Repository names, tags and
-- digests are case-sensitive and compared by code point (key_text), so paging by `last` works
-- the same on SQLite and PostgreSQL. Changeable attributes are four booleans per row.
--
--  registry_blobs           digest PK, size, created_at: one row per stored content, shared by
--                           every registry and repository that links it (stored once)
--  registry_blob_links      (registry, repository, digest): the blob may be read in that repository
--                           (uploaded or mounted there); GC drops links no manifest references
--  registry_repositories    (registry, name) + times + attributes
--  registry_manifests       (registry, repository, digest) + media type, size, subject, artifact
--                           type, config media type, platform, times, attributes; the bytes are a blob
--  registry_manifest_refs   (registry, repository, manifest, digest): blobs and child manifests a
--                           manifest names, for MANIFEST_BLOB_UNKNOWN checks and GC
--  registry_tags            (registry, repository, name) → digest, times, attributes
--  registry_uploads         id PK, registry, repository, bytes received so far, times

CREATE TABLE registry_blobs (
    digest     ${key_text} NOT NULL PRIMARY KEY,
    size       BIGINT      NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE registry_blob_links (
    registry_key ${key_text} NOT NULL,
    repository   ${key_text} NOT NULL,
    digest       ${key_text} NOT NULL,
    created_at   BIGINT      NOT NULL,
    PRIMARY KEY (registry_key, repository, digest)
);

CREATE INDEX registry_blob_links_by_digest ON registry_blob_links (digest);

CREATE TABLE registry_repositories (
    registry_key   ${key_text} NOT NULL,
    name           ${key_text} NOT NULL,
    created_at     BIGINT      NOT NULL,
    changed_at     BIGINT      NOT NULL,
    delete_enabled BOOLEAN     NOT NULL,
    write_enabled  BOOLEAN     NOT NULL,
    read_enabled   BOOLEAN     NOT NULL,
    list_enabled   BOOLEAN     NOT NULL,
    PRIMARY KEY (registry_key, name)
);

CREATE TABLE registry_manifests (
    registry_key      ${key_text} NOT NULL,
    repository        ${key_text} NOT NULL,
    digest            ${key_text} NOT NULL,
    media_type        TEXT        NOT NULL,
    size              BIGINT      NOT NULL,
    image_size        BIGINT      NOT NULL,
    subject           ${key_text},
    artifact_type     TEXT,
    config_media_type TEXT,
    architecture      TEXT,
    os                TEXT,
    created_at        BIGINT      NOT NULL,
    changed_at        BIGINT      NOT NULL,
    delete_enabled    BOOLEAN     NOT NULL,
    write_enabled     BOOLEAN     NOT NULL,
    read_enabled      BOOLEAN     NOT NULL,
    list_enabled      BOOLEAN     NOT NULL,
    PRIMARY KEY (registry_key, repository, digest)
);

CREATE INDEX registry_manifests_by_subject ON registry_manifests (registry_key, repository, subject);
CREATE INDEX registry_manifests_by_digest ON registry_manifests (digest);

CREATE TABLE registry_manifest_refs (
    registry_key    ${key_text} NOT NULL,
    repository      ${key_text} NOT NULL,
    manifest_digest ${key_text} NOT NULL,
    digest          ${key_text} NOT NULL,
    PRIMARY KEY (registry_key, repository, manifest_digest, digest)
);

CREATE INDEX registry_manifest_refs_by_digest ON registry_manifest_refs (registry_key, repository, digest);

CREATE TABLE registry_tags (
    registry_key   ${key_text} NOT NULL,
    repository     ${key_text} NOT NULL,
    name           ${key_text} NOT NULL,
    digest         ${key_text} NOT NULL,
    created_at     BIGINT      NOT NULL,
    changed_at     BIGINT      NOT NULL,
    delete_enabled BOOLEAN     NOT NULL,
    write_enabled  BOOLEAN     NOT NULL,
    read_enabled   BOOLEAN     NOT NULL,
    list_enabled   BOOLEAN     NOT NULL,
    PRIMARY KEY (registry_key, repository, name)
);

CREATE INDEX registry_tags_by_digest ON registry_tags (registry_key, repository, digest);

CREATE TABLE registry_uploads (
    id           ${key_text} NOT NULL PRIMARY KEY,
    registry_key ${key_text} NOT NULL,
    repository   ${key_text} NOT NULL,
    size         BIGINT      NOT NULL,
    created_at   BIGINT      NOT NULL,
    changed_at   BIGINT      NOT NULL
);

CREATE INDEX registry_uploads_by_registry ON registry_uploads (registry_key);
