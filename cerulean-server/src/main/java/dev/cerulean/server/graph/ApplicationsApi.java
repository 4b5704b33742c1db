package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.store.Application;
import dev.cerulean.store.IdentityStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code /applications}: list, create, get, update, delete, {@code addPassword}, {@code removePassword}. */
final class ApplicationsApi extends CredentialedObjectsApi<Application> {

    static final String TYPE = "microsoft.graph.application";
    static final Set<String> WRITABLE = Set.of("displayName", "identifierUris", "signInAudience", "web",
            "publicClient", "spa", "keyCredentials", "requiredResourceAccess", "tags", "notes", "description", "api",
            "appRoles", "info", "optionalClaims", "isFallbackPublicClient", "groupMembershipClaims",
            "isDeviceOnlyAuthSupported", "tokenEncryptionKeyId", "parentalControlSettings",
            "serviceManagementReference", "defaultRedirectUri", "addIns", "passwordCredentials");
    static final Set<String> READ_ONLY = Set.of("id", "appId", "createdDateTime", "publisherDomain",
            "deletedDateTime", "applicationTemplateId");
    static final Set<String> SIGN_IN_AUDIENCES = Set.of("AzureADMyOrg", "AzureADMultipleOrgs",
            "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount");
    static final GraphFilter.Allowed FILTERS = new GraphFilter.Allowed(Set.of("displayName", "appId", "id"),
            Set.of("displayName"), Set.of("identifierUris"));

    private final Directory directory;
    private final IdentityStore identities;

    ApplicationsApi(Directory directory, Passwords passwords) {
        super("applications", passwords);
        this.directory = directory;
        this.identities = directory.store();
    }

    @Override
    String objectId(Application object) {
        return object.objectId();
    }

    @Override
    String appId(Application object) {
        return object.appId();
    }

    @Override
    void delete(GraphRequest r, Application object) {
        directory.deleteApplication(r.tenantId(), object.objectId());
    }

    @Override
    Application find(GraphRequest r, String id) {
        String objectId = GraphBodies.objectId(id);
        return identities.application(r.tenantId(), objectId).orElseThrow(() -> GraphErrors.notFound(id));
    }

    @Override
    ObjectNode list(GraphRequest r) {
        String domain = publisherDomain(r);
        List<ObjectNode> items = new ArrayList<>();
        for (Application app : identities.applications(r.tenantId())) {
            items.add(GraphObjects.application(app, domain, List.of()));
        }
        return GraphCollection.page(r, items, FILTERS, "applications", "applications", item -> GraphObjects
                .withPasswords(item, identities.passwordCredentials(item.path("id").asText())));
    }

    @Override
    GraphResponse create(GraphRequest r) {
        ObjectNode body = checked(r);
        String displayName = GraphBodies.optionalString(body, "displayName");
        if (displayName == null || displayName.isBlank()) throw GraphErrors.missingProperty("displayName");
        body.remove("displayName");
        checkUniqueIdentifierUris(r, body, null);
        Application app = directory.createApplication(r.tenantId(), displayName, Json.write(body));
        return GraphResponse.created(GraphObjects.entity(r.base(), "applications", render(r, app)));
    }

    @Override
    GraphResponse update(GraphRequest r, Application app) {
        ObjectNode body = checked(r);
        String displayName = app.displayName();
        if (body.has("displayName")) {
            displayName = GraphBodies.optionalString(body, "displayName");
            if (displayName == null || displayName.isBlank()) throw GraphErrors.invalidValue("displayName", "a name");
            body.remove("displayName");
        }
        checkUniqueIdentifierUris(r, body, app.objectId());
        ObjectNode document = (ObjectNode) Json.parse(app.document());
        document.setAll(body);
        identities.updateApplication(new Application(app.tenantId(), app.objectId(), app.appId(), displayName,
                Json.write(document), app.createdAt()));
        return GraphResponse.noContent();
    }

    /** The body checked against the type; what remains is what the document keeps. */
    private static ObjectNode checked(GraphRequest r) {
        ObjectNode body = GraphBodies.object(r.body(), true).deepCopy();
        GraphBodies.checkProperties(body, TYPE, WRITABLE, READ_ONLY);
        GraphBodies.checkNoPasswords(body);
        GraphBodies.checkStringArray(body, "identifierUris");
        GraphBodies.checkStringArray(body, "tags");
        for (String array : List.of("keyCredentials", "requiredResourceAccess", "appRoles", "addIns")) {
            GraphBodies.checkType(body, array, true);
        }
        for (String object : List.of("web", "publicClient", "spa", "api", "info", "optionalClaims",
                "parentalControlSettings")) {
            GraphBodies.checkType(body, object, false);
        }
        GraphBodies.checkBoolean(body, "isFallbackPublicClient");
        String audience = GraphBodies.optionalString(body, "signInAudience");
        if (audience != null && !SIGN_IN_AUDIENCES.contains(audience)) {
            throw GraphErrors.invalidValue("signInAudience", "one of " + String.join(", ", SIGN_IN_AUDIENCES));
        }
        body.remove(body.properties().stream().map(java.util.Map.Entry::getKey).filter(n -> n.startsWith("@odata."))
                .toList());
        return body;
    }

    /** An identifier URI names one application of the tenant, as in Entra (case-insensitively). */
    private void checkUniqueIdentifierUris(GraphRequest r, ObjectNode body, String selfObjectId) {
        if (!body.path("identifierUris").isArray() || body.path("identifierUris").isEmpty()) return;
        Set<String> wanted = new java.util.HashSet<>();
        body.path("identifierUris").forEach(uri -> wanted.add(uri.asText().toLowerCase(Locale.ROOT)));
        for (Application other : identities.applications(r.tenantId())) {
            if (other.objectId().equals(selfObjectId)) continue;
            for (var uri : Json.parse(other.document()).path("identifierUris")) {
                if (wanted.contains(uri.asText().toLowerCase(Locale.ROOT))) {
                    throw GraphErrors.identifierUriTaken();
                }
            }
        }
    }

    @Override
    ObjectNode render(GraphRequest r, Application app) {
        return GraphObjects.application(app, publisherDomain(r), identities.passwordCredentials(app.objectId()));
    }

    private String publisherDomain(GraphRequest r) {
        return identities.tenant(r.tenantId()).map(t -> t.defaultDomain()).orElse(null);
    }
}
