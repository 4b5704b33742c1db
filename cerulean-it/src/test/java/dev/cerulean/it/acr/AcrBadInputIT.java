package dev.cerulean.it.acr;

import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the container registry provider, table-driven: each row is a request a client could
 * get wrong, the status and code Azure answers (acr.md §1.11; codes marked unverified there are
 * Cerulean's, see docs/DEVIATIONS.md) and a piece of the message. The resource each row aims at is
 * read before and after: nothing may change, and no answer may be a 500 or carry a stack trace.
 */
class AcrBadInputIT {

    record Case(String name, String method, String path, String body, int status, String code, String message, String target) {
        @Override public String toString() { return name; }
    }

    static AcrFixtures fx;
    static String rg;
    static String takenName;
    static String reg;
    static String tokenId;

    @BeforeAll
    static void start() {
        fx = new AcrFixtures(TestServers.shared());
        rg = fx.resourceGroup("acrbad-");
        takenName = AcrFixtures.unique("taken");
        fx.registry(fx.resourceGroup("acrbad-other-"), takenName, "Basic", false);
        reg = fx.registry(rg, AcrFixtures.unique("acrbad"), "Basic", false);
        tokenId = fx.token(reg, "good-token", reg + "/scopeMaps/_repositories_pull");
        assertThat(fx.arm("POST", reg + "/generateCredentials", "{\"tokenId\":\"" + tokenId + "\"}").status()).isEqualTo(200);
    }

    static String registry(String name) {
        return "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ContainerRegistry/registries/" + name;
    }

    static Stream<Case> cases() {
        String basic = "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"}}";
        String invalidName = "Resource names may contain alpha numeric characters only and must be between 5 and 50 characters.";
        String fresh = registry("freshreg01");
        String actions = "{\"properties\":{\"actions\":[\"%s\"]}}";
        return Stream.of(
                new Case("registry name too short", "PUT", registry("abcd"), basic, 400, "ResourceNameInvalid",
                        "Invalid resource name: 'abcd'. " + invalidName, registry("abcd")),
                new Case("registry name not alphanumeric", "PUT", registry("my-registry"), basic, 400, "ResourceNameInvalid",
                        "Invalid resource name: 'my-registry'. " + invalidName, registry("my-registry")),
                new Case("registry name too long", "PUT", registry("a".repeat(51)), basic, 400, "ResourceNameInvalid", invalidName,
                        registry("a".repeat(51))),
                new Case("registry name taken in another resource group", "PUT", registry("{taken}"), basic, 409, "AlreadyInUse",
                        "The registry DNS name {taken}.azurecr.io is already in use.", registry("{taken}")),
                new Case("unknown sku", "PUT", fresh, "{\"location\":\"westus\",\"sku\":{\"name\":\"Gold\"}}", 400, "InvalidSku",
                        "The sku 'Gold' is invalid.", fresh),
                new Case("Classic sku", "PUT", fresh, "{\"location\":\"westus\",\"sku\":{\"name\":\"Classic\"}}", 400, "ClassicSkuDeprecated",
                        "Classic SKU is now deprecated.", fresh),
                new Case("sku missing", "PUT", fresh, "{\"location\":\"westus\"}", 400, "ClassicSkuDeprecated", "Classic SKU is now deprecated.", fresh),
                new Case("boolean that is no boolean", "PUT", fresh, "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"},"
                        + "\"properties\":{\"adminUserEnabled\":\"yes\"}}", 400, "InvalidRequestContent", "properties.adminUserEnabled", fresh),
                new Case("Premium feature on Basic", "PUT", fresh, "{\"location\":\"westus\",\"sku\":{\"name\":\"Basic\"},"
                        + "\"properties\":{\"dataEndpointEnabled\":true}}", 400, "FeatureNotSupportedForSku", "dataEndpointEnabled", fresh),
                new Case("unknown scope-map action", "PUT", "{reg}/scopeMaps/badmap1", actions.formatted("repositories/hello/content/fly"),
                        400, "InvalidScopeMapAction", "'repositories/hello/content/fly' is invalid", "{reg}/scopeMaps/badmap1"),
                new Case("wildcard inside a repository path", "PUT", "{reg}/scopeMaps/badmap1", actions.formatted("repositories/samples/*/teamA/content/read"),
                        400, "InvalidScopeMapAction", "is invalid", "{reg}/scopeMaps/badmap1"),
                new Case("scope map without actions", "PUT", "{reg}/scopeMaps/badmap1", "{\"properties\":{\"actions\":[]}}",
                        400, "InvalidScopeMapAction", "At least one action", "{reg}/scopeMaps/badmap1"),
                new Case("scope map name reserved for system ones", "PUT", "{reg}/scopeMaps/_mine", actions.formatted("repositories/a/content/read"),
                        400, "ResourceNameInvalid", "reserved", "{reg}/scopeMaps/_mine"),
                new Case("modify a system scope map", "PUT", "{reg}/scopeMaps/_repositories_pull", actions.formatted("repositories/a/content/write"),
                        400, "SystemDefinedScopeMapCannotBeModified", "system defined", "{reg}/scopeMaps/_repositories_pull"),
                new Case("delete a system scope map", "DELETE", "{reg}/scopeMaps/_repositories_pull", null,
                        400, "SystemDefinedScopeMapCannotBeDeleted", "system defined", "{reg}/scopeMaps/_repositories_pull"),
                new Case("token with an unknown scope map", "PUT", "{reg}/tokens/badtoken1",
                        "{\"properties\":{\"scopeMapId\":\"{reg}/scopeMaps/nosuchmap\",\"status\":\"enabled\"}}",
                        400, "ScopeMapNotFound", "could not be found", "{reg}/tokens/badtoken1"),
                new Case("token name too short", "PUT", "{reg}/tokens/tok",
                        "{\"properties\":{\"scopeMapId\":\"{reg}/scopeMaps/_repositories_pull\"}}", 400, "ResourceNameInvalid", "'tok'", "{reg}/tokens/tok"),
                new Case("token on a missing registry", "PUT", registry("nosuchregistry1") + "/tokens/orphan1",
                        "{\"properties\":{\"scopeMapId\":\"" + registry("nosuchregistry1") + "/scopeMaps/_repositories_pull\"}}", 404,
                        "ResourceNotFound", "nosuchregistry1", registry("nosuchregistry1") + "/tokens/orphan1"),
                new Case("generateCredentials expiry in the past", "POST", "{reg}/generateCredentials",
                        "{\"tokenId\":\"{token}\",\"expiry\":\"2020-12-31T15:59:59.0707808Z\"}", 400, "InvalidParameter", "must be in the future", "{token}"),
                new Case("generateCredentials malformed expiry", "POST", "{reg}/generateCredentials",
                        "{\"tokenId\":\"{token}\",\"expiry\":\"31/12/2099\"}", 400, "InvalidParameter", "31/12/2099", "{token}"),
                new Case("generateCredentials unknown password name", "POST", "{reg}/generateCredentials",
                        "{\"tokenId\":\"{token}\",\"name\":\"password3\"}", 400, "InvalidPasswordName", "password3", "{token}"),
                new Case("generateCredentials for a missing token", "POST", "{reg}/generateCredentials",
                        "{\"tokenId\":\"{reg}/tokens/nosuchtoken\"}", 404, "ResourceNotFound", "nosuchtoken", "{token}"),
                new Case("admin credentials while admin is disabled", "POST", "{reg}/listCredentials", null,
                        400, "UnAuthorizedForCredentialOperations", "as admin user is disabled", "{reg}"),
                new Case("admin password renewal while admin is disabled", "POST", "{reg}/regenerateCredential", "{\"name\":\"password\"}",
                        400, "UnAuthorizedForCredentialOperations", "as admin user is disabled", "{reg}"),
                new Case("name check for another type", "POST", "/subscriptions/{sub}/providers/Microsoft.ContainerRegistry/checkNameAvailability",
                        "{\"name\":\"abcde\",\"type\":\"Microsoft.Foo/bars\"}", 400, "InvalidResourceType", "Microsoft.Foo/bars", "{reg}")
        );
    }

    static String fill(String s) {
        return s == null ? null : s.replace("{reg}", reg).replace("{token}", tokenId).replace("{taken}", takenName)
                .replace("{sub}", fx.subscription()).replace("{rg}", rg);
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

    @Test
    void tokensAndScopeMapsStopAtTheSkuLimit() {
        // Basic allows 100 of each (acr.md §1.3); the system scope maps do not count (docs/DEVIATIONS.md)
        String full = fx.registry(rg, AcrFixtures.unique("acrfull"), "Basic", false);
        for (int i = 0; i < 100; i++) fx.scopeMap(full, "map-" + i, "repositories/r" + i + "/content/read");
        var map = fx.arm("PUT", full + "/scopeMaps/map-100", "{\"properties\":{\"actions\":[\"repositories/r/content/read\"]}}");
        assertThat(map.status()).as(map.body()).isEqualTo(400);
        assertThat(map.json().at("/error/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(map.json().at("/error/message").asText()).contains("100");
        assertThat(fx.get(full + "/scopeMaps/map-100")).isNull();
        assertThat(fx.scopeMap(full, "map-0", "repositories/r0/content/write")).as("replacing one is no new one").endsWith("map-0");

        for (int i = 0; i < 100; i++) fx.token(full, "token-" + i, full + "/scopeMaps/map-" + i);
        var token = fx.arm("PUT", full + "/tokens/token-100", "{\"properties\":{\"scopeMapId\":\"" + full + "/scopeMaps/map-1\"}}");
        assertThat(token.status()).as(token.body()).isEqualTo(400);
        assertThat(token.json().at("/error/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(fx.get(full + "/tokens/token-100")).isNull();

        var bigger = fx.arm("PATCH", full, "{\"sku\":{\"name\":\"Standard\"}}");
        assertThat(bigger.status()).isEqualTo(200);
        assertThat(fx.token(full, "token-100", full + "/scopeMaps/map-1")).as("Standard allows 500").endsWith("token-100");
    }
}
