-- Cerulean's metadata schema, valid on SQLite and PostgreSQL alike.
--
-- Every id-like column that is ordered or range-scanned has the type key_text, a placeholder each
-- dialect fills in (TEXT on SQLite, TEXT COLLATE "C" on PostgreSQL) so that keys compare by code
-- point everywhere. Timestamps are BIGINT milliseconds since the epoch. JSON documents are TEXT.
--
--  resources                       one row per ARM resource (resource group, tracked or child)
--  +-----------------+------------+---------------------------------------------------------+
--  | key             | key_text PK| lower-cased resource id                                 |
--  | id              | TEXT       | the id as the client spelled it, echoed back            |
--  | subscription_id | key_text   | lower-cased                                             |
--  | resource_group  | key_text   | lower-cased, NULL above resource-group level            |
--  | type_key        | key_text   | lower-cased fully qualified type                        |
--  | parent_key      | key_text   | key of the enclosing resource / group / subscription    |
--  | name, location  | TEXT       | location NULL for proxy (child) resources               |
--  | tracked         | BOOLEAN    | listed by the generic /resources endpoints              |
--  | body            | TEXT       | the JSON returned on GET                                |
--  | etag            | TEXT       | compared on conditional writes                          |
--  | created_at      | BIGINT     | first write                                             |
--  | changed_at      | BIGINT     | latest write                                            |
--  +-----------------+------------+---------------------------------------------------------+
--   list indexes, each ending in key so a page is one ordered index scan:
--     (subscription_id, key) (subscription_id, resource_group, key)
--     (subscription_id, type_key, key) (parent_key, key): a parent's children of one type are
--     contiguous in key order, so the parent index serves parent+type lists too
--
--  tenants             tenant_id PK, display_name, default_domain, created_at
--  service_principals  (tenant_id, app_id) PK, object_id, display_name, secret_hash, created_at
--                      index (app_id) for token requests that name no tenant
--  operations          id PK, resource_key, kind, status, polls_left, result, error,
--                      started_at, ended_at (NULL while running)
--  secrets             (owner_key, name) PK, kind, value, created_at, expires_at (NULL = never);
--                      the primary key also serves subtree deletes by owner_key range
--  kv                  name PK, value: small values shared by every server on the database

CREATE TABLE resources (
    key             ${key_text} NOT NULL PRIMARY KEY,
    id              TEXT        NOT NULL,
    subscription_id ${key_text} NOT NULL,
    resource_group  ${key_text},
    type_key        ${key_text} NOT NULL,
    parent_key      ${key_text},
    name            TEXT        NOT NULL,
    location        TEXT,
    tracked         BOOLEAN     NOT NULL,
    body            TEXT        NOT NULL,
    etag            TEXT        NOT NULL,
    created_at      BIGINT,
    changed_at      BIGINT
);

CREATE INDEX resources_by_subscription ON resources (subscription_id, key);
CREATE INDEX resources_by_group ON resources (subscription_id, resource_group, key);
CREATE INDEX resources_by_type ON resources (subscription_id, type_key, key);
CREATE INDEX resources_by_parent ON resources (parent_key, key);

CREATE TABLE tenants (
    tenant_id      ${key_text} NOT NULL PRIMARY KEY,
    display_name   TEXT,
    default_domain TEXT,
    created_at     BIGINT
);

CREATE TABLE service_principals (
    tenant_id    ${key_text} NOT NULL,
    app_id       ${key_text} NOT NULL,
    object_id    TEXT,
    display_name TEXT,
    secret_hash  TEXT,
    created_at   BIGINT,
    PRIMARY KEY (tenant_id, app_id)
);

CREATE INDEX service_principals_by_app ON service_principals (app_id);

CREATE TABLE operations (
    id           ${key_text} NOT NULL PRIMARY KEY,
    resource_key TEXT,
    kind         TEXT,
    status       TEXT        NOT NULL,
    polls_left   INTEGER     NOT NULL,
    result       TEXT,
    error        TEXT,
    started_at   BIGINT,
    ended_at     BIGINT
);

CREATE TABLE secrets (
    owner_key  ${key_text} NOT NULL,
    name       ${key_text} NOT NULL,
    kind       TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    created_at BIGINT,
    expires_at BIGINT,
    PRIMARY KEY (owner_key, name)
);

CREATE TABLE kv (
    name  ${key_text} NOT NULL PRIMARY KEY,
    value TEXT        NOT NULL
);
