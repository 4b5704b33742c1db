package dev.cerulean.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.cerulean.server.providers.DependentsTestbed.body;
import static dev.cerulean.server.providers.DependentsTestbed.error;
import static dev.cerulean.server.providers.DependentsTestbed.id;
import static org.assertj.core.api.Assertions.assertThat;

class StorageProviderTest {

    private final DependentsTestbed bed = new DependentsTestbed();
    private final String rg = bed.group("rg");
    private static final String LRS = "{'location':'westus','sku':{'name':'standard_lrs'},'kind':'storagev2'}";

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void createAnswers202WithLocationAndStoresTheFullAccount() {
        String id = id(rg, "Microsoft.Storage/storageAccounts", "acct01");
        var r = bed.put(id, LRS);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isNull();
        assertThat(r.headers()).containsKey("Location").containsEntry("Retry-After", "1");

        JsonNode a = bed.get(id);
        assertThat(a.at("/sku/name").asText()).isEqualTo("Standard_LRS");
        assertThat(a.at("/sku/tier").asText()).isEqualTo("Standard");
        assertThat(a.get("kind").asText()).isEqualTo("StorageV2");
        assertThat(a.at("/properties/primaryEndpoints/blob").asText()).isEqualTo("https://acct01.blob.core.windows.net/");
        assertThat(a.at("/properties/primaryEndpoints").size()).isEqualTo(6);
        assertThat(a.at("/properties/secondaryLocation").isMissingNode()).isTrue();
        assertThat(a.at("/properties/accessTier").asText()).isEqualTo("Hot");
        assertThat(a.at("/properties/keyCreationTime/key1").asText()).isNotBlank();
        assertThat(a.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
    }

    @Test
    void geoRedundantAccountsNameTheirPairAndReadAccessOnesTheirSecondaryEndpoints() {
        String id = id(rg, "Microsoft.Storage/storageAccounts", "acctragrs");
        bed.put(id, "{'location':'westus','sku':{'name':'Standard_RAGRS'},'kind':'StorageV2'}");
        JsonNode p = bed.get(id).get("properties");
        assertThat(p.get("secondaryLocation").asText()).isEqualTo("eastus");
        assertThat(p.at("/secondaryEndpoints/blob").asText()).isEqualTo("https://acctragrs-secondary.blob.core.windows.net/");
    }

    @Test
    void keysAreSealedStableAndRegeneratedOneAtATime() {
        String id = id(rg, "Microsoft.Storage/storageAccounts", "acctkeys");
        bed.put(id, LRS);
        JsonNode keys = body(bed.action(id, "listKeys", null)).get("keys");
        String key1 = keys.get(0).get("value").asText();
        String key2 = keys.get(1).get("value").asText();
        assertThat(key1).hasSize(88).isNotEqualTo(key2);
        bed.stores.secrets().list(id.toLowerCase()).forEach(s -> {
            assertThat(s.kind()).isEqualTo("sealed");
            assertThat(s.value()).doesNotContain(key1).doesNotContain(key2);
        });
        JsonNode renewed = body(bed.action(id, "regenerateKey", "{'keyName':'KEY1'}")).get("keys");
        assertThat(renewed.get(0).get("value").asText()).isNotEqualTo(key1);
        assertThat(renewed.get(1).get("value").asText()).isEqualTo(key2);

        assertThat(bed.dependents.storage().accountKey(id.toLowerCase(), "key2")).contains(key2);
        bed.delete(id);
        assertThat(bed.stores.secrets().list(id.toLowerCase())).as("keys go with the account").isEmpty();
        assertThat(bed.dependents.storage().accountKey(id.toLowerCase(), "key1")).isEmpty();
    }

    @Test
    void namesAreGlobalAndChecked() throws Exception {
        String other = bed.group("other");
        bed.put(id(rg, "Microsoft.Storage/storageAccounts", "taken01"), LRS);
        var e = error(() -> bed.put(id(other, "Microsoft.Storage/storageAccounts", "TAKEN01".toLowerCase()), LRS));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("StorageAccountInAnotherResourceGroup");
        assertThat(bed.put(id(rg, "Microsoft.Storage/storageAccounts", "taken01"), LRS).status()).as("replace in place").isEqualTo(200);

        JsonNode taken = bed.providerAction("Microsoft.Storage", "checkNameAvailability",
                "{'name':'taken01','type':'Microsoft.Storage/storageAccounts'}");
        assertThat(taken.get("nameAvailable").asBoolean()).isFalse();
        assertThat(taken.get("message").asText()).isEqualTo("The storage account named taken01 is already taken.");
        JsonNode invalid = bed.providerAction("Microsoft.Storage", "checkNameAvailability",
                "{'name':'no','type':'Microsoft.Storage/storageAccounts'}");
        assertThat(invalid.get("reason").asText()).isEqualTo("AccountNameInvalid");
        assertThat(bed.providerAction("Microsoft.Storage", "checkNameAvailability", "{'name':'free01'}")
                .get("nameAvailable").asBoolean()).isTrue();
    }

    @Test
    void patchKeepsKeysAndEndpointsAndChangesTheSku() {
        String id = id(rg, "Microsoft.Storage/storageAccounts", "acctpatch");
        bed.put(id, LRS);
        String created = bed.get(id).at("/properties/creationTime").asText();
        var r = bed.patch(id, "{'sku':{'name':'Standard_GRS'},'properties':{'primaryEndpoints':{'blob':'https://evil/'}}}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode a = body(r);
        assertThat(a.at("/sku/name").asText()).isEqualTo("Standard_GRS");
        assertThat(a.at("/properties/primaryEndpoints/blob").asText()).isEqualTo("https://acctpatch.blob.core.windows.net/");
        assertThat(a.at("/properties/creationTime").asText()).isEqualTo(created);
        assertThat(a.at("/properties/secondaryLocation").asText()).isEqualTo("eastus");
        JsonNode back = body(bed.patch(id, "{'sku':{'name':'Standard_LRS'}}"));
        assertThat(back.at("/properties/secondaryLocation").isMissingNode()).as("no longer geo-redundant").isTrue();
    }
}
