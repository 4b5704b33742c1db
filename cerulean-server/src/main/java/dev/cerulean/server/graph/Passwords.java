package dev.cerulean.server.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.GraphErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.directory.Directory;
import dev.cerulean.server.directory.NewPassword;

import java.time.Instant;
import java.util.Set;

/**
 * {@code addPassword} and {@code removePassword} of applications and service principals
 * (graph-rbac.md §2.1, §2.3, §2.7): the secret text is answered once, only its hash is kept.
 */
final class Passwords {

    private static final Set<String> ADD_BODY = Set.of("passwordCredential");
    private static final Set<String> CREDENTIAL_WRITABLE = Set.of("displayName", "endDateTime", "startDateTime");
    private static final Set<String> CREDENTIAL_READ_ONLY =
            Set.of("keyId", "secretText", "hint", "customKeyIdentifier");
    private static final Set<String> REMOVE_BODY = Set.of("keyId");

    private final Directory directory;

    Passwords(Directory directory) {
        this.directory = directory;
    }

    GraphResponse add(GraphRequest request, String ownerId, String appId) {
        ObjectNode body = GraphBodies.object(request.body(), false);
        GraphBodies.checkProperties(body, "microsoft.graph.addPassword", ADD_BODY, Set.of());
        JsonNode credentialNode = body.get("passwordCredential");
        ObjectNode credential = credentialNode == null || credentialNode.isNull()
                ? GraphBodies.object(null, false) : GraphBodies.object(credentialNode, true);
        GraphBodies.checkProperties(credential, "microsoft.graph.passwordCredential", CREDENTIAL_WRITABLE,
                CREDENTIAL_READ_ONLY);
        String displayName = GraphBodies.optionalString(credential, "displayName");
        Instant start = GraphBodies.optionalTime(credential, "startDateTime");
        Instant end = GraphBodies.optionalTime(credential, "endDateTime");
        if (start != null && end != null && !end.isAfter(start)) {
            throw GraphErrors.invalidValue("endDateTime", "a time after startDateTime");
        }
        if (start == null && end != null && !end.isAfter(directory.now())) {
            throw GraphErrors.invalidValue("endDateTime", "a time in the future");
        }
        NewPassword added = directory.addPassword(request.tenantId(), ownerId, appId, displayName, start, end);
        ObjectNode out = GraphObjects.password(added.credential(), added.secretText());
        ObjectNode answer = Json.object().put("@odata.context", request.base() + "/$metadata#microsoft.graph.passwordCredential");
        answer.setAll(out);
        return GraphResponse.ok(answer);
    }

    GraphResponse remove(GraphRequest request, String ownerId) {
        ObjectNode body = GraphBodies.object(request.body(), true);
        GraphBodies.checkProperties(body, "microsoft.graph.removePassword", REMOVE_BODY, Set.of());
        String keyId = GraphBodies.optionalString(body, "keyId");
        if (keyId == null) throw GraphErrors.missingProperty("keyId");
        if (!GraphBodies.isGuid(keyId)) throw GraphErrors.invalidValue("keyId", "a GUID");
        if (!directory.removePassword(ownerId, keyId)) {
            throw GraphErrors.passwordNotFound(keyId);
        }
        return GraphResponse.noContent();
    }
}
