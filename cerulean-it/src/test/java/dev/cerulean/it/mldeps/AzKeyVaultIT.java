package dev.cerulean.it.mldeps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az keyvault create/show/list/update/delete} (az 2.45) through the proxy, and a vault with an
 * access policy made with {@code az rest}. Plain {@code az keyvault create} also looks the signed-in
 * identity up in Microsoft Graph; without Graph served the tests use {@code --no-self-perms} and
 * {@code --enable-rbac-authorization}, which skip that look-up.
 */
class AzKeyVaultIT {

    static CeruleanServer server;
    static DepFixtures fx;
    static Az az;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new DepFixtures(server);
        az = Az.viaProxy(server).login(server);
    }

    @Test
    void vaultLifecycle() {
        String rg = fx.resourceGroup("azkv-");
        String name = DepFixtures.unique("kv-");
        String tenant = server.config().tenantId();

        JsonNode created = az.json("keyvault", "create", "-n", name, "-g", rg, "-l", "westus", "--no-self-perms");
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("type").asText()).isEqualTo("Microsoft.KeyVault/vaults");
        assertThat(created.at("/properties/vaultUri").asText()).isEqualTo("https://" + name + ".vault.azure.net/");
        assertThat(created.at("/properties/tenantId").asText()).isEqualTo(tenant);
        assertThat(created.at("/properties/sku/name").asText()).isEqualTo("standard");
        assertThat(created.at("/properties/sku/family").asText()).isEqualTo("A");
        assertThat(created.at("/properties/enableSoftDelete").asBoolean()).isTrue();
        assertThat(created.at("/properties/softDeleteRetentionInDays").asInt()).isEqualTo(90);
        assertThat(created.at("/properties/accessPolicies")).isEmpty();
        assertThat(created.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        JsonNode shown = az.json("keyvault", "show", "-n", name);
        assertThat(shown.get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(az.ok("keyvault", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(name);
        assertThat(az.ok("keyvault", "list", "--query", "[?name=='" + name + "'].name", "-o", "tsv").trim()).isEqualTo(name);

        // set-policy and delete-policy write the whole vault back (PUT), naming the object id: no Graph look-up
        String objectId = "00000000-0000-0000-0000-0000000000bb";
        JsonNode granted = az.json("keyvault", "set-policy", "-n", name, "--object-id", objectId,
                "--secret-permissions", "get", "list");
        assertThat(granted.at("/properties/accessPolicies/0/objectId").asText()).isEqualTo(objectId);
        assertThat(granted.at("/properties/accessPolicies/0/permissions/secrets")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("get", "list");
        assertThat(granted.at("/properties/vaultUri").asText()).isEqualTo("https://" + name + ".vault.azure.net/");
        JsonNode revoked = az.json("keyvault", "delete-policy", "-n", name, "--object-id", objectId);
        assertThat(revoked.at("/properties/accessPolicies")).isEmpty();

        JsonNode updated = az.json("keyvault", "update", "-n", name, "--enable-purge-protection", "true");
        assertThat(updated.at("/properties/enablePurgeProtection").asBoolean()).isTrue();
        var undo = az.run("keyvault", "update", "-n", name, "--enable-purge-protection", "false");
        assertThat(undo.exitCode()).isNotZero();

        String rg2 = fx.resourceGroup("azkv-");
        var taken = az.run("keyvault", "create", "-n", name, "-g", rg2, "-l", "westus", "--no-self-perms");
        assertThat(taken.exitCode()).isNotZero();
        assertThat(taken.stderr()).contains("VaultAlreadyExists");

        az.ok("keyvault", "delete", "-n", name, "-g", rg);
        var gone = az.run("keyvault", "show", "-n", name, "-g", rg);
        assertThat(gone.exitCode()).isNotZero();
    }

    /**
     * Plain {@code az keyvault create}: az asks Graph for the signed-in identity ({@code GET /v1.0/me},
     * then, for a service principal, {@code servicePrincipals?$filter=servicePrincipalNames/any(...)})
     * and grants it an access policy.
     */
    @Test
    void plainCreateGrantsTheSignedInIdentity() {
        String rg = fx.resourceGroup("azkv-");
        String name = DepFixtures.unique("kvg");
        JsonNode created = az.json("keyvault", "create", "-n", name, "-g", rg, "-l", "westus");
        JsonNode policy = created.at("/properties/accessPolicies/0");
        assertThat(policy.get("tenantId").asText()).isEqualTo(server.config().tenantId());
        String objectId = server.stores().identities().servicePrincipal(server.config().tenantId(), server.config().clientId())
                .orElseThrow().objectId();
        assertThat(policy.get("objectId").asText()).isEqualTo(objectId);
        assertThat(policy.at("/permissions/keys/0").asText()).isEqualToIgnoringCase("all");
    }

    @Test
    void rbacVaultAndAccessPolicyViaRest() {
        String rg = fx.resourceGroup("azkv-");
        String rbac = DepFixtures.unique("kvr");
        JsonNode created = az.json("keyvault", "create", "-n", rbac, "-g", rg, "-l", "westus", "--enable-rbac-authorization",
                "--sku", "premium", "--retention-days", "7");
        assertThat(created.at("/properties/enableRbacAuthorization").asBoolean()).isTrue();
        assertThat(created.at("/properties/sku/name").asText()).isEqualTo("premium");
        assertThat(created.at("/properties/softDeleteRetentionInDays").asInt()).isEqualTo(7);

        String name = DepFixtures.unique("kvp");
        String tenant = server.config().tenantId();
        String url = "https://management.azure.com" + fx.id(rg, "Microsoft.KeyVault/vaults", name) + "?api-version=2022-07-01";
        String body = "{'location':'westus','properties':{'tenantId':'" + tenant + "','sku':{'family':'A','name':'standard'},"
                + "'accessPolicies':[{'tenantId':'" + tenant + "','objectId':'00000000-0000-0000-0000-0000000000aa',"
                + "'permissions':{'keys':['get','list'],'secrets':['all']}}]}}";
        JsonNode put = az.json("rest", "--method", "put", "--url", url, "--body", body);
        assertThat(put.at("/properties/accessPolicies/0/permissions/secrets/0").asText()).isEqualTo("all");
        assertThat(put.at("/properties/vaultUri").asText()).isEqualTo("https://" + name + ".vault.azure.net/");

        var bad = az.run("rest", "--method", "put", "--url", url, "--body",
                "{'location':'westus','properties':{'tenantId':'" + tenant + "','sku':{'family':'A','name':'standard'},"
                        + "'accessPolicies':[{'objectId':'x'}]}}");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("An invalid value was provided for 'accessPolicies'.");

        String check = "https://management.azure.com/subscriptions/" + fx.subscription
                + "/providers/Microsoft.KeyVault/checkNameAvailability?api-version=2022-07-01";
        JsonNode taken = az.json("rest", "--method", "post", "--url", check, "--body",
                "{'name':'" + name + "','type':'Microsoft.KeyVault/vaults'}");
        assertThat(taken.get("nameAvailable").asBoolean()).isFalse();
        assertThat(taken.get("reason").asText()).isEqualTo("AlreadyExists");
        JsonNode invalid = az.json("rest", "--method", "post", "--url", check, "--body",
                "{'name':'1starts-with-digit','type':'Microsoft.KeyVault/vaults'}");
        assertThat(invalid.get("reason").asText()).isEqualTo("AccountNameInvalid");
    }
}
