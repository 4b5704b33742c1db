package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.Locale;

/**
 * The resources a workspace refers to (ml.md §2.2, §6, §7): each reference must be an ARM id of the
 * expected type, in the workspace's subscription, naming a resource that exists in the store. They
 * are read, never written: deleting a workspace leaves them alone.
 */
final class Dependents {

    static final String STORAGE = "Microsoft.Storage/storageAccounts";
    static final String KEY_VAULT = "Microsoft.KeyVault/vaults";
    static final String APP_INSIGHTS = "Microsoft.Insights/components";
    static final String REGISTRY = "Microsoft.ContainerRegistry/registries";
    static final String USER_IDENTITY = "Microsoft.ManagedIdentity/userAssignedIdentities";

    /** A dependent found in the store: the id as the client wrote it (with a leading slash) and its document. */
    record Found(String id, ObjectNode document) {
        JsonNode property(String name) {
            return document.path("properties").path(name);
        }
    }

    private final ResourceStore store;

    Dependents(ResourceStore store) {
        this.store = store;
    }

    /**
     * The dependent named by {@code value}, checked.
     *
     * @param property     the request property, for error targets
     * @param expectedType {@code Namespace/type}
     * @param subscriptionId the workspace's subscription
     */
    Found require(String property, String value, String expectedType, String subscriptionId) {
        // the doc writes applicationInsights without its leading slash (ml.md §1); the lower-risk reading adds it
        String text = value.startsWith("subscriptions/") || value.startsWith("Subscriptions/") ? "/" + value : value;
        ResourceId id = ResourceId.parse(text);
        if (id == null || !id.isProviderResource() || id.resourceGroup() == null || id.types().size() != 1) {
            throw MlErrors.malformedDependent(property, value, expectedType);
        }
        String actualType = id.namespace() + "/" + id.typePath();
        if (!actualType.equalsIgnoreCase(expectedType)) {
            throw MlErrors.dependentWrongType(property, text, actualType, expectedType);
        }
        if (!id.subscriptionId().equalsIgnoreCase(subscriptionId)) {
            throw MlErrors.dependentOtherSubscription(property, text, subscriptionId);
        }
        ResourceRecord rec = store.get(id.key()).orElseThrow(() -> MlErrors.dependentNotFound(property, text));
        if (!rec.typeKey().equals(expectedType.toLowerCase(Locale.ROOT))) {
            throw MlErrors.dependentWrongType(property, text, rec.typeKey(), expectedType);
        }
        return new Found(text, (ObjectNode) Json.parse(rec.body()));
    }

    /** Like {@link #require} for an optional reference: null, absent or empty means none. */
    Found optional(String property, JsonNode value, String expectedType, String subscriptionId) {
        if (value == null || value.isNull() || value.asText().isBlank()) return null;
        if (!value.isTextual()) throw MlErrors.malformedDependent(property, value.toString(), expectedType);
        return require(property, value.asText(), expectedType, subscriptionId);
    }

    /** The stored document of a dependent by id, or null when it is gone (it may be deleted after the workspace was made). */
    ObjectNode current(String id) {
        ResourceId rid = id == null ? null : ResourceId.parse(id);
        if (rid == null) return null;
        return store.get(rid.key()).map(r -> (ObjectNode) Json.parse(r.body())).orElse(null);
    }
}
