package dev.cerulean.server.providers.containerregistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.OTHER_SUB;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static org.assertj.core.api.Assertions.assertThat;

/** Registry name rules and global uniqueness (acr.md §1.2, §1.11). */
class RegistryNameTest {

    private static final String NAME_CHECK = "https://docs.microsoft.com/en-us/rest/api/containerregistry/registries/checknameavailability";

    private final AcrTestbed bed = new AcrTestbed();

    @ParameterizedTest
    @ValueSource(strings = {"abcd", "my-registry", "my_registry", "registry.one",
            "a123456789b123456789c123456789d123456789e1234567890"})
    void invalidNamesAreRefused(String name) {
        ApiErrors.expect(() -> bed.createRegistry("rg", name, "Basic"), 400, "ResourceNameInvalid",
                "Invalid resource name: '" + name + "'. Resource names may contain alpha numeric characters only and must be between 5 and 50 characters.");
        assertThat(bed.store.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcde", "MyRegistry01", "a123456789b123456789c123456789d123456789e123456789"})
    void validNamesAreAccepted(String name) {
        assertThat(bed.createRegistry("rg", name, "Basic").get("name").asText()).isEqualTo(name);
    }

    @Test
    void aNameTakenInAnotherResourceGroupIsRefused() {
        bed.createRegistry("rg1", "sharedname", "Basic");
        ApiErrors.expect(() -> bed.createRegistry("rg2", "sharedname", "Basic"), 409, "AlreadyInUse",
                "The registry DNS name sharedname.azurecr.io is already in use. You can check if the name is already claimed using following API: " + NAME_CHECK);
    }

    @Test
    void uniquenessIgnoresCaseAndSpansSubscriptions() {
        bed.createRegistry("rg1", "sharedname", "Basic");
        ApiErrors.expect(() -> bed.put(registryId(OTHER_SUB, "rg9", "SharedName"), "{'location':'westus','sku':{'name':'Basic'}}"),
                409, "AlreadyInUse", "The registry DNS name sharedname.azurecr.io is already in use. You can check if the name is already claimed using following API: " + NAME_CHECK);
    }

    @Test
    void aSecondPutToTheSameRegistryIsAnUpdate() {
        bed.createRegistry("rg1", "samereg", "Basic");
        assertThat(bed.put(registryId("RG1", "SameReg"), "{'location':'westus','sku':{'name':'Standard'}}")
                .get("sku").get("name").asText()).isEqualTo("Standard");
    }

    @Test
    void aDeletedRegistrysNameIsFreeAgain() {
        bed.createRegistry("rg1", "freedname", "Basic");
        bed.delete(registryId("rg1", "freedname"));
        assertThat(bed.createRegistry("rg2", "freedname", "Basic").get("name").asText()).isEqualTo("freedname");
    }
}
