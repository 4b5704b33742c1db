package dev.cerulean.it.arm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.Shared;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Resource groups over raw HTTPS (arm.md §9), compared with the spec examples where shared/ has them. */
class ResourceGroupsIT {

    static CeruleanServer server;
    static Https https;
    static String sub;

    @BeforeAll
    static void start() {
        server = TestServers.shared();
        https = new Https(server);
        sub = server.config().subscriptionId();
    }

    static String rg(String name) {
        return "/subscriptions/" + sub + "/resourcegroups/" + name + "?api-version=2021-04-01";
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createThenReplaceAnswers201Then200WithTheSameId() {
        String name = unique("Rg-Mixed");
        var created = https.arm("PUT", rg(name), "{\"location\":\"West US\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("/subscriptions/" + sub + "/resourceGroups/" + name);
        assertThat(created.json().get("location").asText()).isEqualTo("westus");
        assertThat(created.json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(created.json().get("type").asText()).isEqualTo("Microsoft.Resources/resourceGroups");
        var replaced = https.arm("PUT", rg(name.toLowerCase()), "{\"location\":\"westus\",\"tags\":{\"a\":\"1\"}}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("name").asText()).isEqualTo(name.toLowerCase());
        assertThat(replaced.json().at("/tags/a").asText()).isEqualTo("1");
    }

    @Test
    void headAnswers204ThenAfterDelete404() {
        String name = unique("rg-head");
        https.arm("PUT", rg(name), "{\"location\":\"eastus\"}");
        assertThat(https.arm("HEAD", rg(name), null).status()).isEqualTo(204);
        var del = https.arm("DELETE", rg(name), null);
        assertThat(del.status()).isEqualTo(202);
        assertThat(del.header("Location")).startsWith("https://localhost:" + server.httpsPort() + "/subscriptions/" + sub + "/operationresults/");
        assertThat(del.header("Retry-After")).isEqualTo("1");
        var poll = https.arm("GET", del.header("Location"), null);
        assertThat(poll.status()).isEqualTo(200);
        assertThat(https.arm("HEAD", rg(name), null).status()).isEqualTo(404);
        var missing = https.arm("GET", rg(name), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("Resource group '" + name + "' could not be found.");
    }

    @Test
    void deleteOfAMissingGroupIs404() {
        var r = https.arm("DELETE", rg(unique("nope")), null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("ResourceGroupNotFound");
    }

    @Test
    void patchReplacesTagsWholesaleAndKeepsLocation() {
        String name = unique("rg-patch");
        https.arm("PUT", rg(name), "{\"location\":\"eastus\",\"tags\":{\"a\":\"1\",\"b\":\"2\"}}");
        var r = https.arm("PATCH", rg(name), "{\"tags\":{\"c\":\"3\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("tags").size()).isEqualTo(1);
        assertThat(r.json().at("/tags/c").asText()).isEqualTo("3");
        assertThat(r.json().get("location").asText()).isEqualTo("eastus");
    }

    @Test
    void locationCannotChange() {
        String name = unique("rg-loc");
        https.arm("PUT", rg(name), "{\"location\":\"eastus\"}");
        var r = https.arm("PUT", rg(name), "{\"location\":\"westus\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("InvalidResourceGroupLocation");
    }

    @Test
    void listFiltersByTagAndPagesWithNextLink() {
        String tag = unique("t");
        for (int i = 0; i < 3; i++) {
            https.arm("PUT", rg(unique("rg-list")), "{\"location\":\"eastus\",\"tags\":{\"" + tag + "\":\"yes\"}}");
        }
        https.arm("PUT", rg(unique("rg-list")), "{\"location\":\"eastus\",\"tags\":{\"" + tag + "\":\"no\"}}");
        String filter = "tagName%20eq%20'" + tag + "'%20and%20tagValue%20eq%20'yes'";
        var all = https.arm("GET", "/subscriptions/" + sub + "/resourcegroups?api-version=2021-04-01&$filter=" + filter, null);
        assertThat(all.json().get("value")).hasSize(3);
        assertThat(all.json().has("nextLink")).isFalse();

        Set<String> seen = new HashSet<>();
        String url = "/subscriptions/" + sub + "/resourcegroups?api-version=2021-04-01&$top=2";
        int pages = 0;
        while (url != null) {
            JsonNode page = https.arm("GET", url, null).json();
            page.get("value").forEach(v -> seen.add(v.get("id").asText()));
            url = page.hasNonNull("nextLink") ? page.get("nextLink").asText() : null;
            if (url != null) assertThat(url).contains("api-version=2021-04-01").contains("$skipToken=");
            pages++;
        }
        assertThat(pages).isGreaterThan(1);
        assertThat(seen.size()).isGreaterThanOrEqualTo(4);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) names.add(it.next());
        return names;
    }
}
