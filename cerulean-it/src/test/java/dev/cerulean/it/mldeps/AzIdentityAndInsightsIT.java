package dev.cerulean.it.mldeps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Az;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code az identity create/show/list/delete} and Application Insights through
 * {@code az resource create} (the app-insights extension cannot be installed offline), az 2.45
 * through the proxy.
 */
class AzIdentityAndInsightsIT {

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
    void userAssignedIdentityIsARealServicePrincipal() {
        String rg = fx.resourceGroup("azid-");
        String name = DepFixtures.unique("uai-");
        String tenant = server.config().tenantId();

        JsonNode created = az.json("identity", "create", "-n", name, "-g", rg, "-l", "westus");
        assertThat(created.get("type").asText()).isEqualTo("Microsoft.ManagedIdentity/userAssignedIdentities");
        assertThat(created.get("tenantId").asText()).isEqualTo(tenant);
        String principalId = created.get("principalId").asText();
        String clientId = created.get("clientId").asText();
        assertThat(principalId).hasSize(36).isNotEqualTo(clientId);

        var sp = server.stores().identities().servicePrincipal(tenant, clientId).orElseThrow();
        assertThat(sp.objectId()).isEqualTo(principalId);
        assertThat(sp.displayName()).isEqualTo(name);
        var signIn = fx.https.form("/" + tenant + "/oauth2/token", java.util.Map.of("grant_type", "client_credentials",
                "resource", "https://management.azure.com/", "client_id", clientId, "client_secret", "guess"));
        assertThat(signIn.status()).as("no secret: nobody signs in as it with one").isEqualTo(401);
        assertThat(signIn.json().get("error").asText()).isEqualTo("invalid_client");

        JsonNode again = az.json("identity", "create", "-n", name, "-g", rg, "-l", "westus", "--tags", "k=v");
        assertThat(again.get("principalId").asText()).as("stable across writes").isEqualTo(principalId);
        assertThat(again.get("clientId").asText()).isEqualTo(clientId);

        assertThat(az.json("identity", "show", "-n", name, "-g", rg).get("clientId").asText()).isEqualTo(clientId);
        assertThat(az.ok("identity", "list", "-g", rg, "--query", "[].name", "-o", "tsv").trim()).isEqualTo(name);
        assertThat(az.ok("identity", "list", "--query", "[?name=='" + name + "'].principalId", "-o", "tsv").trim())
                .isEqualTo(principalId);

        var bad = az.run("identity", "create", "-n", "-bad", "-g", rg, "-l", "westus");
        assertThat(bad.exitCode()).isNotZero();

        az.ok("identity", "delete", "-n", name, "-g", rg);
        assertThat(az.run("identity", "show", "-n", name, "-g", rg).exitCode()).isNotZero();
    }

    @Test
    void applicationInsightsComponentWithAzResource() {
        String rg = fx.resourceGroup("azai-");
        String name = DepFixtures.unique("appi-");
        JsonNode created = az.json("resource", "create", "-g", rg, "-n", name, "--resource-type", "Microsoft.Insights/components",
                "--is-full-object", "--properties", "{\"location\":\"westus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}");
        assertThat(created.get("type").asText()).isEqualToIgnoringCase("microsoft.insights/components");
        assertThat(created.get("kind").asText()).isEqualTo("web");
        String key = created.at("/properties/InstrumentationKey").asText();
        assertThat(key).hasSize(36);
        assertThat(created.at("/properties/AppId").asText()).hasSize(36);
        assertThat(created.at("/properties/ApplicationId").asText()).isEqualTo(name);
        assertThat(created.at("/properties/Application_Type").asText()).isEqualTo("web");
        assertThat(created.at("/properties/ConnectionString").asText()).startsWith("InstrumentationKey=" + key + ";IngestionEndpoint=https://westus");

        JsonNode shown = az.json("resource", "show", "-g", rg, "-n", name, "--resource-type", "microsoft.insights/components");
        assertThat(shown.at("/properties/InstrumentationKey").asText()).isEqualTo(key);

        var missingType = az.run("resource", "create", "-g", rg, "-n", DepFixtures.unique("appi-"), "--resource-type",
                "Microsoft.Insights/components", "--is-full-object", "--properties", "{\"location\":\"westus\",\"kind\":\"web\"}");
        assertThat(missingType.exitCode()).isNotZero();
        assertThat(missingType.stderr()).contains("Application_Type");

        az.ok("resource", "delete", "-g", rg, "-n", name, "--resource-type", "Microsoft.Insights/components");
        assertThat(az.run("resource", "show", "-g", rg, "-n", name, "--resource-type", "Microsoft.Insights/components").exitCode())
                .isNotZero();
    }
}
