package dev.cerulean.it.arm;

import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestProvider;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider plug-in interface, proved with the test-only {@link TestProvider}: the engine gives
 * it routing, envelopes, systemData, ETags, PATCH merge, child collections, actions, generic lists
 * and long-running operations without any code of its own.
 */
class ProviderPluginIT {

    static CeruleanServer server;
    static Https https;
    static String sub;
    static String rg;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        https = new Https(server);
        sub = server.config().subscriptionId();
        rg = "plugin-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(https.arm("PUT", "/subscriptions/" + sub + "/resourceGroups/" + rg + "?api-version=2021-04-01",
                "{\"location\":\"westus\"}").status()).isEqualTo(201);
    }

    static String widget(String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Cerulean.Test/widgets/" + name + "?api-version=2024-06-01";
    }

    @Test
    void putFillsTheEnvelopeDefaultsAndSystemData() {
        var r = https.arm("PUT", widget("w-one"), "{\"location\":\"West US\",\"properties\":{\"size\":3}}");
        assertThat(r.status()).isEqualTo(201);
        var doc = r.json();
        assertThat(doc.get("id").asText()).isEqualTo("/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Cerulean.Test/widgets/w-one");
        assertThat(doc.get("type").asText()).isEqualTo("Cerulean.Test/widgets");
        assertThat(doc.get("location").asText()).isEqualTo("westus");
        assertThat(doc.at("/properties/color").asText()).isEqualTo("blue");
        assertThat(doc.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(doc.at("/systemData/createdByType").asText()).isEqualTo("Application");
        assertThat(doc.at("/systemData/createdBy").asText()).isEqualTo(server.config().clientId());
        assertThat(doc.get("etag").asText()).isEqualTo(r.header("ETag"));
    }

    @Test
    void readOnlyPropertiesCannotBeOverwritten() {
        String serial = https.arm("PUT", widget("w-ro"), "{\"location\":\"westus\"}").json().at("/properties/serial").asText();
        var r = https.arm("PUT", widget("w-ro"), "{\"location\":\"westus\",\"properties\":{\"serial\":\"forged\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/properties/serial").asText()).isEqualTo(serial);
    }

    @Test
    void validationErrorsChangeNothing() {
        var r = https.arm("PUT", widget("w-bad"), "{\"location\":\"westus\",\"properties\":{\"size\":99}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("InvalidWidgetSize");
        assertThat(https.arm("GET", widget("w-bad"), null).status()).isEqualTo(404);
        var name = https.arm("PUT", widget("Bad_Name"), "{\"location\":\"westus\"}");
        assertThat(name.json().at("/error/code").asText()).isEqualTo("InvalidWidgetName");
    }

    @Test
    void patchMergesPropertiesAndHonoursIfMatch() {
        var created = https.arm("PUT", widget("w-patch"), "{\"location\":\"westus\",\"properties\":{\"size\":2,\"color\":\"red\"},\"tags\":{\"a\":\"1\"}}");
        String etag = created.header("ETag");
        var patched = https.send("PATCH", widget("w-patch"), "{\"properties\":{\"size\":5}}",
                Map.of("Authorization", "Bearer " + https.token(), "Content-Type", "application/json", "If-Match", etag));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().at("/properties/size").asInt()).isEqualTo(5);
        assertThat(patched.json().at("/properties/color").asText()).isEqualTo("red");
        assertThat(patched.json().at("/tags/a").asText()).isEqualTo("1");
        var stale = https.send("PATCH", widget("w-patch"), "{\"properties\":{\"size\":6}}",
                Map.of("Authorization", "Bearer " + https.token(), "Content-Type", "application/json", "If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().at("/error/code").asText()).isEqualTo("PreconditionFailed");
        var ifNoneMatch = https.send("PUT", widget("w-patch"), "{\"location\":\"westus\"}",
                Map.of("Authorization", "Bearer " + https.token(), "Content-Type", "application/json", "If-None-Match", "*"));
        assertThat(ifNoneMatch.status()).isEqualTo(412);
    }

    @Test
    void childCollectionsAndActions() {
        https.arm("PUT", widget("w-parent"), "{\"location\":\"westus\"}");
        String base = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Cerulean.Test/widgets/w-parent";
        var child = https.arm("PUT", base + "/gadgets/g1?api-version=2024-06-01", "{\"properties\":{\"k\":\"v\"}}");
        assertThat(child.status()).isEqualTo(201);
        assertThat(child.json().get("type").asText()).isEqualTo("Cerulean.Test/widgets/gadgets");
        assertThat(child.json().has("location")).isFalse();
        var list = https.arm("GET", base + "/GADGETS?api-version=2024-06-01", null);
        assertThat(list.json().get("value")).hasSize(1);
        var action = https.arm("POST", base + "/rotate?api-version=2024-06-01", null);
        assertThat(action.status()).isEqualTo(200);
        assertThat(action.json().get("rotated").asBoolean()).isTrue();
        var orphan = https.arm("PUT", "/subscriptions/" + sub + "/resourceGroups/" + rg
                + "/providers/Cerulean.Test/widgets/absent/gadgets/g1?api-version=2024-06-01", "{}");
        assertThat(orphan.status()).isEqualTo(404);
        // deleting the parent removes the child
        assertThat(https.arm("DELETE", base + "?api-version=2024-06-01", null).status()).isEqualTo(200);
        assertThat(https.arm("GET", base + "/gadgets/g1?api-version=2024-06-01", null).status()).isEqualTo(404);
    }

    @Test
    void beforeDeleteHookCanRefuse() {
        https.arm("PUT", widget("w-locked"), "{\"location\":\"westus\",\"properties\":{\"locked\":true}}");
        var r = https.arm("DELETE", widget("w-locked"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("WidgetLocked");
        assertThat(https.arm("GET", widget("w-locked"), null).status()).isEqualTo(200);
    }

    @Test
    void asyncCreateReportsInProgressForTheConfiguredPollsThenSucceeds() {
        String url = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Cerulean.Test/slowwidgets/s1?api-version=2024-06-01";
        var r = https.arm("PUT", url, "{\"location\":\"westus\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().at("/properties/provisioningState").asText()).isEqualTo("Creating");
        String status = r.header("Azure-AsyncOperation");
        assertThat(status).startsWith("https://localhost:" + server.httpsPort() + "/subscriptions/" + sub
                + "/providers/Cerulean.Test/locations/westus/operationStatuses/");
        assertThat(r.header("Retry-After")).isEqualTo("1");
        for (int i = 0; i < 2; i++) {
            var poll = https.arm("GET", status, null);
            assertThat(poll.status()).isEqualTo(200);
            assertThat(poll.json().get("status").asText()).isEqualTo("InProgress");
            assertThat(poll.header("Retry-After")).isEqualTo("1");
        }
        assertThat(https.arm("GET", status, null).json().get("status").asText()).isEqualTo("Succeeded");
        assertThat(https.arm("GET", url, null).json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");

        var del = https.arm("DELETE", url, null);
        assertThat(del.status()).isEqualTo(202);
        assertThat(https.arm("GET", del.header("Location"), null).status()).isEqualTo(202);
        assertThat(https.arm("GET", del.header("Location"), null).status()).isEqualTo(200);
        assertThat(https.arm("GET", url, null).status()).isEqualTo(404);
    }

    @Test
    void asyncActionAnswersThroughLocation() {
        String base = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/Cerulean.Test/slowwidgets/s2";
        https.arm("PUT", base + "?api-version=2024-06-01", "{\"location\":\"westus\"}");
        var r = https.arm("POST", base + "/compute?api-version=2024-06-01", "{}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(https.arm("GET", r.header("Location"), null).status()).isEqualTo(202);
        var done = https.arm("GET", r.header("Location"), null);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("answer").asInt()).isEqualTo(42);
    }

    @Test
    void genericResourceListsApplyTheFilter() {
        https.arm("PUT", widget("w-listed"), "{\"location\":\"westus\",\"tags\":{\"team\":\"blue\"}}");
        var typed = https.arm("GET", "/subscriptions/" + sub + "/resources?api-version=2021-04-01&$filter="
                + "resourceType%20eq%20'Cerulean.Test%2Fwidgets'", null);
        assertThat(typed.json().get("value")).allSatisfy(v -> assertThat(v.get("type").asText()).isEqualTo("Cerulean.Test/widgets"));
        assertThat(typed.json().get("value")).anySatisfy(v -> assertThat(v.get("name").asText()).isEqualTo("w-listed"));
        assertThat(typed.json().get("value").get(0).has("properties")).isFalse();
        var byName = https.arm("GET", "/subscriptions/" + sub + "/resourceGroups/" + rg + "/resources?api-version=2021-04-01&$filter="
                + "name%20eq%20'W-LISTED'", null);
        assertThat(byName.json().get("value")).hasSize(1);
        var byTag = https.arm("GET", "/subscriptions/" + sub + "/resources?api-version=2021-04-01&$filter="
                + "tagName%20eq%20'team'%20and%20tagValue%20eq%20'blue'", null);
        assertThat(byTag.json().get("value")).extracting(v -> v.get("name").asText()).contains("w-listed");
    }

    @Test
    void subscriptionLevelProviderAction() {
        var r = https.arm("POST", "/subscriptions/" + sub + "/providers/Cerulean.Test/checkWidgetName?api-version=2024-06-01",
                "{\"name\":\"abc\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("nameAvailable").asBoolean()).isTrue();
    }

    @Test
    void resourceGroupDeleteCascades() {
        String group = "cascade-" + UUID.randomUUID().toString().substring(0, 8);
        https.arm("PUT", "/subscriptions/" + sub + "/resourceGroups/" + group + "?api-version=2021-04-01", "{\"location\":\"westus\"}");
        String w = "/subscriptions/" + sub + "/resourceGroups/" + group + "/providers/Cerulean.Test/widgets/w1";
        https.arm("PUT", w + "?api-version=2024-06-01", "{\"location\":\"westus\"}");
        https.arm("PUT", w + "/gadgets/g?api-version=2024-06-01", "{}");
        var del = https.arm("DELETE", "/subscriptions/" + sub + "/resourceGroups/" + group + "?api-version=2021-04-01", null);
        assertThat(del.status()).isEqualTo(202);
        var gone = https.arm("GET", w + "?api-version=2024-06-01", null);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void providerRegistrationGatesTheNamespace() {
        String ns = "/subscriptions/" + sub + "/providers/Cerulean.Test";
        assertThat(https.arm("GET", ns + "?api-version=2021-04-01", null).json().get("registrationState").asText()).isEqualTo("Registered");
        try {
            https.arm("POST", ns + "/unregister?api-version=2021-04-01", null);
            var refused = https.arm("GET", widget("w-one"), null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().at("/error/code").asText()).isEqualTo("MissingSubscriptionRegistration");
        } finally {
            assertThat(https.arm("POST", ns + "/register?api-version=2021-04-01", null).json().get("registrationState").asText())
                    .isEqualTo("Registered");
        }
    }
}
