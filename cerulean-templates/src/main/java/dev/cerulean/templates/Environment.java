package dev.cerulean.templates;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code environment()}: the public cloud's values unless the server supplies its own. */
public final class Environment {
    private Environment() {}

    public static ObjectNode azureCloud() {
        ObjectNode env = Values.object();
        env.put("name", "AzureCloud");
        env.put("gallery", "https://gallery.azure.com/");
        env.put("graph", "https://graph.windows.net/");
        env.put("portal", "https://portal.azure.com");
        env.put("graphAudience", "https://graph.windows.net/");
        env.put("activeDirectoryDataLake", "https://datalake.azure.net/");
        env.put("batch", "https://batch.core.windows.net/");
        env.put("media", "https://rest.media.azure.net");
        env.put("sqlManagement", "https://management.core.windows.net:8443/");
        env.put("vmImageAliasDoc", "https://raw.githubusercontent.com/Azure/azure-rest-api-specs/main/arm-compute/quickstart-templates/aliases.json");
        env.put("resourceManager", "https://management.azure.com/");
        ObjectNode auth = env.putObject("authentication");
        auth.put("loginEndpoint", "https://login.microsoftonline.com/");
        auth.putArray("audiences").add("https://management.core.windows.net/").add("https://management.azure.com/");
        auth.put("tenant", "common");
        auth.put("identityProvider", "AAD");
        ObjectNode suffixes = env.putObject("suffixes");
        suffixes.put("acrLoginServer", ".azurecr.io");
        suffixes.put("azureDatalakeAnalyticsCatalogAndJob", "azuredatalakeanalytics.net");
        suffixes.put("azureDatalakeStoreFileSystem", "azuredatalakestore.net");
        suffixes.put("azureFrontDoorEndpointSuffix", "azurefd.net");
        suffixes.put("keyvaultDns", ".vault.azure.net");
        suffixes.put("sqlServerHostname", ".database.windows.net");
        suffixes.put("storage", "core.windows.net");
        return env;
    }
}
