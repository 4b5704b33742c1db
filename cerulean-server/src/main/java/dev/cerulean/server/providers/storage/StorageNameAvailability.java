package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.GlobalNames;
import dev.cerulean.server.arm.spi.ProviderAction;

/**
 * {@code POST /subscriptions/{s}/providers/Microsoft.Storage/checkNameAvailability}: always 200,
 * {@code nameAvailable} and, when false, {@code reason} {@code AccountNameInvalid} or
 * {@code AlreadyExists} with the message a create would fail with. Every subscription counts.
 */
final class StorageNameAvailability implements ProviderAction {

    private final GlobalNames names;

    StorageNameAvailability(GlobalNames names) {
        this.names = names;
    }

    @Override
    public JsonNode invoke(String subscriptionId, JsonNode body, Caller caller, String apiVersion) {
        if (body == null || !body.isObject()) throw ArmErrors.invalidRequestContent("The request body must be a JSON object.");
        JsonNode nameNode = body.get("name");
        if (nameNode == null || !nameNode.isTextual()) throw StorageErrors.invalidParameters("name");
        String type = body.path("type").asText(StorageProvider.ACCOUNT_TYPE);
        if (!type.equalsIgnoreCase(StorageProvider.ACCOUNT_TYPE)) throw StorageErrors.nameCheckTypeInvalid(type);
        String name = nameNode.asText();
        ObjectNode out = Json.object();
        if (!StorageAccountBehavior.isValidName(name)) {
            out.put("nameAvailable", false).put("reason", "AccountNameInvalid")
                    .put("message", StorageErrors.accountNameInvalidMessage(name));
        } else if (names.find(StorageProvider.ACCOUNT_TYPE, name).isPresent()) {
            out.put("nameAvailable", false).put("reason", "AlreadyExists")
                    .put("message", StorageErrors.alreadyTakenMessage(name));
        } else {
            out.put("nameAvailable", true);
        }
        return out;
    }
}
