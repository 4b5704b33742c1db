package dev.cerulean.server.providers.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.id.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped built-in roles: well-formed, and the 13 of graph-rbac.md §4 exactly as published. */
class BuiltInRolesTest {

    private static final String ML = "Microsoft.MachineLearningServices/workspaces";
    private static final String SB = "Microsoft.Storage/storageAccounts/blobServices";
    private static final String KV = "Microsoft.KeyVault";

    @Test
    void everyRoleHasAUniqueGuidAndNameAndOneBlock() {
        Set<String> names = new HashSet<>();
        assertThat(BuiltInRoles.all()).hasSizeGreaterThanOrEqualTo(910);
        for (RoleDefinition d : BuiltInRoles.all().values()) {
            assertThat(ResourceId.isGuid(d.name())).as(d.name()).isTrue();
            assertThat(d.name()).isEqualTo(d.name().toLowerCase(Locale.ROOT));
            assertThat(names.add(d.roleName().toLowerCase(Locale.ROOT))).as(d.roleName()).isTrue();
            assertThat(d.description()).isNotBlank();
            assertThat(d.permissions()).hasSize(1);
            assertThat(d.assignableScopes()).isNotEmpty().allMatch(s -> s.startsWith("/"));
        }
    }

    @Test
    void rolesAssignableOnlyElsewhereKeepAzuresScopes() {
        assertThat(BuiltInRoles.byGuid("4e50c84c-c78e-4e37-b47e-e60ffea0a775").assignableScopes())
                .containsExactly("/providers/Microsoft.Management/serviceGroups");
        assertThat(BuiltInRoles.byGuid("32e6a4ec-6095-4e37-b54b-12aa350ba81f").toJson("s").at("/properties/assignableScopes/0").asText())
                .isEqualTo("/providers/Microsoft.Management/serviceGroups");
        assertThat(BuiltInRoles.byGuid("d534ad90-4ac5-4815-a178-b2e47397baab").assignableScopes())
                .containsExactly("/providers/Microsoft.BillingBenefits");
        assertThat(BuiltInRoles.byGuid("56be40e2-4db1-4ccf-93c3-7e44c597135b").assignableScopes()).containsExactly("/providers/Microsoft.Insights");
        assertThat(BuiltInRoles.byGuid("d2e8fe82-9212-490f-af3e-34bb52d87d3d").assignableScopes())
                .containsExactly("/", "/providers/Microsoft.Management/serviceGroups");
        assertThat(BuiltInRoles.byGuid("53be45b2-ad40-43ab-bc1f-2c962ac99ded").assignableScopes()).containsExactly("/providers/Microsoft.PowerApps");
        assertThat(BuiltInRoles.byGuid("a8889054-8d42-49c9-bc1c-52486c10e7cd").assignableScopes()).containsExactly("/providers/Microsoft.Capacity");
        assertThat(BuiltInRoles.byGuid("ed2561a6-b260-4d25-9d88-54ee1b8e8b37").assignableScopes()).hasSize(3)
                .allMatch(s -> s.startsWith("/subscriptions/"));
        assertThat(BuiltInRoles.byGuid(BuiltInRoles.OWNER).assignableScopes()).containsExactly("/");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635|Owner|*||",
            "b24988ac-6180-42a0-ab88-20f7382dd24c|Contributor|*|Microsoft.Authorization/*/Delete,Microsoft.Authorization/*/Write,Microsoft.Authorization/elevateAccess/Action,Microsoft.Blueprint/blueprintAssignments/write,Microsoft.Blueprint/blueprintAssignments/delete,Microsoft.Compute/galleries/share/action,Microsoft.Purview/consents/write,Microsoft.Purview/consents/delete,Microsoft.Resources/deploymentStacks/manageDenySetting/action,Microsoft.Subscription/cancel/action,Microsoft.Subscription/enable/action|",
            "acdd72a7-3385-48ef-bd42-f606fba81ae7|Reader|*/read||",
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9|User Access Administrator|*/read,Microsoft.Authorization/*,Microsoft.Support/*||",
            "f58310d9-a9f6-439a-9e8d-f62e7b41a168|Role Based Access Control Administrator|Microsoft.Authorization/roleAssignments/write,Microsoft.Authorization/roleAssignments/delete,*/read,Microsoft.Support/*||",
            "7f951dda-4ed3-4680-a7ca-43fe172d538d|AcrPull|Microsoft.ContainerRegistry/registries/pull/read||",
            "8311e382-0749-4cb8-b61a-304f252e45ec|AcrPush|Microsoft.ContainerRegistry/registries/pull/read,Microsoft.ContainerRegistry/registries/push/write||",
            "c2f4ef07-c644-48eb-af81-4b1b4947fb11|AcrDelete|Microsoft.ContainerRegistry/registries/artifacts/delete||",
            "6cef56e8-d556-48e5-a04f-b8e64114680f|AcrImageSigner|Microsoft.ContainerRegistry/registries/sign/write||Microsoft.ContainerRegistry/registries/trustedCollections/write",
            "f6c7c914-8db3-469d-8ca1-694a8f32e121|AzureML Data Scientist|ML/*/read,ML/*/action,ML/*/delete,ML/*/write|ML/delete,ML/write,ML/computes/*/write,ML/computes/*/delete,ML/computes/listKeys/action,ML/listKeys/action,ML/hubs/write,ML/hubs/delete,ML/featurestores/write,ML/featurestores/delete|",
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe|Storage Blob Data Contributor|SB/containers/delete,SB/containers/read,SB/containers/write,SB/generateUserDelegationKey/action||SB/containers/blobs/delete,SB/containers/blobs/read,SB/containers/blobs/move/action,SB/containers/blobs/write,SB/containers/blobs/add/action",
            "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1|Storage Blob Data Reader|SB/containers/read,SB/generateUserDelegationKey/action||SB/containers/blobs/read",
            "00482a5a-887f-4fb3-b363-3b7fe8e74483|Key Vault Administrator|Microsoft.Authorization/*/read,Microsoft.Insights/alertRules/*,Microsoft.Resources/deployments/*,Microsoft.Resources/subscriptions/resourceGroups/read,Microsoft.Support/*,KV/checkNameAvailability/read,KV/deletedVaults/read,KV/locations/*/read,KV/vaults/*/read,KV/operations/read||KV/vaults/*",
    })
    void graphRbacSection4RolesMatch(String guid, String roleName, String actions, String notActions, String dataActions) {
        RoleDefinition d = BuiltInRoles.byGuid(guid);
        assertThat(d).as(roleName).isNotNull();
        assertThat(d.roleName()).isEqualTo(roleName);
        JsonNode block = d.permissions().get(0);
        assertThat(texts(block, "actions")).containsExactlyElementsOf(expand(actions));
        assertThat(texts(block, "notActions")).containsExactlyElementsOf(expand(notActions));
        assertThat(texts(block, "dataActions")).containsExactlyElementsOf(expand(dataActions));
        assertThat(texts(block, "notDataActions")).isEmpty();
    }

    @Test
    void descriptionsAreAzures() {
        assertThat(BuiltInRoles.byGuid(BuiltInRoles.OWNER).description())
                .isEqualTo("Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.");
        assertThat(BuiltInRoles.byGuid("7f951dda-4ed3-4680-a7ca-43fe172d538d").description()).isEqualTo("acr pull");
        assertThat(BuiltInRoles.byGuid("acdd72a7-3385-48ef-bd42-f606fba81ae7").description())
                .isEqualTo("View all resources, but does not allow you to make any changes.");
    }

    /** Roles newer than the first transcription, from the `az role definition list` dump (README beside the data). */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "64702f94-c441-49e6-a78b-ef80e0188fee|Azure AI Developer|Microsoft.MachineLearningServices/workspaces/*/read|Microsoft.CognitiveServices/accounts/OpenAI/*",
            "53ca6127-db72-4b80-b1b0-d745d6d5456d|Foundry User|Microsoft.CognitiveServices/*/read|Microsoft.CognitiveServices/*",
            "b93aa761-3e63-49ed-ac28-beffa264f7ac|Container Registry Repository Reader||Microsoft.ContainerRegistry/registries/repositories/content/read",
            "2a1e307c-b015-4ebd-883e-5b7698a07328|Container Registry Repository Writer||Microsoft.ContainerRegistry/registries/repositories/content/write",
            "2efddaa5-3f1f-4df3-97df-af3f13818f4c|Container Registry Repository Contributor||Microsoft.ContainerRegistry/registries/repositories/content/delete",
            "fb382eab-e894-4461-af04-94435c366c3f|Container Registry Tasks Contributor|Microsoft.ContainerRegistry/registries/tasks/read|",
            "db79e9a7-68ee-4b58-9aeb-b90e7c24fcba|Key Vault Certificate User||Microsoft.KeyVault/vaults/certificates/read",
            "b59867f0-fa02-499b-be73-45a86b5b3e1c|Cognitive Services Data Reader||Microsoft.CognitiveServices/*/read",
            "adb29209-aa1d-457b-a786-c913953d2891|Azure Deployment Stack Owner|Microsoft.Resources/deploymentStacks/*|",
            "a68e7c17-0ab2-4c09-9a58-125dae29748c|Key Vault Purge Operator|Microsoft.KeyVault/locations/deletedVaults/purge/action|",
            "96062cf7-95ca-4f89-9b9d-2a2aa47356af|Defender Registry Access|Microsoft.ContainerRegistry/registries/push/write|Microsoft.ContainerRegistry/registries/repositories/content/write",
            "caad7a21-134e-43f4-a550-c5ffc17e051c|AI Gateway User||Microsoft.ApiManagement/service/workspaces/*",
            "e2845093-d729-45cd-9f6e-a337c027d655|Azure AIManager RBAC Admin|Microsoft.Authorization/*/read|Microsoft.ContainerService/aiManagers/*",
            "4562aac9-b209-4bd7-a144-6d7f3bb516f4|Oracle.Database Owner Built-in Role|Oracle.Database/*|",
            "30b3bcf2-670a-4bdc-8669-7e0ae0c0dfda|Quantum Workspace Owner|Microsoft.Authorization/roleAssignments/delete|Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write",
            "0fb8eba5-a2bb-4abe-b1c1-49dfad359bb0|Azure ContainerApps Session Executor|Microsoft.App/sessionPools/sessions/generatesessions/action|Microsoft.App/sessionPools/executions/*",
            "98c206fe-ea1b-4578-93f8-83a99a5628fc|Aws Connector contributor role|Microsoft.AwsConnector/wafWebACLSummaries/write|",
            "56be40e2-4db1-4ccf-93c3-7e44c597135b|Monitored Objects Contributor|Microsoft.Insights/monitoredObjects/write|",
            "28c0d4cd-558d-4de9-91a0-faa18e7b3266|Savings plan Contributor|Microsoft.BillingBenefits/savingsPlanOrders/*/action|",
            "c840cbbc-8508-4228-b700-ec6522a74314|Foundational RP Contributor|Microsoft.DocumentDB/databaseAccounts/networkSecurityPerimeterAssociations/write|",
            "6cd4ddd5-44f4-45bf-853e-a23e79738ce8|Azure Copilot User|Microsoft.Authorization/roleAssignments/read|Microsoft.PortalServices/copilotSettings/conversations/action",
            "dd920d6d-f481-47f1-b461-f338c46b2d9f|Marketplace Admin|Microsoft.Marketplace/privateStores/*/action|",
    })
    void newerRolesArePresent(String guid, String roleName, String action, String dataAction) {
        RoleDefinition d = BuiltInRoles.byGuid(guid);
        assertThat(d).as(roleName).isNotNull();
        assertThat(d.roleName()).isEqualTo(roleName);
        JsonNode block = d.permissions().get(0);
        if (action != null) assertThat(texts(block, "actions")).contains(action);
        if (dataAction != null) assertThat(texts(block, "dataActions")).contains(dataAction);
    }

    private static List<String> texts(JsonNode block, String field) {
        return RoleDefinition.texts(block.get(field));
    }

    private static List<String> expand(String list) {
        if (list == null || list.isBlank()) return List.of();
        return List.of(list.replace("ML/", ML + "/").replace("SB/", SB + "/").replace("KV/", KV + "/").split(","));
    }
}
