package dev.cerulean.it.seeds;

/**
 * The curl commands of seed 004 (Microsoft Learn "Create, run, and delete Azure ML resources using
 * REST") as the document prints them, placeholders and all. {@link Seed004CurlIT} fills the
 * placeholders and runs them with bash.
 */
final class Seed004Commands {
    private Seed004Commands() {}

    static final String LIST_WORKSPACES = """
            curl https://management.azure.com/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/providers/Microsoft.MachineLearningServices/workspaces/?api-version=2022-05-01 \\
            -H "Authorization:Bearer <YOUR-ACCESS-TOKEN>"
            """;

    static final String LIST_EXPERIMENTS = """
            curl https://<REGIONAL-API-SERVER>/history/v1.0/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.MachineLearningServices/workspaces/<YOUR-WORKSPACE-NAME>/experiments?api-version=2022-05-01 \\
            -H "Authorization:Bearer <YOUR-ACCESS-TOKEN>"
            """;

    static final String LIST_MODELS = """
            curl https://<REGIONAL-API-SERVER>/modelmanagement/v1.0/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.MachineLearningServices/workspaces/<YOUR-WORKSPACE-NAME>/models?api-version=2022-05-01 \\
            -H "Authorization:Bearer <YOUR-ACCESS-TOKEN>"
            """;

    static final String LIST_COMPUTES = """
            curl https://management.azure.com/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.MachineLearningServices/workspaces/<YOUR-WORKSPACE-NAME>/computes?api-version=2022-05-01 \\
            -H "Authorization:Bearer <YOUR-ACCESS-TOKEN>"
            """;

    static final String CREATE_COMPUTE = """
            curl -X PUT \\
              'https://management.azure.com/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/providers/Microsoft.MachineLearningServices/workspaces/<YOUR-WORKSPACE-NAME>/computes/<YOUR-COMPUTE-NAME>?api-version=2022-05-01' \\
              -H 'Authorization:Bearer <YOUR-ACCESS-TOKEN>' \\
              -H 'Content-Type: application/json' \\
              -d '{
                "location": "eastus",
                "properties": {
                    "computeType": "AmlCompute",
                    "properties": {
                        "vmSize": "Standard_D1",
                        "vmPriority": "Dedicated",
                        "scaleSettings": {
                            "maxNodeCount": 1,
                            "minNodeCount": 0,
                            "nodeIdleTimeBeforeScaleDown": "PT30M"
                        }
                    }
                },
                "userAccountCredentials": {
                    "adminUserName": "<ADMIN_USERNAME>",
                    "adminUserPassword": "<ADMIN_PASSWORD>"
                }
            }'
            """;

    static final String CREATE_WORKSPACE = """
            curl -X PUT \\
              'https://management.azure.com/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>\\
            /providers/Microsoft.MachineLearningServices/workspaces/<YOUR-NEW-WORKSPACE-NAME>?api-version=2022-05-01' \\
              -H 'Authorization: Bearer <YOUR-ACCESS-TOKEN>' \\
              -H 'Content-Type: application/json' \\
              -d '{
                "location": "AZURE-LOCATION>",
                "identity" : {
                    "type" : "systemAssigned"
                },
                "properties": {
                    "friendlyName" : "<YOUR-WORKSPACE-FRIENDLY-NAME>",
                    "description" : "<YOUR-WORKSPACE-DESCRIPTION>",
                    "containerRegistry" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.ContainerRegistry/registries/<YOUR-REGISTRY-NAME>",
                    keyVault" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>\\
            /providers/Microsoft.Keyvault/vaults/<YOUR-KEYVAULT-NAME>",
                    "applicationInsights" : "subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.insights/components/<YOUR-APPLICATION-INSIGHTS-NAME>",
                    "storageAccount" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.Storage/storageAccounts/<YOUR-STORAGE-ACCOUNT-NAME>"
                }
            }'
            """;

    static final String CREATE_WORKSPACE_USER_IDENTITY = """
            curl -X PUT \\
              'https://management.azure.com/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>\\
            /providers/Microsoft.MachineLearningServices/workspaces/<YOUR-NEW-WORKSPACE-NAME>?api-version=2022-05-01' \\
              -H 'Authorization: Bearer <YOUR-ACCESS-TOKEN>' \\
              -H 'Content-Type: application/json' \\
              -d '{
                "location": "AZURE-LOCATION>",
                "identity": {
                  "type": "SystemAssigned,UserAssigned",
                  "userAssignedIdentities": {
                    "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.ManagedIdentity/userAssignedIdentities/<YOUR-MANAGED-IDENTITY>": {}
                  }
                },
                "properties": {
                    "friendlyName" : "<YOUR-WORKSPACE-FRIENDLY-NAME>",
                    "description" : "<YOUR-WORKSPACE-DESCRIPTION>",
                    "containerRegistry" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.ContainerRegistry/registries/<YOUR-REGISTRY-NAME>",
                    keyVault" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>\\
            /providers/Microsoft.Keyvault/vaults/<YOUR-KEYVAULT-NAME>",
                    "applicationInsights" : "subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.insights/components/<YOUR-APPLICATION-INSIGHTS-NAME>",
                    "storageAccount" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.Storage/storageAccounts/<YOUR-STORAGE-ACCOUNT-NAME>"
                }
            }'
            """;

    static final String CREATE_WORKSPACE_CMK = """
            curl -X PUT \\
              'https://management.azure.com/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>\\
            /providers/Microsoft.MachineLearningServices/workspaces/<YOUR-NEW-WORKSPACE-NAME>?api-version=2022-05-01' \\
              -H 'Authorization: Bearer <YOUR-ACCESS-TOKEN>' \\
              -H 'Content-Type: application/json' \\
              -d '{
                "location": "eastus2euap",
                "identity": {
                  "type": "SystemAssigned"
                },
                "properties": {
                  "friendlyName": "<YOUR-WORKSPACE-FRIENDLY-NAME>",
                  "description": "<YOUR-WORKSPACE-DESCRIPTION>",
                  "containerRegistry" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.ContainerRegistry/registries/<YOUR-REGISTRY-NAME>",
                  "keyVault" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>\\
            /providers/Microsoft.Keyvault/vaults/<YOUR-KEYVAULT-NAME>",
                  "applicationInsights" : "subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.insights/components/<YOUR-APPLICATION-INSIGHTS-NAME>",
                  "storageAccount" : "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.Storage/storageAccounts/<YOUR-STORAGE-ACCOUNT-NAME>",
                  "encryption": {
                    "status": "Enabled",
                    "identity": {
                      "userAssignedIdentity": null
                    },     \s
                    "keyVaultProperties": {
                       "keyVaultArmId": "/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/\\
            providers/Microsoft.KeyVault/vaults/<YOUR-VAULT>",
                       "keyIdentifier": "https://<YOUR-VAULT>.vault.azure.net/keys/<YOUR-KEY>/<YOUR-KEY-VERSION>",
                       "identityClientId": ""
                    }
                  },
                  "hbiWorkspace": false
                }
            }'
            """;

    /** The document's first line lacks its continuation backslash; a reader joins it, as bash alone would not. */
    static final String DELETE_MODEL = """
            curl
              -X DELETE \\
            'https://<REGIONAL-API-SERVER>/modelmanagement/v1.0/subscriptions/<YOUR-SUBSCRIPTION-ID>/resourceGroups/<YOUR-RESOURCE-GROUP>/providers/Microsoft.MachineLearningServices/workspaces/<YOUR-WORKSPACE-NAME>/models/<YOUR-MODEL-ID>?api-version=2022-05-01' \\
              -H 'Authorization:Bearer <YOUR-ACCESS-TOKEN>'\s
            """;
}
