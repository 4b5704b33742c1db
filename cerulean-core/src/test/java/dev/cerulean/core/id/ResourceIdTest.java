package dev.cerulean.core.id;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceIdTest {

    private static final String SUB = "00000000-0000-0000-0000-000000000000";

    @Test
    void literalSegmentsAreCanonicalAndNamesKeepTheirCasing() {
        ResourceId id = ResourceId.parse("/SUBSCRIPTIONS/" + SUB + "/resourcegroups/My-RG/PROVIDERS/Microsoft.ContainerRegistry/registries/MyReg");
        assertThat(id.id()).isEqualTo("/subscriptions/" + SUB + "/resourceGroups/My-RG/providers/Microsoft.ContainerRegistry/registries/MyReg");
        assertThat(id.key()).isEqualTo(id.id().toLowerCase());
        assertThat(id.name()).isEqualTo("MyReg");
        assertThat(id.type()).isEqualTo("Microsoft.ContainerRegistry/registries");
    }

    @Test
    void childResourcesHaveQualifiedTypesAndParents() {
        ResourceId id = ResourceId.parse("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Ns/registries/r/tokens/t");
        assertThat(id.typePath()).isEqualTo("registries/tokens");
        assertThat(id.type()).isEqualTo("Ns/registries/tokens");
        assertThat(id.parent().id()).endsWith("/providers/Ns/registries/r");
        assertThat(id.parent().parent().isResourceGroup()).isTrue();
        assertThat(id.parent().parent().parent().isSubscription()).isTrue();
        assertThat(id.resourceGroupId().type()).isEqualTo(ResourceId.RESOURCE_GROUP_TYPE);
    }

    @Test
    void equalityIgnoresCase() {
        assertThat(ResourceId.parse("/subscriptions/" + SUB + "/resourceGroups/RG"))
                .isEqualTo(ResourceId.parse("/subscriptions/" + SUB + "/resourcegroups/rg"));
    }

    @Test
    void malformedIdsAreNotParsed() {
        assertThat(ResourceId.parse("/tenants/x")).isNull();
        assertThat(ResourceId.parse("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Ns/registries")).isNull();
        assertThat(ResourceId.parse("/subscriptions/" + SUB + "/resourceGroups/rg/providers/Ns/registries//x")).isNull();
        assertThat(ResourceId.isGuid("not-a-guid")).isFalse();
    }
}
