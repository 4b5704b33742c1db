package dev.cerulean.server.arm.builtin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmResponse;

/**
 * {@code GET /metadata/endpoints} (entra.md §9): what {@code az cloud register} reads when given only
 * a resource-manager endpoint. The 2015-01-01 form is one object; later versions answer a list of
 * clouds. URLs name the host the client called, so a cloud registered at
 * {@code https://localhost:<port>} logs in there too.
 */
public final class CloudMetadata {

    private final String registrySuffix;

    public CloudMetadata(String registrySuffix) {
        this.registrySuffix = registrySuffix;
    }

    public ArmResponse endpoints(String baseUrl, String apiVersion, boolean publicHost) {
        String login = publicHost ? "https://login.microsoftonline.com/" : baseUrl + "/";
        String arm = publicHost ? "https://management.azure.com/" : baseUrl + "/";
        if (apiVersion == null || apiVersion.compareTo("2019-05-01") < 0) {
            ObjectNode o = Json.object();
            o.put("galleryEndpoint", "https://gallery.azure.com/");
            o.put("graphEndpoint", "https://graph.windows.net/");
            o.put("portalEndpoint", "https://portal.azure.com/");
            ObjectNode auth = o.putObject("authentication");
            auth.put("loginEndpoint", login);
            auth.putArray("audiences").add("https://management.core.windows.net/").add("https://management.azure.com/");
            return ArmResponse.json(200, o);
        }
        ArrayNode clouds = Json.MAPPER.createArrayNode();
        ObjectNode c = clouds.addObject();
        c.put("portal", "https://portal.azure.com");
        ObjectNode auth = c.putObject("authentication");
        auth.put("loginEndpoint", login);
        auth.putArray("audiences").add("https://management.core.windows.net/").add("https://management.azure.com/");
        auth.put("tenant", "common");
        auth.put("identityProvider", "AAD");
        c.put("media", "https://rest.media.azure.net");
        c.put("graphAudience", "https://graph.windows.net/");
        c.put("graph", "https://graph.windows.net/");
        c.put("name", "AzureCloud");
        ObjectNode suffixes = c.putObject("suffixes");
        suffixes.put("acrLoginServer", registrySuffix.startsWith(".") ? registrySuffix.substring(1) : registrySuffix);
        suffixes.put("keyVaultDns", "vault.azure.net");
        suffixes.put("storage", "core.windows.net");
        suffixes.put("sqlServerHostname", "database.windows.net");
        c.put("batch", "https://batch.core.windows.net/");
        c.put("resourceManager", arm);
        c.put("vmImageAliasDoc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/arm-compute/quickstart-templates/aliases.json");
        c.put("activeDirectoryDataLake", "https://datalake.azure.net/");
        c.put("sqlManagement", "https://management.core.windows.net:8443/");
        c.put("gallery", "https://gallery.azure.com/");
        c.put("microsoftGraphResourceId", "https://graph.microsoft.com/");
        return ArmResponse.json(200, clouds);
    }
}
