package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Customer-managed-key {@code encryption} (ml.md §2.2): status and key vault properties required,
 * the vault must exist as a {@code Microsoft.KeyVault/vaults} resource, and the key identifier must
 * be a key URL of that vault. Cerulean has no key vault data plane, so the key itself is not looked up.
 */
final class WorkspaceEncryption {
    private WorkspaceEncryption() {}

    private static final List<String> STATUSES = List.of("Enabled", "Disabled");

    /** The encryption object to store, or null when none was requested. */
    static ObjectNode complete(JsonNode requested, Dependents dependents, String subscriptionId) {
        if (requested == null || requested.isNull()) return null;
        if (!requested.isObject()) throw MlErrors.validation("The property 'encryption' must be an object.", "encryption");
        JsonNode status = requested.get("status");
        if (status == null || status.isNull()) throw MlErrors.required("encryption.status");
        String canonicalStatus = STATUSES.stream().filter(s -> s.equalsIgnoreCase(status.asText())).findFirst()
                .orElseThrow(() -> MlErrors.invalidValue("encryption.status", status.asText(), STATUSES));
        JsonNode kv = requested.get("keyVaultProperties");
        if (kv == null || !kv.isObject()) throw MlErrors.required("encryption.keyVaultProperties");
        String vaultArmId = text(kv.get("keyVaultArmId"));
        String keyIdentifier = text(kv.get("keyIdentifier"));
        if (vaultArmId == null) throw MlErrors.required("encryption.keyVaultProperties.keyVaultArmId");
        if (keyIdentifier == null) throw MlErrors.required("encryption.keyVaultProperties.keyIdentifier");
        Dependents.Found vault = dependents.require("encryption.keyVaultProperties.keyVaultArmId", vaultArmId,
                Dependents.KEY_VAULT, subscriptionId);
        checkKeyIdentifier(keyIdentifier, vault);

        ObjectNode out = Json.object();
        out.put("status", canonicalStatus);
        ObjectNode identity = out.putObject("identity");
        String uai = text(requested.path("identity").get("userAssignedIdentity"));
        if (uai == null) {
            identity.putNull("userAssignedIdentity");
        } else {
            identity.put("userAssignedIdentity", dependents.require("encryption.identity.userAssignedIdentity", uai,
                    Dependents.USER_IDENTITY, subscriptionId).id());
        }
        ObjectNode props = out.putObject("keyVaultProperties");
        props.put("keyVaultArmId", vault.id());
        props.put("keyIdentifier", keyIdentifier);
        props.put("identityClientId", text(kv.get("identityClientId")) == null ? "" : kv.get("identityClientId").asText());
        return out;
    }

    /** {@code https://{vault host}/keys/{name}[/{version}]}, the host being the vault's own. */
    private static void checkKeyIdentifier(String keyIdentifier, Dependents.Found vault) {
        URI uri;
        try {
            uri = new URI(keyIdentifier);
        } catch (URISyntaxException e) {
            throw MlErrors.invalidKeyIdentifier(keyIdentifier);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getPath() == null) {
            throw MlErrors.invalidKeyIdentifier(keyIdentifier);
        }
        String[] path = uri.getPath().replaceAll("/+$", "").split("/");
        if (path.length < 3 || path.length > 4 || !path[0].isEmpty() || !path[1].equalsIgnoreCase("keys") || path[2].isEmpty()) {
            throw MlErrors.invalidKeyIdentifier(keyIdentifier);
        }
        String vaultName = vault.id().substring(vault.id().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String vaultHost = vaultHost(vault);
        boolean matches = vaultHost != null ? host.equals(vaultHost) : host.startsWith(vaultName + ".vault.");
        if (!matches && !host.equals(vaultName + ".vault.azure.net")) throw MlErrors.invalidKeyIdentifier(keyIdentifier);
    }

    private static String vaultHost(Dependents.Found vault) {
        String uri = text(vault.property("vaultUri"));
        if (uri == null) return null;
        try {
            String h = new URI(uri).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }
}
