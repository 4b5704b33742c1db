package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ProviderAction;

/**
 * {@code POST /subscriptions/{s}/providers/Microsoft.ContainerRegistry/checkNameAvailability}
 * (acr.md §1.8): always 200, {@code {"nameAvailable": true}} or false with {@code reason}
 * {@code Invalid} or {@code AlreadyExists} and a message. Names are global, so every subscription
 * counts, not only the caller's.
 */
final class NameAvailability implements ProviderAction {

    static final String REGISTRY_TYPE = ContainerRegistryProvider.NAMESPACE + "/registries";

    private final RegistryDirectory directory;

    NameAvailability(RegistryDirectory directory) {
        this.directory = directory;
    }

    @Override
    public JsonNode invoke(String subscriptionId, JsonNode body, Caller caller, String apiVersion) {
        JsonNode in = body == null || body.isNull() ? Json.object() : body;
        if (!in.isObject()) throw AcrErrors.invalidValue(in.toString(), "RegistryNameCheckRequest", "");
        String name = LooseValues.text(in.get("name"), "name");
        String type = LooseValues.text(in.get("type"), "type");
        if (name == null) throw AcrErrors.invalidParameter("The property 'name' is required.");
        if (type == null || !type.trim().equalsIgnoreCase(REGISTRY_TYPE)) throw AcrErrors.nameCheckTypeInvalid(String.valueOf(type));
        ObjectNode out = Json.object();
        if (!NameRules.isRegistryName(name)) {
            out.put("nameAvailable", false);
            out.put("reason", "Invalid");
            out.put("message", AcrErrors.registryNameInvalidMessage(name));
        } else if (directory.byName(name).isPresent()) {
            out.put("nameAvailable", false);
            out.put("reason", "AlreadyExists");
            out.put("message", AcrErrors.nameTakenMessage(name));
        } else {
            out.put("nameAvailable", true);
        }
        return out;
    }
}
