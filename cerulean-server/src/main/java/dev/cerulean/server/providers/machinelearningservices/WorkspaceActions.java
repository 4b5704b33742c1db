package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceAction.ActionContext;

import java.util.List;

/** The workspace's POST actions (ml.md §2.1): listKeys, resyncKeys, diagnose, listNotebookAccessToken. */
final class WorkspaceActions {

    private final Dependents dependents;
    private final DependentKeys keys;

    WorkspaceActions(Dependents dependents, DependentKeys keys) {
        this.dependents = dependents;
        this.keys = keys;
    }

    /** ListWorkspaceKeysResult, read from the dependents as they are now. */
    JsonNode listKeys(ActionContext ctx) {
        JsonNode props = ctx.resource().path("properties");
        ObjectNode out = Json.object();
        String storage = text(props.get("storageAccount"));
        out.put("userStorageKey", storage == null ? null : keys.storageKey(key(storage)).orElse(null));
        out.put("userStorageResourceId", storage);
        ObjectNode insights = dependents.current(text(props.get("applicationInsights")));
        out.put("appInsightsInstrumentationKey", insights == null ? null : text(insights.path("properties").get("InstrumentationKey")));
        String registry = text(props.get("containerRegistry"));
        ObjectNode credentials = registry == null ? null : keys.registryCredentials(key(registry)).orElse(null);
        if (credentials == null) {
            out.putNull("containerRegistryCredentials");
        } else {
            ObjectNode c = out.putObject("containerRegistryCredentials");
            c.putNull("location");
            c.setAll(credentials);
        }
        ObjectNode notebook = out.putObject("notebookAccessKeys");
        notebook.putNull("primaryAccessKey");
        notebook.putNull("secondaryAccessKey");
        return out;
    }

    /** Nothing to resynchronise: keys are read from the dependents on every listKeys. */
    JsonNode resyncKeys(ActionContext ctx) {
        return null;
    }

    /** DiagnoseResponseResult: every check passes (Cerulean has no network rules, locks or DNS to inspect). */
    JsonNode diagnose(ActionContext ctx) {
        ObjectNode value = Json.object();
        for (String f : List.of("userDefinedRouteResults", "networkSecurityRuleResults", "resourceLockResults",
                "dnsResolutionResults", "storageAccountResults", "keyVaultResults", "containerRegistryResults",
                "applicationInsightsResults", "otherResults")) {
            value.putArray(f);
        }
        return Json.object().set("value", value);
    }

    /** NotebookAccessTokenResult with a fresh opaque token; no notebook service consumes it. */
    JsonNode listNotebookAccessToken(ActionContext ctx) {
        JsonNode props = ctx.resource().path("properties");
        ObjectNode out = Json.object();
        out.put("notebookResourceId", props.path("notebookInfo").path("resourceId").asText());
        out.put("hostName", "Azure Machine Learning notebooks");
        out.put("publicDns", props.path("notebookInfo").path("fqdn").asText());
        out.put("accessToken", opaqueToken());
        out.put("tokenType", "Bearer");
        out.put("expiresIn", 28800);
        out.put("refreshToken", opaqueToken());
        out.put("scope", "aznb_identity");
        out.put("tenantId", props.path("tenantId").asText());
        return out;
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String opaqueToken() {
        byte[] bytes = new byte[36];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String key(String id) {
        ResourceId rid = ResourceId.parse(id);
        return rid == null ? id.toLowerCase(java.util.Locale.ROOT) : rid.key();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || n.asText().isBlank() ? null : n.asText();
    }
}
