package dev.cerulean.server.arm;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.rbac.AccessEvaluator;
import dev.cerulean.store.ResourceRecord;

import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * RBAC enforcement in the ARM pipeline (graph-rbac.md §5): after authentication and before the
 * handler, the route names the action (derived from method, type and POST action name) and the
 * target scope, and this asks the one {@link AccessEvaluator}; a refusal is ARM's 403
 * {@code AuthorizationFailed}. Collections are not refused but filtered to what the caller may
 * read, as ARM does for its resource lists.
 */
public final class ArmAuthorization {

    /** Enforcement off ({@code --authorization off}): every authenticated caller may do everything. */
    public static final ArmAuthorization OFF = new ArmAuthorization(AccessEvaluator.ALLOW_ALL, false, () -> {});

    private static final String LOCKS_PREFIX = "microsoft.authorization/locks/";

    /** Registered operation names that break the derived pattern, keyed by the derived action, lower-cased. */
    private static final Map<String, String> OVERRIDES = Map.of(
            "microsoft.containerregistry/checknameavailability/action", "Microsoft.ContainerRegistry/checknameavailability/read");

    private static final String GROUP_TYPE = "microsoft.resources/resourcegroups";

    private final AccessEvaluator evaluator;
    private final boolean enabled;
    private final Runnable onChange;
    private final ScopeLocks locks;

    /** @param onChange run after requests that may have removed role assignments (deletes cascade to them) */
    public ArmAuthorization(AccessEvaluator evaluator, boolean enabled, Runnable onChange) {
        this(evaluator, enabled, onChange, ScopeLocks.NONE);
    }

    private ArmAuthorization(AccessEvaluator evaluator, boolean enabled, Runnable onChange, ScopeLocks locks) {
        this.evaluator = evaluator;
        this.enabled = enabled;
        this.onChange = onChange;
        this.locks = locks;
    }

    /** The same enforcement, plus management locks on writes and deletes (enforced even with RBAC off, as locks override roles). */
    public ArmAuthorization withLocks(ScopeLocks scopeLocks) {
        return new ArmAuthorization(evaluator, enabled, onChange, scopeLocks);
    }

    public boolean enabled() { return enabled; }

    /**
     * Refuses with 403 unless the caller may perform {@code action} at {@code scope}, then, for writes,
     * POST actions and deletes, with 409 {@code ScopeLocked} when a management lock forbids it.
     */
    public void require(Caller caller, String action, String scope) {
        require(caller, action, scope, scope);
    }

    /** As {@link #require(Caller, String, String)} for an extension resource: authorized at its scope, locks checked on {@code target}. */
    public void require(Caller caller, String action, String scope, String target) {
        if (enabled && !evaluator.allows(caller.objectId(), action, scope, false)) {
            throw ArmErrors.authorizationFailed(client(caller), caller.objectId(), action, scope);
        }
        String verb = lockVerb(action);
        if (verb != null) locks.check(verb, target);
    }

    /**
     * What a lock sees in an action: {@code delete}, {@code write} (PUT, PATCH and every POST action,
     * as ARM counts {@code listKeys} a write), or null for reads and for the locks themselves, which
     * stay removable under any lock.
     */
    static String lockVerb(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.endsWith("/read") || a.startsWith(LOCKS_PREFIX)) return null;
        return a.endsWith("/delete") ? "delete" : "write";
    }

    /**
     * Which items of a collection at {@code listScope} the caller sees: null (all) when it may read
     * {@code collectionType} there, else each item it may read by its own type.
     */
    public Predicate<ResourceRecord> readable(Caller caller, String collectionType, String listScope) {
        if (!enabled || evaluator.allows(caller.objectId(), action(collectionType, "read"), listScope, false)) return null;
        return rec -> evaluator.allows(caller.objectId(), action(rec.typeKey(), "read"), rec.id(), false);
    }

    /** Deletes cascade to the role assignments below the deleted scope: re-read them. */
    public void changed() {
        onChange.run();
    }

    /** {@code {type}/{verb}}, with resource groups under {@code Microsoft.Resources/subscriptions} as ARM registers them. */
    public static String action(String qualifiedType, String verb) {
        String type = qualifiedType.toLowerCase(Locale.ROOT).equals(GROUP_TYPE)
                ? "Microsoft.Resources/subscriptions/resourceGroups" : qualifiedType;
        return type + "/" + verb;
    }

    /** The verb ARM derives from an HTTP method on a resource. */
    public static String verb(String method) {
        return switch (method) {
            case "PUT", "PATCH" -> "write";
            case "DELETE" -> "delete";
            default -> "read";
        };
    }

    /** A POST action's operation name: {@code {type}/{action}/action}, or the registered name where it differs. */
    public static String postAction(String qualifiedType, String actionName) {
        String derived = qualifiedType + "/" + actionName + "/action";
        return OVERRIDES.getOrDefault(derived.toLowerCase(Locale.ROOT), derived);
    }

    /** How Azure names the client in the message: the UPN for users, the object id for service principals. */
    public static String client(Caller caller) {
        return "User".equals(caller.type()) && caller.name() != null ? caller.name() : caller.objectId();
    }
}
