package dev.cerulean.server.directory;

import dev.cerulean.core.error.EntraErrors;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.server.security.SecretGenerator;
import dev.cerulean.server.security.SecretHasher;
import dev.cerulean.store.Application;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.PasswordCredential;
import dev.cerulean.store.ServicePrincipal;
import dev.cerulean.store.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes to the directory with their cascades: applications, their service principals, password
 * credentials (generated, hashed, shown once). Ids are lower-case GUIDs; an application's object id,
 * its app (client) id and its service principal's object id are three different GUIDs, as in Entra.
 */
public final class Directory implements DirectoryPrincipals {

    /** Graph's default lifetime of a password added without {@code endDateTime}. */
    static final Duration DEFAULT_PASSWORD_LIFETIME = Duration.ofDays(730);

    private final IdentityStore identities;
    private final Transactions transactions;
    private final Clock clock;

    public Directory(IdentityStore identities, Transactions transactions, Clock clock) {
        this.identities = identities;
        this.transactions = transactions;
        this.clock = clock;
    }

    public IdentityStore store() {
        return identities;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A new application with fresh object and app ids. */
    public Application createApplication(String tenantId, String displayName, String document) {
        Application app = new Application(tenantId, newId(), newId(), displayName, document, now());
        identities.createApplication(app);
        return app;
    }

    /**
     * The application's service principal, created with a fresh object id; named as the application unless given a name.
     * An application has one: when it already does (even one created a moment ago by a concurrent request), Graph's 409.
     */
    public ServicePrincipal createServicePrincipal(Application app, String displayName, String document) {
        ServicePrincipal sp = new ServicePrincipal(app.tenantId(), app.appId(), newId(),
                displayName == null ? app.displayName() : displayName, ServicePrincipal.APPLICATION, document, now());
        if (!identities.createServicePrincipal(sp)) {
            throw GraphErrors.servicePrincipalExists(app.appId());
        }
        return sp;
    }

    /** Deletes the application, its service principal and every secret of both, in one transaction. */
    public boolean deleteApplication(String tenantId, String objectId) {
        return transactions.inTransaction(() -> {
            Optional<Application> app = identities.application(tenantId, objectId);
            if (app.isEmpty()) {
                return false;
            }
            identities.servicePrincipal(tenantId, app.get().appId())
                    .ifPresent(sp -> deleteServicePrincipal(tenantId, sp.objectId()));
            identities.removePasswordCredentials(objectId);
            return identities.deleteApplication(tenantId, objectId);
        });
    }

    /** A generated secret for the application or service principal {@code ownerId}; only its hash is kept. */
    public NewPassword addPassword(String tenantId, String ownerId, String appId, String displayName,
                                   Instant start, Instant end) {
        Instant starts = start == null ? now() : start;
        Instant ends = end == null ? starts.plus(DEFAULT_PASSWORD_LIFETIME) : end;
        String secret = SecretGenerator.clientSecret();
        return new NewPassword(storePassword(tenantId, ownerId, appId, displayName, secret, starts, ends), secret);
    }

    public boolean removePassword(String ownerId, String keyId) {
        return identities.removePasswordCredential(ownerId, keyId.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code cerulean sp create}: an application, its service principal and a secret on the
     * application, in one transaction, as {@code az ad sp create-for-rbac} makes them.
     */
    public NewServicePrincipal createWithSecret(String tenantId, String displayName) {
        if (identities.tenant(tenantId).isEmpty()) {
            throw EntraErrors.tenantNotFound(tenantId);
        }
        return transactions.inTransaction(() -> {
            Application app = createApplication(tenantId, displayName, "{}");
            ServicePrincipal sp = createServicePrincipal(app, null, "{}");
            NewPassword password = addPassword(tenantId, app.objectId(), app.appId(), "rbac", null, null);
            return new NewServicePrincipal(tenantId, app.appId(), sp.objectId(), displayName, password.secretText());
        });
    }

    /**
     * Makes sure the configured development client exists with an application, a service principal
     * and a secret that verifies {@code secret} (added, without end date, when none does). Every write
     * is insert-if-absent, so servers starting together on one database settle on one of each.
     * Returns true when anything was created.
     */
    public boolean ensureDevelopmentPrincipal(String tenantId, String appId, String displayName, String secret) {
        boolean created = false;
        if (identities.applicationByAppId(tenantId, appId).isEmpty()) {
            created |= identities.createApplication(new Application(tenantId, newId(), appId, displayName, "{}", now()));
        }
        if (identities.servicePrincipal(tenantId, appId).isEmpty()) {
            created |= identities.createServicePrincipal(
                    ServicePrincipal.ofApplication(tenantId, appId, newId(), displayName, now()));
        }
        boolean known = identities.passwordCredentialsByAppId(tenantId, appId).stream()
                .anyMatch(c -> SecretHasher.verify(secret, c.secretHash()));
        if (!known) {
            ServicePrincipal sp = identities.servicePrincipal(tenantId, appId).orElseThrow();
            storePassword(tenantId, sp.objectId(), appId, null, secret, now(), null);
            created = true;
        }
        return created;
    }

    private PasswordCredential storePassword(String tenantId, String ownerId, String appId, String displayName,
                                             String secret, Instant start, Instant end) {
        PasswordCredential credential = new PasswordCredential(tenantId, ownerId, appId, newId(), displayName,
                secret.substring(0, 3), SecretHasher.hashSecret(secret), start, end);
        identities.addPasswordCredential(credential);
        return credential;
    }

    // --- DirectoryPrincipals

    @Override
    public Optional<DirectoryPrincipal> byObjectId(String tenantId, String objectId) {
        String id = objectId.toLowerCase(Locale.ROOT);
        Optional<DirectoryPrincipal> user = identities.user(tenantId, id).map(Directory::principalOf);
        return user.isPresent() ? user : identities.servicePrincipalByObjectId(tenantId, id).map(Directory::principalOf);
    }

    @Override
    public Optional<DirectoryPrincipal> servicePrincipalByAppId(String tenantId, String appId) {
        return identities.servicePrincipal(tenantId, appId.toLowerCase(Locale.ROOT)).map(Directory::principalOf);
    }

    @Override
    public Optional<DirectoryPrincipal> userByPrincipalName(String tenantId, String userPrincipalName) {
        return identities.userByPrincipalName(tenantId, userPrincipalName).map(Directory::principalOf);
    }

    @Override
    public DirectoryPrincipal createServicePrincipal(String tenantId, String objectId, String appId, String displayName,
                                                     String principalType) {
        ServicePrincipal sp = new ServicePrincipal(tenantId, appId.toLowerCase(Locale.ROOT),
                objectId.toLowerCase(Locale.ROOT), displayName, principalType, "{}", now());
        if (identities.createServicePrincipal(sp)) {
            return principalOf(sp);
        }
        ServicePrincipal existing = identities.servicePrincipalByObjectId(tenantId, sp.objectId())
                .filter(e -> e.appId().equals(sp.appId()))
                .orElseThrow(() -> new IllegalArgumentException("object id " + objectId + " or app id " + appId
                        + " belongs to another principal"));
        return principalOf(existing);
    }

    @Override
    public boolean deleteServicePrincipal(String tenantId, String objectId) {
        String id = objectId.toLowerCase(Locale.ROOT);
        return transactions.inTransaction(() -> {
            identities.removePasswordCredentials(id);
            return identities.deleteServicePrincipal(tenantId, id);
        });
    }

    static DirectoryPrincipal principalOf(ServicePrincipal sp) {
        return new DirectoryPrincipal(sp.tenantId(), sp.objectId(), DirectoryPrincipal.Kind.SERVICE_PRINCIPAL,
                sp.appId(), sp.displayName(), null);
    }

    static DirectoryPrincipal principalOf(dev.cerulean.store.DirectoryUser user) {
        return new DirectoryPrincipal(user.tenantId(), user.objectId(), DirectoryPrincipal.Kind.USER, null,
                user.displayName(), user.userPrincipalName());
    }
}
