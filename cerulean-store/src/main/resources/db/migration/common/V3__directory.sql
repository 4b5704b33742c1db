-- The directory behind Microsoft Graph and the Entra token endpoint: applications, service
-- principals, their password credentials and users, in one set of tables so that an identity made
-- through Graph is exactly the one the token endpoint authenticates.
--
--  applications          object_id PK, tenant_id, app_id (unique per tenant), display_name,
--                        document (the Graph properties Cerulean keeps but never queries), created_at
--  service_principals    (V1 table) + principal_type (Application | ManagedIdentity), document;
--                        object_id unique; the single secret_hash column moves to password_credentials
--  password_credentials  (owner_id, key_id) PK; owner_id = the application's or the service
--                        principal's object id, app_id copied from the owner so that the token
--                        endpoint finds every secret of a client id with one indexed read;
--                        secret_hash only (SecretHasher form), hint = the secret's first 3 characters
--  users                 object_id PK, tenant_id, upn_key (lower-cased UPN, unique per tenant), the
--                        UPN as created, names, puid, password_hash (PBKDF2), created_at

CREATE TABLE applications (
    object_id    ${key_text} NOT NULL PRIMARY KEY,
    tenant_id    ${key_text} NOT NULL,
    app_id       ${key_text} NOT NULL,
    display_name TEXT,
    document     TEXT        NOT NULL,
    created_at   BIGINT
);

CREATE UNIQUE INDEX applications_by_app ON applications (tenant_id, app_id);

ALTER TABLE service_principals ADD COLUMN principal_type TEXT NOT NULL DEFAULT 'Application';
ALTER TABLE service_principals ADD COLUMN document TEXT NOT NULL DEFAULT '{}';

CREATE UNIQUE INDEX service_principals_by_object ON service_principals (object_id);

CREATE TABLE password_credentials (
    owner_id     ${key_text} NOT NULL,
    key_id       ${key_text} NOT NULL,
    tenant_id    ${key_text} NOT NULL,
    app_id       ${key_text} NOT NULL,
    display_name TEXT,
    hint         TEXT,
    secret_hash  TEXT        NOT NULL,
    start_at     BIGINT,
    end_at       BIGINT,
    PRIMARY KEY (owner_id, key_id)
);

CREATE INDEX password_credentials_by_app ON password_credentials (tenant_id, app_id);

-- Secrets of V1 principals (the development one, `cerulean sp create`) become credentials of the
-- service principal, keyed by its object id (a GUID, unique per owner), without an end date.
INSERT INTO password_credentials (owner_id, key_id, tenant_id, app_id, display_name, hint, secret_hash, start_at, end_at)
    SELECT object_id, object_id, tenant_id, app_id, NULL, NULL, secret_hash, created_at, NULL
    FROM service_principals WHERE secret_hash IS NOT NULL AND object_id IS NOT NULL;

ALTER TABLE service_principals DROP COLUMN secret_hash;

CREATE TABLE users (
    object_id           ${key_text} NOT NULL PRIMARY KEY,
    tenant_id           ${key_text} NOT NULL,
    upn_key             ${key_text} NOT NULL,
    user_principal_name TEXT        NOT NULL,
    display_name        TEXT,
    given_name          TEXT,
    surname             TEXT,
    puid                TEXT,
    password_hash       TEXT,
    created_at          BIGINT
);

CREATE UNIQUE INDEX users_by_name ON users (tenant_id, upn_key);
