package dev.cerulean.server.providers.authorization;

import dev.cerulean.server.arm.ArmAuthorization;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.config.ServerConfig;
import dev.cerulean.server.rbac.AccessEvaluator;
import dev.cerulean.server.rbac.RoleBasedAccessEvaluator;
import dev.cerulean.store.Stores;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds Microsoft.Authorization and the access evaluator, and seeds Owner at the subscription for
 * the development service principal and the development user (so nobody is locked out and the
 * README's commands keep working).
 */
public final class AuthorizationWiring {

    /** How long assignments read from the database are trusted without a local change: what other servers on it may lag. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final AuthorizationProvider provider;
    private final RoleBasedAccessEvaluator evaluator;
    private final boolean enabled;

    private AuthorizationWiring(AuthorizationProvider provider, RoleBasedAccessEvaluator evaluator, boolean enabled) {
        this.provider = provider;
        this.evaluator = evaluator;
        this.enabled = enabled;
    }

    /** Call after the Entra bootstrap, so the development principals exist. */
    public static AuthorizationWiring start(ServerConfig config, Stores stores, Clock clock) {
        return start(config, stores, clock, new IdentityPrincipals(
                new dev.cerulean.server.directory.Directory(stores.identities(), stores.transactions(), clock)));
    }

    public static AuthorizationWiring start(ServerConfig config, Stores stores, Clock clock, PrincipalDirectory directory) {
        RoleDefinitions definitions = new RoleDefinitions(stores.resources(), stores.transactions(), config.subscriptionId(), clock);
        RoleAssignments assignments = new RoleAssignments(stores.resources(), stores.transactions(), definitions, directory,
                config.subscriptionId(), config.tenantId(), clock);
        RoleBasedAccessEvaluator evaluator = new RoleBasedAccessEvaluator(assignments::grantsByPrincipal, MAX_AGE);
        seedOwners(config, stores, assignments);
        return new AuthorizationWiring(new AuthorizationProvider(definitions, assignments, evaluator::invalidate), evaluator,
                config.authorization());
    }

    private static void seedOwners(ServerConfig config, Stores stores, RoleAssignments assignments) {
        String tenant = config.tenantId().toLowerCase(java.util.Locale.ROOT);
        stores.identities().servicePrincipal(tenant, config.clientId())
                .ifPresent(sp -> assignments.seedOwner(sp.objectId(), "ServicePrincipal"));
        new dev.cerulean.server.entra.UserAccounts(stores.identities())
                .find(tenant, stores.identities().tenant(tenant).map(dev.cerulean.server.entra.EntraBootstrap::developmentUserName).orElse(""))
                .ifPresent(u -> assignments.seedOwner(u.objectId(), "User"));
    }

    public ResourceProvider provider() { return provider; }

    /** The one access decision, for ARM and the registry data plane; allow-all under {@code --authorization off}. */
    public AccessEvaluator evaluator() { return enabled ? evaluator : AccessEvaluator.ALLOW_ALL; }

    /** Enforcement for the ARM route table. */
    public ArmAuthorization arm() { return new ArmAuthorization(evaluator(), enabled, evaluator::invalidate); }
}
