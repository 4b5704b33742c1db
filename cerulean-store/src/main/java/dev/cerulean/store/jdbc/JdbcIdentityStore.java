package dev.cerulean.store.jdbc;

import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Tenant;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tenants and service principals in the {@code tenants} and {@code service_principals} tables. */
final class JdbcIdentityStore implements IdentityStore {

    private static final String TENANT_COLUMNS = "tenant_id, display_name, default_domain, created_at";
    private static final String INSERT_TENANT = "INSERT INTO tenants (" + TENANT_COLUMNS + ") VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (tenant_id) DO NOTHING";
    private static final String SELECT_TENANT = "SELECT " + TENANT_COLUMNS + " FROM tenants WHERE tenant_id = ?";
    private static final String SELECT_TENANTS = "SELECT " + TENANT_COLUMNS + " FROM tenants ORDER BY tenant_id";

    private static final String PRINCIPAL_COLUMNS =
            "tenant_id, app_id, object_id, display_name, secret_hash, created_at";
    private static final String INSERT_PRINCIPAL = "INSERT INTO service_principals (" + PRINCIPAL_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, app_id) DO NOTHING";
    private static final String SELECT_PRINCIPAL = "SELECT " + PRINCIPAL_COLUMNS
            + " FROM service_principals WHERE tenant_id = ? AND app_id = ?";
    private static final String SELECT_PRINCIPALS_BY_APP = "SELECT " + PRINCIPAL_COLUMNS
            + " FROM service_principals WHERE app_id = ? ORDER BY tenant_id";
    private static final String SELECT_PRINCIPAL_BY_OBJECT = "SELECT " + PRINCIPAL_COLUMNS
            + " FROM service_principals WHERE tenant_id = ? AND object_id = ?";

    private final JdbcTransactions db;

    JdbcIdentityStore(JdbcTransactions db) {
        this.db = db;
    }

    @Override
    public boolean createTenant(Tenant tenant) {
        return db.withConnection("create tenant", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_TENANT)) {
                statement.setString(1, tenant.tenantId());
                statement.setString(2, tenant.displayName());
                statement.setString(3, tenant.defaultDomain());
                EpochMillis.bind(statement, 4, tenant.createdAt());
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return db.withConnection("get tenant", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_TENANT)) {
                statement.setString(1, tenantId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(readTenant(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Tenant> tenants() {
        return db.withConnection("list tenants", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_TENANTS);
                 ResultSet row = statement.executeQuery()) {
                List<Tenant> tenants = new ArrayList<>();
                while (row.next()) {
                    tenants.add(readTenant(row));
                }
                return tenants;
            }
        });
    }

    @Override
    public boolean createServicePrincipal(ServicePrincipal principal) {
        return db.withConnection("create service principal", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_PRINCIPAL)) {
                statement.setString(1, principal.tenantId());
                statement.setString(2, principal.appId());
                statement.setString(3, principal.objectId());
                statement.setString(4, principal.displayName());
                statement.setString(5, principal.secretHash());
                EpochMillis.bind(statement, 6, principal.createdAt());
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipal(String tenantId, String appId) {
        return db.withConnection("get service principal", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_PRINCIPAL)) {
                statement.setString(1, tenantId);
                statement.setString(2, appId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(readPrincipal(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ServicePrincipal> servicePrincipalsByAppId(String appId) {
        return db.withConnection("find service principals", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_PRINCIPALS_BY_APP)) {
                statement.setString(1, appId);
                try (ResultSet row = statement.executeQuery()) {
                    List<ServicePrincipal> principals = new ArrayList<>();
                    while (row.next()) {
                        principals.add(readPrincipal(row));
                    }
                    return principals;
                }
            }
        });
    }

    @Override
    public Optional<ServicePrincipal> servicePrincipalByObjectId(String tenantId, String objectId) {
        return db.withConnection("find a service principal by object id", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_PRINCIPAL_BY_OBJECT)) {
                statement.setString(1, tenantId);
                statement.setString(2, objectId);
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(readPrincipal(row)) : Optional.<ServicePrincipal>empty();
                }
            }
        });
    }

    private static Tenant readTenant(ResultSet row) throws SQLException {
        return new Tenant(row.getString(1), row.getString(2), row.getString(3), EpochMillis.read(row, 4));
    }

    private static ServicePrincipal readPrincipal(ResultSet row) throws SQLException {
        return new ServicePrincipal(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), EpochMillis.read(row, 6));
    }
}
