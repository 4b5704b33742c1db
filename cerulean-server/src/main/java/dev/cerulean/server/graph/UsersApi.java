package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.store.DirectoryUser;
import dev.cerulean.store.IdentityStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /users} (read-only: list with the filters assignee resolution sends, get by id or UPN) and
 * {@code /me} with {@code /me/ownedObjects} for delegated (user) tokens (graph-rbac.md §2.5, §2.6).
 */
final class UsersApi {

    static final GraphFilter.Allowed FILTERS = new GraphFilter.Allowed(
            Set.of("userPrincipalName", "displayName", "id", "mail"), Set.of("displayName", "userPrincipalName"),
            Set.of());

    private final IdentityStore identities;

    UsersApi(IdentityStore identities) {
        this.identities = identities;
    }

    GraphResponse users(GraphRequest r) {
        if (!r.method().equals("GET")) throw GraphErrors.methodNotAllowed();
        String id = r.segment(1);
        if (r.segments().size() > 2) throw GraphErrors.unknownSegment(r.segment(2));
        if (id == null) {
            List<ObjectNode> items = new ArrayList<>();
            identities.users(r.tenantId()).forEach(u -> items.add(GraphObjects.user(u)));
            return GraphResponse.ok(GraphCollection.page(r, items, FILTERS, "users", "users"));
        }
        Optional<DirectoryUser> user = id.contains("@")
                ? identities.userByPrincipalName(r.tenantId(), id)
                : identities.user(r.tenantId(), GraphBodies.objectId(id));
        return GraphResponse.ok(GraphObjects.entity(r.base(), "users",
                GraphObjects.user(user.orElseThrow(() -> GraphErrors.notFound(id)))));
    }

    GraphResponse me(GraphRequest r) {
        if (!r.caller().isUser()) throw GraphErrors.meRequiresUser();
        if (!r.method().equals("GET")) throw GraphErrors.methodNotAllowed();
        DirectoryUser user = identities.user(r.tenantId(), r.caller().objectId().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> GraphErrors.notFound(r.caller().objectId()));
        String sub = r.segment(1);
        if (sub == null) {
            return GraphResponse.ok(GraphObjects.entity(r.base(), "users", GraphObjects.user(user)));
        }
        if (sub.equalsIgnoreCase("ownedObjects") && r.segments().size() == 2) {
            // Owners are not recorded, so the signed-in user owns nothing (DEVIATIONS.md).
            return GraphResponse.ok(GraphCollection.page(r, List.of(), GraphFilter.Allowed.NONE,
                    "me/ownedObjects", "directoryObjects"));
        }
        throw GraphErrors.unknownSegment(sub);
    }
}
