package dev.cerulean.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.error.ApiError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.cerulean.server.providers.DependentsTestbed.TENANT;
import static dev.cerulean.server.providers.DependentsTestbed.body;
import static dev.cerulean.server.providers.DependentsTestbed.error;
import static dev.cerulean.server.providers.DependentsTestbed.id;
import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultSecretsTest {

    private final DependentsTestbed bed = new DependentsTestbed();
    private final String rg = bed.group("rg");
    private final String vault = id(rg, "Microsoft.KeyVault/vaults", "Sec-Vault");
    private static final String VAULT = "{'location':'westus','properties':{'tenantId':'" + TENANT
            + "','sku':{'family':'A','name':'standard'},'accessPolicies':[]}}";

    KeyVaultSecretsTest() {
        bed.put(vault, VAULT);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void theValueIsSealedAndNeverAnswered() {
        String id = vault + "/secrets/db-password";
        var r = bed.put(id, "{'properties':{'value':'p@ss-w0rd','contentType':'text/plain'}}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode s = body(r);
        assertThat(s.toString()).doesNotContain("p@ss-w0rd");
        assertThat(s.get("type").asText()).isEqualTo("Microsoft.KeyVault/vaults/secrets");
        assertThat(s.get("location").asText()).isEqualTo("westus");
        JsonNode p = s.get("properties");
        assertThat(p.get("secretUri").asText()).isEqualTo("https://sec-vault.vault.azure.net/secrets/db-password");
        assertThat(p.get("secretUriWithVersion").asText()).matches("https://sec-vault\\.vault\\.azure\\.net/secrets/db-password/[0-9a-f]{32}");
        assertThat(p.get("contentType").asText()).isEqualTo("text/plain");
        assertThat(p.at("/attributes/enabled").asBoolean()).isTrue();
        assertThat(p.at("/attributes/created").asLong()).isPositive();
        assertThat(p.has("value")).isFalse();
        assertThat(bed.get(id).toString()).doesNotContain("p@ss-w0rd");

        var stored = bed.stores.secrets().list(id.toLowerCase());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).value()).doesNotContain("p@ss-w0rd");
        assertThat(p.get("secretUriWithVersion").asText()).endsWith("/" + stored.get(0).name());
    }

    @Test
    void eachValueIsANewVersionAndAttributesAloneKeepTheVersion() {
        String id = vault + "/secrets/api-key";
        String v1 = body(bed.put(id, "{'properties':{'value':'one'}}")).at("/properties/secretUriWithVersion").asText();
        JsonNode second = body(bed.put(id, "{'properties':{'value':'two'}}"));
        assertThat(second.at("/properties/secretUriWithVersion").asText()).isNotEqualTo(v1);
        JsonNode disabled = body(bed.patch(id, "{'properties':{'attributes':{'enabled':false,'exp':1999999999}}}"));
        assertThat(disabled.at("/properties/secretUriWithVersion").asText())
                .isEqualTo(second.at("/properties/secretUriWithVersion").asText());
        assertThat(disabled.at("/properties/attributes/enabled").asBoolean()).isFalse();
        assertThat(disabled.at("/properties/attributes/exp").asLong()).isEqualTo(1999999999L);
        assertThat(bed.stores.secrets().list(id.toLowerCase())).hasSize(2);
    }

    @Test
    void deletingTheVaultDeletesItsSecretsAndTheirVersions() {
        String id = vault + "/secrets/gone";
        bed.put(id, "{'properties':{'value':'x'}}");
        assertThat(bed.delete(vault).status()).isEqualTo(200);
        assertThat(bed.get(id)).isNull();
        assertThat(bed.stores.secrets().list(id.toLowerCase())).isEmpty();
    }

    @Test
    void aSecretAloneCannotBeDeleted() {
        String id = vault + "/secrets/kept";
        bed.put(id, "{'properties':{'value':'x'}}");
        ApiError e = error(() -> bed.delete(id));
        assertThat(e.status()).isEqualTo(405);
        assertThat(e.code()).isEqualTo("MethodNotAllowed");
        assertThat(bed.get(id)).isNotNull();
    }

    @Test
    void aSecretNeedsItsVault() {
        ApiError e = error(() -> bed.put(id(rg, "Microsoft.KeyVault/vaults", "no-such-vault") + "/secrets/s",
                "{'properties':{'value':'x'}}"));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.code()).isEqualTo("ResourceNotFound");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "bad_name         | {'properties':{'value':'x'}}                          | 400 | BadRequest",
            "ok-name          | {}                                                   | 400 | BadRequest",
            "ok-name          | {'properties':{}}                                    | 400 | BadRequest",
            "ok-name          | {'properties':{'value':42}}                          | 400 | BadRequest",
            "ok-name          | {'properties':{'value':'x','contentType':7}}         | 400 | BadRequest",
            "ok-name          | {'properties':{'value':'x','attributes':'on'}}       | 400 | BadRequest",
            "ok-name          | {'properties':{'value':'x','attributes':{'enabled':'yes'}}} | 400 | BadRequest",
            "ok-name          | {'properties':{'value':'x','attributes':{'exp':'soon'}}}    | 400 | BadRequest",
            "ok-name          | {'properties':{'value':'x','attributes':{'nbf':20,'exp':10}}} | 400 | BadRequest",
            "ok-name          | {'properties':'x'}                                   | 400 | InvalidRequestContent",
    })
    void badInputIsRefusedAndNothingIsStored(String name, String json, int status, String code) {
        String id = vault + "/secrets/" + name;
        bed.assertPutRefused(id, json, status, code);
        assertThat(bed.stores.secrets().list(id.toLowerCase())).isEmpty();
    }
}
