package dev.cerulean.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cerulean.server.providers.DependentsTestbed.body;
import static dev.cerulean.server.providers.DependentsTestbed.error;
import static dev.cerulean.server.providers.DependentsTestbed.id;
import static org.assertj.core.api.Assertions.assertThat;

class BlobContainersTest {

    private final DependentsTestbed bed = new DependentsTestbed();
    private final String rg = bed.group("rg");
    private final String account = id(rg, "Microsoft.Storage/storageAccounts", "blobacct01");
    private final String service = account + "/blobServices/default";

    BlobContainersTest() {
        bed.put(account, "{'location':'westus','sku':{'name':'Standard_LRS'},'kind':'StorageV2'}");
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void everyAccountHasItsDefaultBlobServiceWithTheAccountsSku() {
        JsonNode s = bed.get(service);
        assertThat(s.get("name").asText()).isEqualTo("default");
        assertThat(s.get("type").asText()).isEqualTo("Microsoft.Storage/storageAccounts/blobServices");
        assertThat(s.at("/sku/name").asText()).isEqualTo("Standard_LRS");

        JsonNode put = body(bed.put(service, "{'properties':{'deleteRetentionPolicy':{'enabled':true,'days':7},'isVersioningEnabled':true}}"));
        assertThat(put.at("/properties/deleteRetentionPolicy/days").asInt()).isEqualTo(7);
        assertThat(put.at("/properties/isVersioningEnabled").asBoolean()).isTrue();
        assertThat(put.at("/sku/name").asText()).isEqualTo("Standard_LRS");
        assertThat(error(() -> bed.delete(service)).status()).isEqualTo(405);
        assertThat(error(() -> bed.put(account + "/blobServices/other", "{}")).code()).isEqualTo("InvalidResourceName");
    }

    @Test
    void retentionDaysBeyondIntAreRefusedNotWrapped() {
        for (String body : new String[] {"{'properties':{'deleteRetentionPolicy':{'enabled':true,'days':4294967301}}}",
                "{'properties':{'changeFeed':{'enabled':true,'retentionInDays':99999999999}}}"}) {
            ApiError e = error(() -> bed.put(service, body));
            assertThat(e.status()).as(body).isEqualTo(400);
        }
        assertThat(bed.get(service).at("/properties/deleteRetentionPolicy").isMissingNode()).isTrue();
    }

    @Test
    void aContainerIsCreatedEmptyAndUnleased() {
        String id = service + "/containers/logs0";
        var r = bed.put(id, "{'properties':{'metadata':{'team':'infra'}}}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = body(r);
        assertThat(c.get("type").asText()).isEqualTo("Microsoft.Storage/storageAccounts/blobServices/containers");
        assertThat(c.get("etag").asText()).isNotBlank();
        JsonNode p = c.get("properties");
        assertThat(p.get("publicAccess").asText()).isEqualTo("None");
        assertThat(p.get("leaseStatus").asText()).isEqualTo("Unlocked");
        assertThat(p.get("leaseState").asText()).isEqualTo("Available");
        assertThat(p.get("defaultEncryptionScope").asText()).isEqualTo("$account-encryption-key");
        assertThat(p.get("hasLegalHold").asBoolean()).isFalse();
        assertThat(p.at("/metadata/team").asText()).isEqualTo("infra");
        assertThat(bed.put(id, "{}").status()).as("a PUT again is an update").isEqualTo(200);
    }

    @Test
    void publicAccessNeedsTheAccountToAllowIt() {
        ApiError e = error(() -> bed.put(service + "/containers/pub", "{'properties':{'publicAccess':'Blob'}}"));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("PublicAccessNotPermitted");
        bed.patch(account, "{'properties':{'allowBlobPublicAccess':true}}");
        assertThat(body(bed.put(service + "/containers/pub", "{'properties':{'publicAccess':'blob'}}"))
                .at("/properties/publicAccess").asText()).isEqualTo("Blob");
    }

    @Test
    void deletingTheAccountDeletesItsServiceAndContainers() {
        String id = service + "/containers/tmp";
        bed.put(id, "{}");
        bed.delete(account);
        assertThat(bed.get(id)).isNull();
        assertThat(bed.get(service)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ab          | {}                                                       | 400 | ContainerOperationFailure",
            "Logs        | {}                                                       | 400 | ContainerOperationFailure",
            "a--b        | {}                                                       | 400 | ContainerOperationFailure",
            "-ab         | {}                                                       | 400 | ContainerOperationFailure",
            "ab-         | {}                                                       | 400 | ContainerOperationFailure",
            "a_b         | {}                                                       | 400 | ContainerOperationFailure",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | {} | 400 | ContainerOperationFailure",
            "ok-name     | {'properties':{'publicAccess':'Everyone'}}               | 400 | InvalidRequestPropertyValue",
            "ok-name     | {'properties':{'metadata':{'1bad':'x'}}}                 | 400 | InvalidMetadata",
            "ok-name     | {'properties':{'metadata':{'k':5}}}                      | 400 | InvalidMetadata",
            "ok-name     | {'properties':{'metadata':'k=v'}}                        | 400 | InvalidValuesForRequestParameters",
            "ok-name     | {'properties':{'denyEncryptionScopeOverride':'no'}}      | 400 | InvalidRequestPropertyValue",
            "ok-name     | {'properties':[]}                                        | 400 | InvalidRequestContent",
    })
    void badInputIsRefusedAndNothingIsStored(String name, String json, int status, String code) {
        bed.assertPutRefused(service + "/containers/" + name, json, status, code);
    }

    @Test
    void specialContainerNamesAreAccepted() {
        assertThat(bed.put(service + "/containers/$web", "{}").status()).isEqualTo(201);
    }
}
