package dev.cerulean.it.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the Microsoft.Resources 2021-04-01 spec examples from shared/conformance/arm-examples
 * (skipped when shared/ is absent): same request, a status the example lists, and every key the
 * example's body has. Names are made unique and the subscription is the server's own.
 */
class ArmExamplesIT {

    static CeruleanServer server;
    static Https https;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        https = new Https(server);
    }

    static String rgUrl(JsonNode example, String suffix) {
        JsonNode p = example.get("parameters");
        return "/subscriptions/" + server.config().subscriptionId() + "/resourcegroups/" + p.get("resourceGroupName").asText()
                + suffix + "?api-version=" + p.get("api-version").asText();
    }

    static String unique() {
        return "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    static void assertShape(Https.Response r, JsonNode example) {
        JsonNode expected = example.at("/responses/" + r.status());
        assertThat(expected.isMissingNode()).as("status " + r.status() + " is one the example lists: " + r.body()).isFalse();
        JsonNode body = expected.get("body");
        if (body != null && body.size() > 0) {
            Set<String> actual = ResourceGroupsIT.fieldNames(r.json());
            assertThat(actual).containsAll(ResourceGroupsIT.fieldNames(body));
        }
    }

    @Test
    void createResourceGroup() {
        JsonNode ex = Shared.json("conformance/arm-examples/CreateResourceGroup.json");
        var r = https.arm("PUT", rgUrl(ex, unique()), ex.at("/parameters/parameters").toString());
        assertThat(r.status()).isEqualTo(201);
        assertShape(r, ex);
        assertThat(r.json().get("location").asText()).isEqualTo(ex.at("/responses/201/body/location").asText());
    }

    @Test
    void getUpdateAndCheckExistence() {
        JsonNode get = Shared.json("conformance/arm-examples/GetResourceGroups.json");
        String suffix = unique();
        https.arm("PUT", rgUrl(get, suffix), "{\"location\":\"" + get.at("/responses/200/body/location").asText() + "\"}");
        var r = https.arm("GET", rgUrl(get, suffix), null);
        assertShape(r, get);
        assertThat(r.json().get("location").asText()).isEqualTo("eastus");

        JsonNode update = Shared.json("conformance/arm-examples/UpdateResourceGroups.json");
        var patched = https.arm("PATCH", rgUrl(update, suffix), update.at("/parameters/parameters").toString());
        assertShape(patched, update);

        JsonNode exists = Shared.json("conformance/arm-examples/CheckExistenceResourceGroups.json");
        assertShape(https.arm("HEAD", rgUrl(exists, suffix), null), exists);
        assertShape(https.arm("HEAD", rgUrl(exists, unique()), null), exists);
    }

    @Test
    void listResourceGroups() {
        JsonNode ex = Shared.json("conformance/arm-examples/ListResourceGroups.json");
        var r = https.arm("GET", "/subscriptions/" + server.config().subscriptionId() + "/resourcegroups?api-version="
                + ex.at("/parameters/api-version").asText(), null);
        assertShape(r, ex);
        assertThat(r.json().get("value").isArray()).isTrue();
    }

    @Test
    void forceDeleteIsAcceptedAndIgnoredForOtherTypes() {
        JsonNode ex = Shared.json("conformance/arm-examples/ForceDeleteVMsInResourceGroup.json");
        String suffix = unique();
        https.arm("PUT", rgUrl(ex, suffix), "{\"location\":\"westus\"}");
        var r = https.arm("DELETE", rgUrl(ex, suffix) + "&forceDeletionTypes=" + ex.at("/parameters/forceDeletionTypes").asText(), null);
        assertShape(r, ex);
        assertThat(r.status()).isEqualTo(202);
    }
}
