package dev.cerulean.server.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.KeyValueStore;
import dev.cerulean.store.Tenant;
import dev.cerulean.store.Transactions;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, at every start and idempotently, the development directory: the tenant
 * {@link ServerConfig#tenantId()}, the application and service principal {@link ServerConfig#clientId()}
 * with {@link ServerConfig#clientSecret()} (stored hashed), and the development user
 * {@code dev@<tenant domain>} with the documented password {@value #DEV_USER_PASSWORD}, which
 * gives the password and refresh-token grants a real account. Every write is insert-if-absent, so
 * two servers starting on one database end with one of each.
 */
public final class EntraBootstrap {

    public static final String TENANT_DISPLAY_NAME = "Cerulean Development";
    public static final String DEFAULT_DOMAIN = "cerulean.onmicrosoft.com";
    public static final String DEV_APP_DISPLAY_NAME = "cerulean-dev";
    public static final String DEV_USER_NAME = "dev";
    /** Documented development credential, like {@link ServerConfig#DEFAULT_CLIENT_SECRET}; never a real one. */
    public static final String DEV_USER_PASSWORD = "Cerulean-Dev-Password-1";
    /**
     * {@link #DEV_USER_PASSWORD} through {@code SecretHasher.hashPassword}, computed once: the password is
     * published, so a salt per install protects nothing, and 600,000 PBKDF2 rounds were a third of a
     * first start. {@code EntraBootstrapTest} checks it still verifies.
     */
    static final String DEV_USER_PASSWORD_HASH = "pbkdf2$600000$/v/38MFGe5Gt4B1+sQXsTA$3XqsUagg6vcHbzz0+BZPR7UNTlGf0lgGBZJXSDrBrfQ";
    /** Where servers before the directory tables kept users (key {@code entra.user/<tenant>/<upn>}). */
    private static final String LEGACY_USER_PREFIX = "entra.user/";

    private final ServerConfig config;
    private final IdentityStore identities;
    private final KeyValueStore values;
    private final UserAccounts users;
    private final Directory directory;
    private final Clock clock;

    public EntraBootstrap(ServerConfig config, IdentityStore identities, Transactions transactions,
                          KeyValueStore values, Clock clock) {
        this.config = config;
        this.identities = identities;
        this.values = values;
        this.users = new UserAccounts(identities);
        this.directory = new Directory(identities, transactions, clock);
        this.clock = clock;
    }

    public void run() {
        String tenantId = config.tenantId().toLowerCase(Locale.ROOT);
        identities.createTenant(new Tenant(tenantId, TENANT_DISPLAY_NAME, DEFAULT_DOMAIN, clock.instant()));
        Tenant tenant = identities.tenant(tenantId).orElseThrow(
                () -> new IllegalStateException("tenant " + tenantId + " missing right after it was created"));
        directory.ensureDevelopmentPrincipal(tenantId, config.clientId().toLowerCase(Locale.ROOT),
                DEV_APP_DISPLAY_NAME, config.clientSecret());
        ensureDevelopmentUser(tenant);
    }

    /** The development user's sign-in name in {@code tenant}. */
    public static String developmentUserName(Tenant tenant) {
        return DEV_USER_NAME + "@" + tenant.defaultDomain();
    }

    private void ensureDevelopmentUser(Tenant tenant) {
        String upn = developmentUserName(tenant);
        if (users.find(tenant.tenantId(), upn).isPresent()) {
            return; // PBKDF2 is deliberately slow: hash only when the account is really missing
        }
        Optional<UserAccount> legacy = legacyUser(tenant.tenantId(), upn);
        if (legacy.isPresent()) { // same object id and password hash as before the upgrade
            users.create(legacy.get(), clock.instant());
            return;
        }
        byte[] puid = new byte[8];
        new SecureRandom().nextBytes(puid);
        users.create(new UserAccount(tenant.tenantId(), UUID.randomUUID().toString(), upn, "Cerulean Developer",
                "Cerulean", "Developer", HexFormat.of().withUpperCase().formatHex(puid),
                DEV_USER_PASSWORD_HASH), clock.instant());
    }

    private Optional<UserAccount> legacyUser(String tenantId, String upn) {
        return values.get(LEGACY_USER_PREFIX + tenantId + "/" + upn.toLowerCase(Locale.ROOT)).map(text -> {
            JsonNode n = Json.parse(text);
            return new UserAccount(tenantId, n.path("objectId").asText(), upn, n.path("displayName").asText(),
                    n.path("givenName").asText(), n.path("surname").asText(), n.path("puid").asText(),
                    n.path("passwordHash").asText());
        });
    }
}
