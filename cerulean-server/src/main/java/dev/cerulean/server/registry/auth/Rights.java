package dev.cerulean.server.registry.auth;

import dev.cerulean.server.providers.containerregistry.RegistryCredentials.RegistryView;
import dev.cerulean.server.rbac.AccessEvaluator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller may do on one resource scope of a registry (acr.md §5.3, §5.6, §5.7): the admin
 * user everything; a repository token what its scope map grants now; an Entra identity what its
 * role assignments at the registry's id or above allow; the anonymous caller pull and tag listing
 * where the registry allows anonymous pull; a token holder what the token grants.
 */
final class Rights {

    static final String PULL = "pull";
    static final String PUSH = "push";
    static final String DELETE = "delete";
    static final String METADATA_READ = "metadata_read";
    static final String METADATA_WRITE = "metadata_write";
    static final String ANY = "*";
    /** What {@code *} on a repository scope stands for. */
    static final List<String> REPOSITORY_ACTIONS = List.of(PULL, PUSH, DELETE, METADATA_READ, METADATA_WRITE);

    /** The ARM actions of acr.md §5.6's table; Reader's {@code * /read} and Owner's {@code *} match them too. */
    static final String ARM_PULL = "Microsoft.ContainerRegistry/registries/pull/read";
    static final String ARM_PUSH = "Microsoft.ContainerRegistry/registries/push/write";
    static final String ARM_DELETE = "Microsoft.ContainerRegistry/registries/artifacts/delete";

    private final AccessEvaluator rbac;

    Rights(AccessEvaluator rbac) {
        this.rbac = rbac;
    }

    /** The actions of {@code requested} the caller is allowed; {@code *} on a repository is expanded first. */
    List<String> granted(RegistryCaller caller, RegistryView registry, AccessScope requested) {
        List<String> wanted = expand(requested);
        Set<String> allowed = allowed(caller, registry, requested);
        List<String> out = new ArrayList<>();
        for (String action : wanted) {
            if (allowed.contains(action) || allowed.contains(ANY)) out.add(action);
        }
        return out;
    }

    /** What a token request for {@code requested} is granted: also metadata_read with pull where allowed (§5.6). */
    List<String> grantedForToken(RegistryCaller caller, RegistryView registry, AccessScope requested) {
        List<String> out = granted(caller, registry, requested);
        if (requested.isRepository() && out.contains(PULL) && !out.contains(METADATA_READ)
                && !granted(caller, registry, requested.withActions(List.of(METADATA_READ))).isEmpty()) {
            out.add(METADATA_READ);
        }
        return out;
    }

    static List<String> expand(AccessScope scope) {
        if (scope.isRepository() && scope.actions().contains(ANY)) return REPOSITORY_ACTIONS;
        return scope.actions();
    }

    private Set<String> allowed(RegistryCaller caller, RegistryView registry, AccessScope scope) {
        Set<String> out = new LinkedHashSet<>();
        boolean catalog = AccessScope.REGISTRY.equals(scope.type()) && "catalog".equals(scope.name());
        if (!scope.isRepository() && !catalog && !(caller instanceof RegistryCaller.Admin)
                && !(caller instanceof RegistryCaller.Holder)) {
            return out; // registry:deleted_catalog and the like: the admin user only
        }
        if (caller instanceof RegistryCaller.Admin) {
            out.add(ANY);
        } else if (caller instanceof RegistryCaller.RepositoryToken t) {
            if (scope.isRepository()) out.addAll(ScopeMapGrants.actionsFor(t.token().actions(), scope.name()));
        } else if (caller instanceof RegistryCaller.Entra e) {
            String oid = e.identity().objectId();
            boolean pull = rbac.allows(oid, ARM_PULL, registry.id(), false);
            if (catalog) {
                if (pull) out.add(ANY);
            } else {
                if (pull) out.addAll(List.of(PULL, METADATA_READ));
                if (rbac.allows(oid, ARM_PUSH, registry.id(), false)) out.addAll(List.of(PUSH, METADATA_WRITE));
                if (rbac.allows(oid, ARM_DELETE, registry.id(), false)) out.add(DELETE);
            }
        } else if (caller instanceof RegistryCaller.Anonymous) {
            if (scope.isRepository() && registry.anonymousPullEnabled()) out.addAll(List.of(PULL, METADATA_READ));
        } else if (caller instanceof RegistryCaller.Holder h) {
            for (AccessScope g : h.token().access()) {
                if (g.type().equals(scope.type()) && g.name().equals(scope.name())) out.addAll(g.actions());
            }
        }
        return out;
    }
}
