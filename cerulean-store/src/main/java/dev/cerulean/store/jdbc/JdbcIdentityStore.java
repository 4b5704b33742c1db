package dev.cerulean.store.jdbc;

import static dev.cerulean.store.jdbc.Sql.text;
import static dev.cerulean.store.jdbc.Sql.time;

import dev.cerulean.store.Application;
import dev.cerulean.store.DirectoryUser;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.PasswordCredential;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The directory in the {@code tenants}, {@code applications}, {@code service_principals},
 * {@code password_credentials} and {@code users} tables (V1 and V3 migrations).
 */
final class JdbcIdentityStore implements IdentityStore {

    private static final String TENANT_COLUMNS = "tenant_id, display_name, default_domain, created_at";
    private static final String APP_COLUMNS = "tenant_id, object_id, app_id, display_name, document, created_at";
    private static final String SP_COLUMNS =
            "tenant_id, app_id, object_id, display_name, principal_type, document, created_at";
    private static final String CREDENTIAL_COLUMNS =
            "tenant_id, owner_id, app_id, key_id, display_name, hint, secret_hash, start_at, end_at";
    private static final String USER_COLUMNS = "tenant_id, object_id, user_principal_name, display_name, given_name, "
            + "surname, puid, password_hash, created_at";

    private final JdbcTransactions db;
    private final Sql sql;
    /**
     * The two reads of every client-credentials token request, kept where the dialect allows
     * ({@link Dialect#cachesRows}). Any write to the directory forgets both: writes are rare, and a
     * removed secret or principal must stop working at once.
     */
    private final CommittedReads<Optional<ServicePrincipal>> principalByAppId;
    private final CommittedReads<List<PasswordCredential>> credentialsByAppId;

    JdbcIdentityStore(JdbcTransactions db, boolean cacheReads) {
        this.db = db;
        this.sql = new Sql(db);
        this.principalByAppId = cacheReads ? CommittedReads.standard(1_000) : CommittedReads.off();
        this.credentialsByAppId = cacheReads ? CommittedReads.standard(1_000, 10_000, List::size) : CommittedReads.off();
    }

    /** Every write to the directory: the statement, then both caches forgotten once it is committed. */
    private int change(String what, String statement, Object... args) {
        return db.thenForget(() -> {
            principalByAppId.forgetAll();
            credentialsByAppId.forgetAll();
        }, () -> sql.update(what, statement, args));
    }

    @Override
    public boolean createTenant(Tenant t) {
        return change("create tenant", "INSERT INTO tenants (" + TENANT_COLUMNS + ") VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", t.tenantId(), text(t.displayName()), text(t.defaultDomain()),
                time(t.createdAt())) == 1;
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return sql.one("get tenant", "SELECT " + TENANT_COLUMNS + " FROM tenants WHERE tenant_id = ?",
                JdbcIdentityStore::readTenant, tenantId);
    }

    @Override
    public List<Tenant> tenants() {
        return sql.list("list tenants", "SELECT " + TENANT_COLUMNS + " FROM tenants ORDER BY tenant_id",
                JdbcIdentityStore::readTenant);
    }

    @Override
    public boolean createApplication(Application a) {
        return change("create application", "INSERT INTO applications (" + APP_COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", a.tenantId(), a.objectId(), a.appId(),
                text(a.displayName()), a.document(), time(a.createdAt())) == 1;
    }

    @Override
    public Optional<Application> application(String tenantId, String objectId) {
        return sql.one("get application", "SELECT " + APP_COLUMNS + " FROM applications WHERE object_id = ? "
                + "AND tenant_id = ?", JdbcIdentityStore::readApplication, objectId, tenantId);
    }

    @Override
    public Optional<Application> applicationByAppId(String tenantId, String appId) {
        return sql.one("find application", "SELECT " + APP_COLUMNS + " FROM applications WHERE tenant_id = ? "
                + "AND app_id = ?", JdbcIdentityStore::readApplication, tenantId, appId);
    }

    @Override
    public List<Application> applications(String tenantId) {
        return sql.list("list applications", "SELECT " + APP_COLUMNS + " FROM applications WHERE tenant_id = ? "
                + "ORDER BY object_id", JdbcIdentityStore::readApplication, tenantId);
    }

    @Override
    public boolean updateApplication(Application a) {
        return change("update application", "UPDATE applications SET display_name = ?, document = ? "
                + "WHERE object_id = ? AND tenant_id = ?", text(a.displayName()), a.document(), a.objectId(),
                a.tenantId()) == 1;
    }

    @Override
    public boolean deleteApplication(String tenantId, String objectId) {
        return change("delete application", "DELETE FROM applications WHERE object_id = ? AND tenant_id = ?",
                objectId, tenantId) == 1;
    }

    @Override
    public boolean createServicePrincipal(ServicePrincipal p) {
        return change("create service principal", "INSERT INTO service_principals (" + SP_COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", p.tenantId(), p.appId(), p.objectId(),
                text(p.displayName()), p.principalType(), p.document(), time(p.createdAt())) == 1;
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipal(String tenantId, String appId) {
        return db.readCommitted(principalByAppId, tenantId + '\n' + appId, () -> sql.one("get service principal",
                "SELECT " + SP_COLUMNS + " FROM service_principals WHERE tenant_id = ? AND app_id = ?",
                JdbcIdentityStore::readPrincipal, tenantId, appId));
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipalByObjectId(String tenantId, String objectId) {
        return sql.one("get service principal", "SELECT " + SP_COLUMNS + " FROM service_principals "
                + "WHERE object_id = ? AND tenant_id = ?", JdbcIdentityStore::readPrincipal, objectId, tenantId);
    }

    @Override
    public List<ServicePrincipal> servicePrincipalsByAppId(String appId) {
        return sql.list("find service principals", "SELECT " + SP_COLUMNS + " FROM service_principals "
                + "WHERE app_id = ? ORDER BY tenant_id", JdbcIdentityStore::readPrincipal, appId);
    }

    @Override
    public List<ServicePrincipal> servicePrincipals(String tenantId) {
        return sql.list("list service principals", "SELECT " + SP_COLUMNS + " FROM service_principals "
                + "WHERE tenant_id = ? ORDER BY object_id", JdbcIdentityStore::readPrincipal, tenantId);
    }

    @Override
    public boolean updateServicePrincipal(ServicePrincipal p) {
        return change("update service principal", "UPDATE service_principals SET display_name = ?, document = ? "
                + "WHERE object_id = ? AND tenant_id = ?", text(p.displayName()), p.document(), p.objectId(),
                p.tenantId()) == 1;
    }

    @Override
    public boolean deleteServicePrincipal(String tenantId, String objectId) {
        return change("delete service principal", "DELETE FROM service_principals WHERE object_id = ? "
                + "AND tenant_id = ?", objectId, tenantId) == 1;
    }

    @Override
    public boolean addPasswordCredential(PasswordCredential c) {
        return change("add password credential", "INSERT INTO password_credentials (" + CREDENTIAL_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", c.tenantId(), c.ownerId(), c.appId(),
                c.keyId(), text(c.displayName()), text(c.hint()), c.secretHash(), time(c.startsAt()),
                time(c.endsAt())) == 1;
    }

    @Override
    public boolean removePasswordCredential(String ownerId, String keyId) {
        return change("remove password credential", "DELETE FROM password_credentials WHERE owner_id = ? "
                + "AND key_id = ?", ownerId, keyId) == 1;
    }

    @Override
    public int removePasswordCredentials(String ownerId) {
        return change("remove password credentials", "DELETE FROM password_credentials WHERE owner_id = ?",
                ownerId);
    }

    @Override
    public List<PasswordCredential> passwordCredentials(String ownerId) {
        return sql.list("list password credentials", "SELECT " + CREDENTIAL_COLUMNS + " FROM password_credentials "
                + "WHERE owner_id = ? ORDER BY key_id", JdbcIdentityStore::readCredential, ownerId);
    }

    @Override
    public List<PasswordCredential> passwordCredentialsByAppId(String tenantId, String appId) {
        return db.readCommitted(credentialsByAppId, tenantId + '\n' + appId, () -> List.copyOf(sql.list(
                "find password credentials", "SELECT " + CREDENTIAL_COLUMNS + " FROM password_credentials "
                        + "WHERE tenant_id = ? AND app_id = ?", JdbcIdentityStore::readCredential, tenantId, appId)));
    }

    @Override
    public boolean createUser(DirectoryUser u) {
        return change("create user", "INSERT INTO users (upn_key, " + USER_COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                u.userPrincipalName().toLowerCase(Locale.ROOT), u.tenantId(), u.objectId(), u.userPrincipalName(),
                text(u.displayName()), text(u.givenName()), text(u.surname()), text(u.puid()),
                text(u.passwordHash()), time(u.createdAt())) == 1;
    }

    @Override
    public Optional<DirectoryUser> user(String tenantId, String objectId) {
        return sql.one("get user", "SELECT " + USER_COLUMNS + " FROM users WHERE object_id = ? AND tenant_id = ?",
                JdbcIdentityStore::readUser, objectId, tenantId);
    }

    @Override
    public Optional<DirectoryUser> userByPrincipalName(String tenantId, String userPrincipalName) {
        return sql.one("find user", "SELECT " + USER_COLUMNS + " FROM users WHERE tenant_id = ? AND upn_key = ?",
                JdbcIdentityStore::readUser, tenantId, userPrincipalName.toLowerCase(Locale.ROOT));
    }

    @Override
    public List<DirectoryUser> users(String tenantId) {
        return sql.list("list users", "SELECT " + USER_COLUMNS + " FROM users WHERE tenant_id = ? ORDER BY object_id",
                JdbcIdentityStore::readUser, tenantId);
    }

    private static Tenant readTenant(ResultSet row) throws SQLException {
        return new Tenant(row.getString(1), row.getString(2), row.getString(3), EpochMillis.read(row, 4));
    }

    private static Application readApplication(ResultSet row) throws SQLException {
        return new Application(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), EpochMillis.read(row, 6));
    }

    private static ServicePrincipal readPrincipal(ResultSet row) throws SQLException {
        return new ServicePrincipal(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), EpochMillis.read(row, 7));
    }

    private static PasswordCredential readCredential(ResultSet row) throws SQLException {
        return new PasswordCredential(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), EpochMillis.read(row, 8),
                EpochMillis.read(row, 9));
    }

    private static DirectoryUser readUser(ResultSet row) throws SQLException {
        return new DirectoryUser(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), EpochMillis.read(row, 9));
    }
}
