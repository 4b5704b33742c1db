package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.Application;
import dev.cerulean.store.DirectoryUser;
import dev.cerulean.store.PasswordCredential;
import dev.cerulean.store.ServicePrincipal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON Graph answers for each object (graph-rbac.md §2.7): Graph's defaults, then what the
 * client stored in the object's document, then the properties Cerulean owns (ids, credentials).
 */
final class GraphObjects {
    private GraphObjects() {}

    static final String APPLICATION_TYPE = "#microsoft.graph.application";
    static final String SERVICE_PRINCIPAL_TYPE = "#microsoft.graph.servicePrincipal";
    static final String USER_TYPE = "#microsoft.graph.user";

    static ObjectNode application(Application app, String publisherDomain, List<PasswordCredential> passwords) {
        ObjectNode out = Json.object();
        out.put("id", app.objectId()).putNull("deletedDateTime").put("appId", app.appId());
        out.putArray("addIns");
        out.putNull("applicationTemplateId");
        out.put("createdDateTime", time(app.createdAt())).putNull("description").put("displayName", app.displayName())
                .putNull("groupMembershipClaims").putArray("identifierUris");
        out.putNull("isDeviceOnlyAuthSupported").putNull("isFallbackPublicClient").putNull("notes")
                .put("publisherDomain", publisherDomain).putNull("serviceManagementReference")
                .put("signInAudience", "AzureADMyOrg").putNull("tokenEncryptionKeyId");
        out.putObject("api").put("acceptMappedClaims", (String) null).putArray("knownClientApplications");
        out.putArray("appRoles");
        out.putObject("info").putNull("logoUrl").putNull("marketingUrl").putNull("privacyStatementUrl")
                .putNull("supportUrl").putNull("termsOfServiceUrl");
        out.putArray("keyCredentials");
        out.putNull("optionalClaims");
        out.putObject("publicClient").putArray("redirectUris");
        out.putArray("requiredResourceAccess");
        ObjectNode web = out.putObject("web");
        web.putNull("homePageUrl").putNull("logoutUrl").putArray("redirectUris");
        web.putObject("implicitGrantSettings").put("enableAccessTokenIssuance", false)
                .put("enableIdTokenIssuance", false);
        web.putArray("redirectUriSettings");
        out.putObject("spa").putArray("redirectUris");
        out.putArray("tags");
        mergeDocument(out, app.document());
        out.set("passwordCredentials", passwords(passwords));
        return out;
    }

    /** @param app the principal's application when it is in the tenant, else null (managed identities) */
    static ObjectNode servicePrincipal(ServicePrincipal sp, Application app, String tenantId,
                                       List<PasswordCredential> passwords) {
        JsonNode appDocument = app == null ? Json.object() : Json.parse(app.document());
        ObjectNode out = Json.object();
        out.put("id", sp.objectId()).putNull("deletedDateTime").put("accountEnabled", true);
        out.putArray("alternativeNames");
        out.put("appDisplayName", app == null ? sp.displayName() : app.displayName()).putNull("appDescription")
                .put("appId", sp.appId()).put("applicationTemplateId", (String) null)
                .put("appOwnerOrganizationId", app == null ? null : tenantId)
                .put("appRoleAssignmentRequired", false).putNull("description")
                .put("displayName", sp.displayName()).putNull("homepage").putNull("loginUrl").putNull("logoutUrl")
                .putNull("notes").putArray("notificationEmailAddresses");
        out.putNull("preferredSingleSignOnMode").putNull("preferredTokenSigningKeyThumbprint");
        out.putArray("replyUrls");
        out.put("servicePrincipalType", sp.principalType())
                .put("signInAudience", app == null ? null : appDocument.path("signInAudience").asText("AzureADMyOrg"));
        out.putArray("tags");
        out.putArray("appRoles");
        out.putArray("keyCredentials");
        out.putArray("oauth2PermissionScopes");
        mergeDocument(out, sp.document());
        Set<String> names = new LinkedHashSet<>();
        names.add(sp.appId());
        appDocument.path("identifierUris").forEach(uri -> names.add(uri.asText()));
        out.path("servicePrincipalNames").forEach(name -> names.add(name.asText()));
        ArrayNode spns = out.putArray("servicePrincipalNames");
        names.forEach(spns::add);
        out.set("passwordCredentials", passwords(passwords));
        return out;
    }

    static ObjectNode user(DirectoryUser user) {
        ObjectNode out = Json.object();
        out.putArray("businessPhones");
        out.put("displayName", user.displayName()).put("givenName", user.givenName()).putNull("jobTitle")
                .putNull("mail").putNull("mobilePhone").putNull("officeLocation").putNull("preferredLanguage")
                .put("surname", user.surname()).put("userPrincipalName", user.userPrincipalName())
                .put("id", user.objectId());
        return out;
    }

    /** A stored credential: the secret text is never there again ({@code null}). */
    static ObjectNode password(PasswordCredential c, String secretText) {
        ObjectNode out = Json.object();
        out.putNull("customKeyIdentifier").put("displayName", c.displayName())
                .put("endDateTime", c.endsAt() == null ? null : time(c.endsAt()))
                .put("hint", c.hint()).put("keyId", c.keyId()).put("secretText", secretText)
                .put("startDateTime", c.startsAt() == null ? null : time(c.startsAt()));
        return out;
    }

    /** The object with its stored credentials in place of whatever it had. */
    static ObjectNode withPasswords(ObjectNode object, List<PasswordCredential> credentials) {
        object.set("passwordCredentials", passwords(credentials));
        return object;
    }

    private static ArrayNode passwords(List<PasswordCredential> credentials) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        credentials.forEach(c -> out.add(password(c, null)));
        return out;
    }

    /** Properties the client stored replace the defaults wholesale, as a Graph PATCH does. */
    private static void mergeDocument(ObjectNode out, String document) {
        JsonNode stored = Json.parse(document);
        stored.fields().forEachRemaining(field -> out.set(field.getKey(), field.getValue()));
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Adds {@code @odata.context} for a single entity first, as Graph orders it. */
    static ObjectNode entity(String base, String entitySet, ObjectNode object) {
        ObjectNode out = Json.object().put("@odata.context", base + "/$metadata#" + entitySet + "/$entity");
        out.setAll(object);
        return out;
    }

    /** A member of a mixed collection ({@code getByIds}, {@code directoryObjects}) names its type. */
    static ObjectNode typed(String odataType, ObjectNode object) {
        ObjectNode out = Json.object().put("@odata.type", odataType);
        out.setAll(object);
        return out;
    }
}
