package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.store.Application;
import dev.cerulean.store.IdentityStore;
import dev.cerulean.store.ServicePrincipal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /servicePrincipals}: list, create (for an application of the tenant), get, update, delete
 * (the application stays, graph-rbac.md §2.2), {@code addPassword}, {@code removePassword}.
 */
final class ServicePrincipalsApi extends CredentialedObjectsApi<ServicePrincipal> {

    static final String TYPE = "microsoft.graph.servicePrincipal";
    static final Set<String> WRITABLE = Set.of("appId", "accountEnabled", "displayName", "tags",
            "appRoleAssignmentRequired", "notes", "description", "homepage", "loginUrl", "logoutUrl", "replyUrls",
            "servicePrincipalNames", "keyCredentials", "preferredSingleSignOnMode", "notificationEmailAddresses",
            "alternativeNames", "appDescription", "samlSingleSignOnSettings", "passwordCredentials");
    static final Set<String> READ_ONLY = Set.of("id", "appDisplayName", "appOwnerOrganizationId",
            "servicePrincipalType", "signInAudience", "deletedDateTime", "appRoles", "oauth2PermissionScopes",
            "applicationTemplateId");
    static final GraphFilter.Allowed FILTERS = new GraphFilter.Allowed(
            Set.of("displayName", "appId", "id", "servicePrincipalType"), Set.of("displayName"),
            Set.of("servicePrincipalNames", "tags"));

    private final Directory directory;
    private final IdentityStore identities;

    ServicePrincipalsApi(Directory directory, Passwords passwords) {
        super("servicePrincipals", passwords);
        this.directory = directory;
        this.identities = directory.store();
    }

    @Override
    String objectId(ServicePrincipal object) {
        return object.objectId();
    }

    @Override
    String appId(ServicePrincipal object) {
        return object.appId();
    }

    @Override
    void delete(GraphRequest r, ServicePrincipal object) {
        directory.deleteServicePrincipal(r.tenantId(), object.objectId());
    }

    @Override
    ServicePrincipal find(GraphRequest r, String id) {
        String objectId = GraphBodies.objectId(id);
        return identities.servicePrincipalByObjectId(r.tenantId(), objectId)
                .orElseThrow(() -> GraphErrors.notFound(id));
    }

    @Override
    ObjectNode list(GraphRequest r) {
        Map<String, Application> apps = new HashMap<>();
        identities.applications(r.tenantId()).forEach(app -> apps.put(app.appId(), app));
        List<ObjectNode> items = new ArrayList<>();
        for (ServicePrincipal sp : identities.servicePrincipals(r.tenantId())) {
            items.add(GraphObjects.servicePrincipal(sp, apps.get(sp.appId()), r.tenantId(), List.of()));
        }
        return GraphCollection.page(r, items, FILTERS, "servicePrincipals", "servicePrincipals", item -> GraphObjects
                .withPasswords(item, identities.passwordCredentials(item.path("id").asText())));
    }

    @Override
    GraphResponse create(GraphRequest r) {
        ObjectNode body = checked(r);
        String appId = GraphBodies.optionalString(body, "appId");
        if (appId == null) throw GraphErrors.missingProperty("appId");
        body.remove("appId");
        Application app = (GraphBodies.isGuid(appId)
                ? identities.applicationByAppId(r.tenantId(), appId.toLowerCase(Locale.ROOT))
                : java.util.Optional.<Application>empty())
                .orElseThrow(() -> GraphErrors.noBackingApplication(appId));
        String displayName = GraphBodies.optionalString(body, "displayName");
        body.remove("displayName");
        ServicePrincipal sp = directory.createServicePrincipal(app, displayName, Json.write(body));
        return GraphResponse.created(GraphObjects.entity(r.base(), "servicePrincipals", render(r, sp)));
    }

    @Override
    GraphResponse update(GraphRequest r, ServicePrincipal sp) {
        ObjectNode body = checked(r);
        if (body.has("appId")) throw GraphErrors.readOnlyProperty("appId", TYPE);
        String displayName = sp.displayName();
        if (body.has("displayName")) {
            displayName = GraphBodies.optionalString(body, "displayName");
            if (displayName == null || displayName.isBlank()) throw GraphErrors.invalidValue("displayName", "a name");
            body.remove("displayName");
        }
        ObjectNode document = (ObjectNode) Json.parse(sp.document());
        document.setAll(body);
        identities.updateServicePrincipal(new ServicePrincipal(sp.tenantId(), sp.appId(), sp.objectId(), displayName,
                sp.principalType(), Json.write(document), sp.createdAt()));
        return GraphResponse.noContent();
    }

    private static ObjectNode checked(GraphRequest r) {
        ObjectNode body = GraphBodies.object(r.body(), true).deepCopy();
        GraphBodies.checkProperties(body, TYPE, WRITABLE, READ_ONLY);
        GraphBodies.checkNoPasswords(body);
        GraphBodies.checkBoolean(body, "accountEnabled");
        GraphBodies.checkBoolean(body, "appRoleAssignmentRequired");
        for (String strings : List.of("tags", "replyUrls", "servicePrincipalNames", "notificationEmailAddresses",
                "alternativeNames")) {
            GraphBodies.checkStringArray(body, strings);
        }
        GraphBodies.checkType(body, "keyCredentials", true);
        body.remove(body.properties().stream().map(Map.Entry::getKey).filter(n -> n.startsWith("@odata.")).toList());
        return body;
    }

    @Override
    ObjectNode render(GraphRequest r, ServicePrincipal sp) {
        Application app = identities.applicationByAppId(r.tenantId(), sp.appId()).orElse(null);
        return GraphObjects.servicePrincipal(sp, app, r.tenantId(), identities.passwordCredentials(sp.objectId()));
    }
}
