package dev.cerulean.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.cerulean.server.providers.DependentsTestbed.TENANT;
import static dev.cerulean.server.providers.DependentsTestbed.body;
import static dev.cerulean.server.providers.DependentsTestbed.error;
import static dev.cerulean.server.providers.DependentsTestbed.id;
import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultProviderTest {

    private final DependentsTestbed bed = new DependentsTestbed();
    private final String rg = bed.group("rg");
    private static final String VAULT = "{'location':'westus','properties':{'tenantId':'" + TENANT
            + "','sku':{'family':'A','name':'Standard'},'accessPolicies':[]}}";

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void createFillsTheDefaultsAndTheVaultUri() {
        String id = id(rg, "Microsoft.KeyVault/vaults", "My-Vault");
        var r = bed.put(id, VAULT);
        assertThat(r.status()).isEqualTo(201);
        JsonNode p = body(r).get("properties");
        assertThat(p.get("vaultUri").asText()).isEqualTo("https://my-vault.vault.azure.net/");
        assertThat(p.at("/sku/name").asText()).isEqualTo("standard");
        assertThat(p.get("enableSoftDelete").asBoolean()).isTrue();
        assertThat(p.get("softDeleteRetentionInDays").asInt()).isEqualTo(90);
        assertThat(p.get("enableRbacAuthorization").asBoolean()).isFalse();
        assertThat(p.get("publicNetworkAccess").asText()).isEqualTo("Enabled");
        assertThat(p.has("enablePurgeProtection")).isFalse();
    }

    @Test
    void purgeProtectionCannotBeTurnedOff() {
        String id = id(rg, "Microsoft.KeyVault/vaults", "pp-vault");
        bed.put(id, VAULT);
        assertThat(body(bed.patch(id, "{'properties':{'enablePurgeProtection':true}}")).at("/properties/enablePurgeProtection")
                .asBoolean()).isTrue();
        var e = error(() -> bed.patch(id, "{'properties':{'enablePurgeProtection':false}}"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(bed.get(id).at("/properties/enablePurgeProtection").asBoolean()).isTrue();
        assertThat(body(bed.put(id, VAULT)).at("/properties/enablePurgeProtection").asBoolean()).as("a PUT without it keeps it")
                .isTrue();
    }

    @Test
    void anRbacVaultNeedsNoPolicies() {
        // as Microsoft's quickstart key-vault-managed-identity-role-assignment creates it
        String id = id(rg, "Microsoft.KeyVault/vaults", "rbac-vault");
        JsonNode v = body(bed.put(id, "{'location':'westus','properties':{'tenantId':'" + TENANT
                + "','sku':{'family':'A','name':'standard'},'enableRbacAuthorization':true}}"));
        assertThat(v.at("/properties/accessPolicies")).isEmpty();
        assertThat(v.at("/properties/enableRbacAuthorization").asBoolean()).isTrue();
    }

    @Test
    void recoverModeNeedsNoPoliciesAndIsNotStored() {
        String id = id(rg, "Microsoft.KeyVault/vaults", "rec-vault");
        JsonNode v = body(bed.put(id, "{'location':'westus','properties':{'tenantId':'" + TENANT
                + "','sku':{'name':'premium'},'createMode':'recover'}}"));
        assertThat(v.at("/properties/accessPolicies")).isEmpty();
        assertThat(v.at("/properties/createMode").isMissingNode()).isTrue();
    }

    @Test
    void namesAreGlobal() throws Exception {
        bed.put(id(rg, "Microsoft.KeyVault/vaults", "shared-vault"), VAULT);
        String other = bed.group("other");
        var e = error(() -> bed.put(id(other, "Microsoft.KeyVault/vaults", "Shared-Vault"), VAULT));
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("VaultAlreadyExists");
        JsonNode check = bed.providerAction("Microsoft.KeyVault", "checkNameAvailability",
                "{'name':'shared-vault','type':'Microsoft.KeyVault/vaults'}");
        assertThat(check.get("reason").asText()).isEqualTo("AlreadyExists");
    }
}
