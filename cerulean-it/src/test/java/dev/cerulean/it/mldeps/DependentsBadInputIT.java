package dev.cerulean.it.mldeps;

import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the providers a Machine Learning workspace depends on, table-driven: each row is a
 * request a client could get wrong, the status and code Azure answers (codes the references do not
 * settle are Cerulean's, see docs/DEVIATIONS.md) and a piece of the message. The resource each row
 * aims at is read before and after: nothing may change, and no answer may be a 5xx or a stack trace.
 */
class DependentsBadInputIT {

    record Case(String name, String method, String path, String body, int status, String code, String message, String target) {
        @Override public String toString() { return name; }
    }

    static final String STORAGE = "2022-09-01";
    static final String VAULT = "2022-07-01";
    static final String INSIGHTS = "2020-02-02";
    static final String IDENTITY = "2023-01-31";

    static DepFixtures fx;
    static String rg;
    static String account;
    static String vault;
    static String tenant;
    static String otherRg;

    @BeforeAll
    static void start() {
        var server = TestServers.shared();
        fx = new DepFixtures(server);
        tenant = server.config().tenantId();
        rg = fx.resourceGroup("depbad-");
        String other = fx.resourceGroup("depbad-other-");
        otherRg = other;
        account = DepFixtures.unique("depbad");
        vault = DepFixtures.unique("depbad-");
        var a = fx.arm("PUT", fx.id(other, "Microsoft.Storage/storageAccounts", account) + "?api-version=" + STORAGE,
                "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(202);
        var v = fx.arm("PUT", fx.id(other, "Microsoft.KeyVault/vaults", vault) + "?api-version=" + VAULT, vaultBody("[]").replace("{tenant}", tenant));
        assertThat(v.status()).as(v.body()).isEqualTo(201);
    }

    static String vaultBody(String policies) {
        return "{\"location\":\"westus\",\"properties\":{\"tenantId\":\"{tenant}\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},"
                + "\"accessPolicies\":" + policies + "}}";
    }

    static String storage(String name) {
        return "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Storage/storageAccounts/" + name + "?api-version=" + STORAGE;
    }

    static String vault(String name) {
        return "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults/" + name + "?api-version=" + VAULT;
    }

    static String component(String name) {
        return "/subscriptions/{sub}/resourceGroups/{rg}/providers/microsoft.insights/components/" + name + "?api-version=" + INSIGHTS;
    }

    static String identity(String name) {
        return "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + name
                + "?api-version=" + IDENTITY;
    }

    static Stream<Case> cases() {
        String sa = "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}";
        String saRules = "Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.";
        String kvRules = "The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.";
        String policy = "{\"tenantId\":\"{tenant}\",\"objectId\":\"00000000-0000-0000-0000-0000000000aa\",\"permissions\":%s}";
        String fresh = storage("freshacct01");
        String freshVault = vault("fresh-vault-01");
        String app = "{\"location\":\"westus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}";
        return Stream.of(
                // storage accounts
                new Case("storage name with capitals", "PUT", storage("MyAccount01"), sa, 400, "AccountNameInvalid",
                        "MyAccount01 is not a valid storage account name. " + saRules, storage("MyAccount01")),
                new Case("storage name too short", "PUT", storage("ab"), sa, 400, "AccountNameInvalid", saRules, storage("ab")),
                new Case("storage name too long", "PUT", storage("a".repeat(25)), sa, 400, "AccountNameInvalid", saRules,
                        storage("a".repeat(25))),
                new Case("storage name with a hyphen", "PUT", storage("my-account"), sa, 400, "AccountNameInvalid", saRules,
                        storage("my-account")),
                new Case("storage name taken in another group", "PUT", storage("{account}"), sa, 409,
                        "StorageAccountInAnotherResourceGroup", "The account {account} is already in another resource group",
                        storage("{account}")),
                new Case("storage without sku", "PUT", fresh, "{\"location\":\"westus\",\"kind\":\"StorageV2\"}", 400,
                        "InvalidValuesForRequestParameters", "sku", fresh),
                new Case("storage with an unknown sku", "PUT", fresh,
                        "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_XYZ\"},\"kind\":\"StorageV2\"}", 400,
                        "InvalidRequestPropertyValue", "The value 'Standard_XYZ' is not allowed for property sku.name.", fresh),
                new Case("storage without kind", "PUT", fresh, "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"}}", 400,
                        "InvalidValuesForRequestParameters", "kind", fresh),
                new Case("storage with an unknown kind", "PUT", fresh,
                        "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV3\"}", 400,
                        "InvalidRequestPropertyValue", "'StorageV3'", fresh),
                new Case("file storage needs a premium sku", "PUT", fresh,
                        "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"FileStorage\"}", 400,
                        "InvalidValuesForRequestParameters", "Values for request parameters are invalid: kind, sku.", fresh),
                new Case("hierarchical namespace on premium general-purpose v2", "PUT", fresh,
                        "{\"location\":\"westus\",\"sku\":{\"name\":\"Premium_LRS\"},\"kind\":\"StorageV2\",\"properties\":{\"isHnsEnabled\":true}}",
                        400, "InvalidRequestPropertyValue", "isHnsEnabled", fresh),
                new Case("storage without location", "PUT", fresh, "{\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}", 400,
                        "LocationRequired", "location", fresh),
                new Case("storage with malformed JSON", "PUT", fresh, "{\"location\":\"westus\",", 400, "InvalidRequestContent", "",
                        fresh),
                new Case("storage with a non-boolean https flag", "PUT", fresh,
                        "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\",\"properties\":{\"supportsHttpsTrafficOnly\":\"maybe\"}}",
                        400, "InvalidRequestPropertyValue", "supportsHttpsTrafficOnly", fresh),
                new Case("regenerate an unknown key", "POST",
                        "/subscriptions/{sub}/resourceGroups/{other}/providers/Microsoft.Storage/storageAccounts/{account}/regenerateKey?api-version=" + STORAGE,
                        "{\"keyName\":\"key3\"}", 400, "InvalidValuesForRequestParameters", "keyName", storage("{account}")),
                new Case("name check of another type", "POST",
                        "/subscriptions/{sub}/providers/Microsoft.Storage/checkNameAvailability?api-version=" + STORAGE,
                        "{\"name\":\"abcdef\",\"type\":\"Microsoft.Storage/containers\"}", 400, "InvalidValuesForRequestParameters",
                        "Microsoft.Storage/containers", fresh),
                // key vaults
                new Case("vault name starting with a digit", "PUT", vault("1vault"), vaultBody("[]"), 400, "VaultNameNotValid",
                        "The vault name '1vault' is invalid. A vault's name must be between 3-24 alphanumeric characters.", vault("1vault")),
                new Case("vault name with consecutive hyphens", "PUT", vault("my--vault"), vaultBody("[]"), 400, "VaultNameNotValid",
                        kvRules, vault("my--vault")),
                new Case("vault name ending with a hyphen", "PUT", vault("my-vault-"), vaultBody("[]"), 400, "VaultNameNotValid",
                        kvRules, vault("my-vault-")),
                new Case("vault name too long", "PUT", vault("v".repeat(25)), vaultBody("[]"), 400, "VaultNameNotValid", kvRules,
                        vault("v".repeat(25))),
                new Case("vault name taken in another group", "PUT", vault("{vault}"), vaultBody("[]"), 409, "VaultAlreadyExists",
                        "The vault name '{vault}' is already in use.", vault("{vault}")),
                new Case("vault without tenant", "PUT", freshVault,
                        "{\"location\":\"westus\",\"properties\":{\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[]}}",
                        400, "BadRequest", "'tenantId'", freshVault),
                new Case("vault with an unknown sku", "PUT", freshVault,
                        "{\"location\":\"westus\",\"properties\":{\"tenantId\":\"{tenant}\",\"sku\":{\"family\":\"A\",\"name\":\"gold\"},\"accessPolicies\":[]}}",
                        400, "BadRequest", "'sku.name'", freshVault),
                new Case("vault without access policies", "PUT", freshVault,
                        "{\"location\":\"westus\",\"properties\":{\"tenantId\":\"{tenant}\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"}}}",
                        400, "BadRequest", "An invalid value was provided for 'accessPolicies'.", freshVault),
                new Case("vault policy without object id", "PUT", freshVault,
                        vaultBody("[{\"tenantId\":\"{tenant}\",\"permissions\":{\"keys\":[\"get\"]}}]"), 400, "BadRequest",
                        "An invalid value was provided for 'accessPolicies'.", freshVault),
                new Case("vault policy with permissions that are not lists", "PUT", freshVault,
                        vaultBody("[" + policy.formatted("{\"keys\":\"all\"}") + "]"), 400, "BadRequest",
                        "An invalid value was provided for 'accessPolicies'.", freshVault),
                new Case("vault retention below seven days", "PUT", freshVault,
                        "{\"location\":\"westus\",\"properties\":{\"tenantId\":\"{tenant}\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[],\"softDeleteRetentionInDays\":5}}",
                        400, "BadRequest", "softDeleteRetentionInDays", freshVault),
                // Application Insights components
                new Case("component without kind", "PUT", component("appi-bad"),
                        "{\"location\":\"westus\",\"properties\":{\"Application_Type\":\"web\"}}", 400, "BadRequest", "kind",
                        component("appi-bad")),
                new Case("component without Application_Type", "PUT", component("appi-bad"),
                        "{\"location\":\"westus\",\"kind\":\"web\"}", 400, "BadRequest", "Application_Type", component("appi-bad")),
                new Case("component with an unknown Application_Type", "PUT", component("appi-bad"),
                        app.replace("\"web\"}", "\"desktop\"}"), 400, "BadRequest", "desktop", component("appi-bad")),
                new Case("component with a forbidden character", "PUT", component("appi%3Fbad"), app, 400, "InvalidResourceName", "",
                        component("appi%3Fbad")),
                // user-assigned identities
                new Case("identity name too short", "PUT", identity("ab"), "{\"location\":\"westus\"}", 400, "InvalidResourceName",
                        "between 3 and 128 characters", identity("ab")),
                new Case("identity name starting with an underscore", "PUT", identity("_uai"), "{\"location\":\"westus\"}", 400,
                        "InvalidResourceName", "_uai", identity("_uai")),
                new Case("identity in an unknown region", "PUT", identity("uai-nowhere"), "{\"location\":\"atlantis\"}", 400,
                        "LocationNotAvailableForResourceType", "atlantis", identity("uai-nowhere"))
        );
    }

    static String fill(String s) {
        return s == null ? null : s.replace("{account}", account).replace("{vault}", vault).replace("{tenant}", tenant)
                .replace("{sub}", fx.subscription).replace("{rg}", rg).replace("{other}", otherRg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersAzuresStatusAndCodeAndChangesNothing(Case c) {
        Https.Response before = fx.arm("GET", fill(c.target()), null);
        Https.Response r = fx.arm(c.method(), fill(c.path()), fill(c.body()));
        assertThat(r.status()).as(c.name() + ": " + r.body()).isEqualTo(c.status());
        assertThat(r.json().at("/error/code").asText()).as(c.name()).isEqualTo(c.code());
        assertThat(r.json().at("/error/message").asText()).as(c.name()).contains(fill(c.message()));
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        Https.Response after = fx.arm("GET", fill(c.target()), null);
        assertThat(after.status()).as("nothing changed after " + c.name()).isEqualTo(before.status());
        assertThat(after.body()).as("nothing changed after " + c.name()).isEqualTo(before.body());
    }
}
