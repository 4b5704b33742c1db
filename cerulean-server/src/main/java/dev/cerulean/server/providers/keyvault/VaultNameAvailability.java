package dev.cerulean.server.providers.keyvault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.GlobalNames;
import dev.cerulean.server.arm.spi.ProviderAction;

/**
 * {@code POST /subscriptions/{s}/providers/Microsoft.KeyVault/checkNameAvailability} with
 * {@code {"name", "type": "Microsoft.KeyVault/vaults"}}: always 200, {@code nameAvailable} and, when
 * false, {@code reason} {@code AccountNameInvalid} or {@code AlreadyExists} (the RP's enum) with a message.
 */
final class VaultNameAvailability implements ProviderAction {

    private final GlobalNames names;

    VaultNameAvailability(GlobalNames names) {
        this.names = names;
    }

    @Override
    public JsonNode invoke(String subscriptionId, JsonNode body, Caller caller, String apiVersion) {
        if (body == null || !body.isObject()) throw ArmErrors.invalidRequestContent("The request body must be a JSON object.");
        JsonNode nameNode = body.get("name");
        if (nameNode == null || !nameNode.isTextual()) throw KeyVaultErrors.invalidValue("name");
        String type = body.path("type").asText(KeyVaultProvider.VAULT_TYPE);
        if (!type.equalsIgnoreCase(KeyVaultProvider.VAULT_TYPE)) throw KeyVaultErrors.nameCheckTypeInvalid(type);
        String name = nameNode.asText();
        ObjectNode out = Json.object();
        if (!VaultBehavior.isValidName(name)) {
            out.put("nameAvailable", false).put("reason", "AccountNameInvalid")
                    .put("message", KeyVaultErrors.vaultNameInvalidMessage(name));
        } else if (names.find(KeyVaultProvider.VAULT_TYPE, name).isPresent()) {
            out.put("nameAvailable", false).put("reason", "AlreadyExists")
                    .put("message", "The vault name '" + name + "' is already in use.");
        } else {
            out.put("nameAvailable", true);
        }
        return out;
    }
}
