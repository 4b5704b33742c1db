package dev.cerulean.it.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Seed 001, the {@code az acr token} group, with the real az 2.45 through the proxy: every
 * subcommand and flag the document lists, in its own syntax ({@code -n T -r registry}), with
 * {@code --output json|table|tsv} and {@code --query}. One registry (made over HTTPS) serves the class.
 */
class Seed001AzAcrTokenIT {

    static CeruleanServer server;
    static AcrFixtures fx;
    static Az az;
    static String registry;
    static String registryId;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        fx = new AcrFixtures(server);
        az = Az.viaProxy(server).login(server);
        registry = AcrFixtures.unique("seedtok");
        registryId = fx.registry(fx.resourceGroup("seed001-"), registry, "Basic", false);
        fx.scopeMap(registryId, "MyScopeMap", "repositories/hello-world/content/read", "repositories/hello-world/metadata/read");
        fx.scopeMap(registryId, "MyNewScopeMap", "repositories/hello-world/content/write");
    }

    @Test
    void createWithAScopeMapAndShowItInEveryOutputFormat() {
        // az acr token create -n MyToken -r myregistry --scope-map MyScopeMap
        JsonNode t = az.json("acr", "token", "create", "-n", "MyToken", "-r", registry, "--scope-map", "MyScopeMap", "--output", "json");
        assertThat(t.get("name").asText()).isEqualTo("MyToken");
        assertThat(t.get("id").asText()).isEqualTo(registryId + "/tokens/MyToken");
        assertThat(t.get("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries/tokens");
        assertThat(t.get("scopeMapId").asText()).isEqualTo(registryId + "/scopeMaps/MyScopeMap");
        assertThat(t.get("status").asText()).isEqualTo("enabled");
        assertThat(t.get("provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(t.at("/credentials/username").asText()).isEqualTo("MyToken");
        assertThat(names(t.at("/credentials/passwords"))).containsExactly("password1", "password2");
        for (JsonNode p : t.at("/credentials/passwords")) {
            assertThat(p.get("value").asText()).matches("[A-Za-z0-9+/=]{32}");
            assertThat(p.get("expiry").isNull()).as("no expiry: never expires").isTrue();
            assertThat(p.get("creationTime").asText()).isNotBlank();
        }

        String table = az.ok("acr", "token", "show", "-n", "MyToken", "-r", registry, "--output", "table");
        assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("NAME", "SCOPE MAP", "PASSWORD1 EXPIRY",
                "PASSWORD2 EXPIRY", "STATUS", "PROVISIONING STATE", "CREATION DATE");
        assertThat(table).containsPattern("MyToken\\s+MyScopeMap\\s+Never\\s+Never\\s+Enabled\\s+Succeeded");

        String tsv = az.ok("acr", "token", "show", "-n", "MyToken", "-r", registry, "--output", "tsv", "--query", "[name, status, scopeMapId]");
        assertThat(tsv.lines().toList()).containsExactly("MyToken", "enabled", registryId + "/scopeMaps/MyScopeMap");

        JsonNode shown = az.json("acr", "token", "show", "-n", "MyToken", "-r", registry, "--output", "json");
        assertThat(shown.at("/credentials/passwords/0").has("value") && !shown.at("/credentials/passwords/0/value").isNull())
                .as("show never reveals password values").isFalse();
        assertThat(shown.get("resourceGroup").asText()).isEqualTo(t.get("resourceGroup").asText());

        JsonNode queried = az.json("acr", "token", "list", "-r", registry, "--query", "[?name=='MyToken'].{n:name, s:status}", "--output", "json");
        assertThat(queried).hasSize(1);
        assertThat(queried.at("/0/s").asText()).isEqualTo("enabled");
    }

    @Test
    void createWithRepositoriesAndGatewaysMakesTheDefaultScopeMap() {
        // az acr token create -n myToken -r myregistry --repository hello-world content/read metadata/read
        // (token names are unique per registry case-insensitively, so not "myToken" beside "MyToken")
        JsonNode t = az.json("acr", "token", "create", "-n", "myRepoToken", "-r", registry, "--repository", "hello-world", "content/read", "metadata/read");
        assertThat(t.get("scopeMapId").asText()).isEqualTo(registryId + "/scopeMaps/myRepoToken-scope-map");
        assertThat(t.at("/credentials/passwords")).hasSize(2);
        assertThat(fx.get(registryId + "/scopeMaps/myRepoToken-scope-map").at("/properties/actions"))
                .extracting(JsonNode::asText).containsExactly("repositories/hello-world/content/read", "repositories/hello-world/metadata/read");

        // az acr token create -n myToken -r myregistry --repository hello-world content/read
        //   --gateway registry config/read config/write message/read message/write --no-passwords
        JsonNode g = az.json("acr", "token", "create", "-n", "myGatewayToken", "-r", registry, "--repository", "hello-world", "content/read",
                "--gateway", "registry", "config/read", "config/write", "message/read", "message/write", "--no-passwords");
        assertThat(g.at("/credentials/passwords")).as("--no-passwords").isEmpty();
        assertThat(g.at("/credentials/username").isMissingNode() || g.at("/credentials/username").isNull()).isTrue();
        assertThat(fx.get(registryId + "/scopeMaps/myGatewayToken-scope-map").at("/properties/actions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("repositories/hello-world/content/read", "gateway/registry/config/read",
                        "gateway/registry/config/write", "gateway/registry/message/read", "gateway/registry/message/write");
    }

    @Test
    void createDisabledAndWithExpirations() {
        // az acr token create -n MyToken -r myregistry --scope-map MyScopeMap --status disabled (+ --expiration)
        JsonNode d = az.json("acr", "token", "create", "-n", "MyDisabledToken", "-r", registry, "--scope-map", "MyScopeMap",
                "--status", "disabled", "--expiration", "2099-12-31T12:59:59Z", "--query", "{status: status, expiries: credentials.passwords[].expiry}");
        assertThat(d.get("status").asText()).isEqualTo("disabled");
        assertThat(d.get("expiries")).extracting(JsonNode::asText).containsExactly("2099-12-31T12:59:59+00:00", "2099-12-31T12:59:59+00:00");

        String tsv = az.ok("acr", "token", "create", "-n", "MyExpiringToken", "-r", registry, "--scope-map", "MyScopeMap",
                "--expiration-in-days", "30", "--output", "tsv", "--query", "credentials.passwords[].expiry");
        List<String> expiries = tsv.lines().toList();
        assertThat(expiries).hasSize(2);
        for (String e : expiries) {
            assertThat(OffsetDateTime.parse(e).toInstant()).isCloseTo(OffsetDateTime.now().plusDays(30).toInstant(), within(Duration.ofMinutes(5)));
        }
        String list = az.ok("acr", "token", "list", "-r", registry, "--output", "table");
        assertThat(list).containsPattern("MyDisabledToken\\s+MyScopeMap\\s+2099-12-31T12:59:59Z\\s+2099-12-31T12:59:59Z\\s+Disabled");
    }

    @Test
    void credentialGenerateAndDelete() {
        fx.token(registryId, "MyCredToken", registryId + "/scopeMaps/MyScopeMap");

        // az acr token credential generate -n MyToken -r myregistry --password1
        JsonNode one = az.json("acr", "token", "credential", "generate", "-n", "MyCredToken", "-r", registry, "--password1");
        assertThat(one.get("username").asText()).isEqualTo("MyCredToken");
        assertThat(names(one.get("passwords"))).containsExactly("password1");
        assertThat(one.at("/passwords/0/value").asText()).matches("[A-Za-z0-9+/=]{32}");

        JsonNode two = az.json("acr", "token", "credential", "generate", "-n", "MyCredToken", "-r", registry, "--password2",
                "--expiration", "2099-01-01T00:00:00Z");
        assertThat(names(two.get("passwords"))).containsExactly("password2");
        assertThat(two.at("/passwords/0/expiry").asText()).isEqualTo("2099-01-01T00:00:00+00:00");

        // both flags = both passwords; table output
        String table = az.ok("acr", "token", "credential", "generate", "-n", "MyCredToken", "-r", registry, "--password1", "--password2",
                "--expiration-in-days", "10", "--output", "table");
        assertThat(table.lines().findFirst().orElseThrow()).containsSubsequence("USERNAME", "PASSWORD1", "PASSWORD1 EXPIRY", "PASSWORD2", "PASSWORD2 EXPIRY");
        assertThat(table).contains("MyCredToken");

        // az acr token credential delete -n MyToken -r myregistry --password1
        JsonNode after = az.json("acr", "token", "credential", "delete", "-n", "MyCredToken", "-r", registry, "--password1");
        assertThat(names(after.at("/credentials/passwords"))).containsExactly("password2");
        assertThat(after.at("/credentials/passwords/0/expiry").asText()).as("password2 keeps its metadata").isNotBlank();
        String left = az.ok("acr", "token", "show", "-n", "MyCredToken", "-r", registry, "--query", "credentials.passwords[].name", "--output", "tsv");
        assertThat(left.lines().toList()).containsExactly("password2");
    }

    @Test
    void updateShowListAndDelete() {
        fx.token(registryId, "MyUpdToken", registryId + "/scopeMaps/MyScopeMap");

        // az acr token update -n MyToken -r myregistry --scope-map MyNewScopeMap (+ --status)
        JsonNode u = az.json("acr", "token", "update", "-n", "MyUpdToken", "-r", registry, "--scope-map", "MyNewScopeMap", "--status", "disabled");
        assertThat(u.get("scopeMapId").asText()).isEqualTo(registryId + "/scopeMaps/MyNewScopeMap");
        assertThat(u.get("status").asText()).isEqualTo("disabled");
        assertThat(fx.get(registryId + "/tokens/MyUpdToken").at("/properties/status").asText()).isEqualTo("disabled");

        // --status defaults to enabled in az 2.45 (acr.md §4.4), so an update without it re-enables
        String status = az.ok("acr", "token", "update", "-n", "MyUpdToken", "-r", registry, "--query", "status", "--output", "tsv");
        assertThat(status.trim()).isEqualTo("enabled");

        JsonNode list = az.json("acr", "token", "list", "-r", registry, "--output", "json");
        assertThat(names(list)).contains("MyUpdToken");
        list.forEach(t -> assertThat(t.at("/credentials/passwords").isArray()).as("passwords always a list").isTrue());

        // az acr token delete -n MyToken -r myregistry (--yes: no terminal to answer the prompt)
        assertThat(az.ok("acr", "token", "delete", "-n", "MyUpdToken", "-r", registry, "--yes")).isBlank();
        var missing = az.run("acr", "token", "show", "-n", "MyUpdToken", "-r", registry);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("ResourceNotFound");
        assertThat(names(az.json("acr", "token", "list", "-r", registry))).doesNotContain("MyUpdToken");
        assertThat(fx.get(registryId + "/scopeMaps/MyNewScopeMap")).as("the scope map outlives the token").isNotNull();
    }

    @Test
    void resourceGroupAndGlobalFlags() {
        String rg = fx.get(registryId).get("id").asText().split("/")[4];
        // -g skips the registry look-up for the token call itself; --only-show-errors hides the preview warning
        var created = az.run("acr", "token", "create", "-n", "MyFlagToken", "-r", registry, "-g", rg, "--scope-map", "MyScopeMap",
                "--no-passwords", "--only-show-errors", "--output", "none");
        assertThat(created.exitCode()).as(created.describe()).isZero();
        assertThat(created.stdout()).as("--output none").isBlank();
        assertThat(created.stderr()).doesNotContain("WARNING");

        var debug = az.run("acr", "token", "show", "-n", "MyFlagToken", "-r", registry, "-g", rg, "--debug", "--output", "yaml");
        assertThat(debug.exitCode()).as(debug.describe()).isZero();
        assertThat(debug.stdout()).contains("name: MyFlagToken").contains("status: enabled");
        assertThat(debug.stderr()).contains("Request URL: 'https://management.azure.com" + registryId + "/tokens/MyFlagToken?api-version=2020-11-01-preview'")
                .contains("Response status: 200");

        assertThat(az.ok("acr", "token", "delete", "-n", "MyFlagToken", "-r", registry, "-g", rg, "--yes", "--output", "none")).isBlank();
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("name").asText()));
        return out;
    }
}
