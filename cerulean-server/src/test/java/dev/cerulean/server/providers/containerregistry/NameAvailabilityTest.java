package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.OTHER_SUB;
import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static dev.cerulean.server.providers.containerregistry.Conformance.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** checkNameAvailability (acr.md §1.8). */
class NameAvailabilityTest {

    private final AcrTestbed bed = new AcrTestbed();

    @Test
    void aFreeNameIsAvailable() {
        assertThat(bed.checkName("{'name':'freshname','type':'Microsoft.ContainerRegistry/registries'}"))
                .isEqualTo(Json.parse("{\"nameAvailable\":true}"));
    }

    @Test
    void aTakenNameInAnySubscriptionAndCaseIsNotAvailable() {
        bed.put(registryId(OTHER_SUB, "rg", "TakenName"), "{'location':'westus','sku':{'name':'Basic'}}");
        assertThat(bed.checkName("{'name':'takenname','type':'microsoft.containerregistry/registries'}")).isEqualTo(Json.parse(
                "{\"nameAvailable\":false,\"reason\":\"AlreadyExists\",\"message\":\"The registry takenname is already in use.\"}"));
    }

    @Test
    void matchesTheRegistryCheckNameNotAvailableExample() {
        JsonNode example = Conformance.example("RegistryCheckNameNotAvailable.json");
        bed.createRegistry("rg", "myRegistry", "Basic");
        JsonNode result = bed.checkName(Json.write(example.get("parameters").get("registryNameCheckRequest")));
        assertThat(result).isEqualTo(example.get("responses").get("200").get("body"));
    }

    @Test
    void matchesTheRegistryCheckNameAvailableExample() {
        JsonNode example = Conformance.example("RegistryCheckNameAvailable.json");
        JsonNode result = bed.checkName(Json.write(example.get("parameters").get("registryNameCheckRequest")));
        assertThat(keys(result)).isEqualTo(keys(example.get("responses").get("200").get("body")));
    }

    @Test
    void anInvalidNameIsReportedAsInvalid() {
        assertThat(bed.checkName("{'name':'my-reg','type':'Microsoft.ContainerRegistry/registries'}")).isEqualTo(Json.parse(
                "{\"nameAvailable\":false,\"reason\":\"Invalid\",\"message\":\"Invalid resource name: 'my-reg'. Resource names may contain alpha numeric characters only and must be between 5 and 50 characters.\"}"));
    }

    @Test
    void anotherTypeIsRefused() {
        ApiErrors.expect(() -> bed.checkName("{'name':'freshname','type':'Microsoft.Storage/storageAccounts'}"), 400,
                "InvalidResourceType",
                "The resource type 'Microsoft.Storage/storageAccounts' is invalid. The only supported type is 'Microsoft.ContainerRegistry/registries'.");
    }

    @Test
    void theNameIsRequired() {
        ApiErrors.expect(() -> bed.checkName("{'type':'Microsoft.ContainerRegistry/registries'}"), 400, "InvalidParameter",
                "The property 'name' is required.");
    }
}
