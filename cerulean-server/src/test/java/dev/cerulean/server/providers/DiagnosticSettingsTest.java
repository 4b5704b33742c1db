package dev.cerulean.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ExtensionRequest;
import dev.cerulean.server.arm.spi.ExtensionResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;

import static dev.cerulean.server.providers.DependentsTestbed.CALLER;
import static dev.cerulean.server.providers.DependentsTestbed.SUB;
import static dev.cerulean.server.providers.DependentsTestbed.error;
import static dev.cerulean.server.providers.DependentsTestbed.id;
import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticSettingsTest {

    private final DependentsTestbed bed = new DependentsTestbed();
    private final String rg = bed.group("rg");
    private final String target = id(rg, "microsoft.insights/components", "appi");
    private final String store = id(rg, "Microsoft.Storage/storageAccounts", "diagstore01");
    private final String valid = "{'properties':{'storageAccountId':'" + store + "','workspaceId':null,"
            + "'logs':[{'category':'AppEvents','enabled':true}],'metrics':[{'category':'AllMetrics','enabled':true}]}}";

    DiagnosticSettingsTest() {
        bed.put(target, "{'location':'westus','kind':'web','properties':{'Application_Type':'web'}}");
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private ExtensionResponse call(String method, String scope, String name, String json) {
        return bed.dependents.insights().extensionTypes().handle(new ExtensionRequest(method, ResourceId.parse(scope),
                "diagnosticSettings", name, q -> null, () -> parse(json), CALLER, "2021-05-01-preview"));
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? Json.object() : Json.LENIENT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void putGetListDelete() {
        ExtensionResponse put = call("PUT", target, "to-storage", valid);
        assertThat(put.status()).isEqualTo(200);
        JsonNode doc = put.body();
        assertThat(doc.get("id").asText()).isEqualTo(target + "/providers/Microsoft.Insights/diagnosticSettings/to-storage");
        assertThat(doc.get("type").asText()).isEqualTo("Microsoft.Insights/diagnosticSettings");
        assertThat(doc.at("/properties/storageAccountId").asText()).isEqualTo(store);
        assertThat(doc.at("/properties").has("workspaceId")).as("nulls are dropped").isFalse();

        assertThat(call("GET", target, "to-storage", null).body()).isEqualTo(doc);
        assertThat(call("GET", target, null, null).body().at("/value/0/name").asText()).isEqualTo("to-storage");
        assertThat(call("DELETE", target, "to-storage", null).status()).isEqualTo(200);
        assertThat(call("DELETE", target, "to-storage", null).status()).isEqualTo(204);
        ApiError missing = error(() -> call("GET", target, "to-storage", null));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("ResourceNotFound");
    }

    @Test
    void deletingTheTargetDeletesItsSettings() {
        call("PUT", target, "s1", valid);
        bed.delete(target);
        String key = (target + "/providers/Microsoft.Insights/diagnosticSettings/s1").toLowerCase();
        assertThat(bed.stores.resources().get(key)).isEmpty();
    }

    @Test
    void resourceGroupsAreNotAScope() {
        ApiError e = error(() -> call("PUT", "/subscriptions/" + SUB + "/resourceGroups/" + rg, "s", valid));
        assertThat(e.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no properties            | {}                                                                                   | BadRequest",
            "no destination           | {'properties':{'logs':[{'category':'A','enabled':true}]}}                           | BadRequest",
            "storage id not an id     | {'properties':{'storageAccountId':'mystore'}}                                        | LinkedInvalidPropertyId",
            "storage id of a registry | {'properties':{'storageAccountId':'/subscriptions/s/resourceGroups/r/providers/Microsoft.ContainerRegistry/registries/x'}} | LinkedInvalidPropertyId",
            "workspace id a number    | {'properties':{'workspaceId':5}}                                                     | LinkedInvalidPropertyId",
            "logs not an array        | {'properties':{'storageAccountId':'STORE','logs':{}}}                               | BadRequest",
            "log without category     | {'properties':{'storageAccountId':'STORE','logs':[{'enabled':true}]}}               | BadRequest",
            "log with both            | {'properties':{'storageAccountId':'STORE','logs':[{'category':'a','categoryGroup':'b','enabled':true}]}} | BadRequest",
            "metric with a group      | {'properties':{'storageAccountId':'STORE','metrics':[{'categoryGroup':'b','enabled':true}]}} | BadRequest",
            "enabled missing          | {'properties':{'storageAccountId':'STORE','logs':[{'category':'a'}]}}               | BadRequest",
            "retention out of range   | {'properties':{'storageAccountId':'STORE','logs':[{'category':'a','enabled':true,'retentionPolicy':{'enabled':true,'days':400}}]}} | BadRequest",
            "retention beyond int     | {'properties':{'storageAccountId':'STORE','logs':[{'category':'a','enabled':true,'retentionPolicy':{'enabled':true,'days':99999999999}}]}} | BadRequest",
            "retention wrapping to 5  | {'properties':{'storageAccountId':'STORE','logs':[{'category':'a','enabled':true,'retentionPolicy':{'enabled':true,'days':4294967301}}]}} | BadRequest",
            "bad destination type     | {'properties':{'storageAccountId':'STORE','logAnalyticsDestinationType':'Other'}}   | BadRequest",
    })
    void badInputIsRefusedAndNothingIsStored(String what, String json, String code) {
        ApiError e = error(() -> call("PUT", target, "bad", json.replace("STORE", store)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(code);
        assertThat(call("GET", target, null, null).body().get("value")).isEmpty();
    }

    @Test
    void badNamesAreRefused() {
        assertThat(error(() -> call("PUT", target, "a:b", valid)).code()).isEqualTo("InvalidResourceName");
    }
}
