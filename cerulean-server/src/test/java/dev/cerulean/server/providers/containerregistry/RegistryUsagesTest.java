package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.cerulean.server.providers.containerregistry.AcrTestbed.registryId;
import static dev.cerulean.server.providers.containerregistry.Conformance.keys;
import static org.assertj.core.api.Assertions.assertThat;

/** listUsages per SKU (acr.md §1.10, service tiers). */
class RegistryUsagesTest {

    private static final String REG = registryId("rg", "myregistry");
    private final AcrTestbed bed = new AcrTestbed();

    private JsonNode usage(JsonNode usages, String name) {
        for (JsonNode u : usages.get("value")) {
            if (u.get("name").asText().equals(name)) return u;
        }
        throw new AssertionError("no usage " + name);
    }

    @ParameterizedTest
    @CsvSource({"Basic,10737418240,2,100", "Standard,107374182400,10,500", "Premium,536870912000,500,50000"})
    void limitsFollowTheSku(String sku, long size, int webhooks, int scopeMapsOrTokens) {
        JsonNode usages = bed.provider.usages(bed.createRegistry("rg", "myregistry", sku));
        assertThat(usages.get("value").findValuesAsText("name")).containsExactly("Size", "Webhooks", "ScopeMaps", "Tokens");
        assertThat(usage(usages, "Size").get("limit").longValue()).isEqualTo(size);
        assertThat(usage(usages, "Size").get("unit").asText()).isEqualTo("Bytes");
        assertThat(usage(usages, "Webhooks").get("limit").intValue()).isEqualTo(webhooks);
        assertThat(usage(usages, "ScopeMaps").get("limit").intValue()).isEqualTo(scopeMapsOrTokens);
        assertThat(usage(usages, "Tokens").get("limit").intValue()).isEqualTo(scopeMapsOrTokens);
        assertThat(usage(usages, "Tokens").get("unit").asText()).isEqualTo("Count");
    }

    @Test
    void currentValuesCountUserScopeMapsAndTokens() {
        bed.createRegistry("rg", "myregistry", "Basic");
        bed.createScopeMap(REG, "my-scope-map", "repositories/a/content/read");
        bed.createToken(REG, "token-one", "my-scope-map");
        bed.createToken(REG, "token-two", "_repositories_pull");
        JsonNode usages = bed.action(REG, "listUsages", null);
        assertThat(usage(usages, "ScopeMaps").get("currentValue").intValue()).isEqualTo(1);
        assertThat(usage(usages, "Tokens").get("currentValue").intValue()).isEqualTo(2);
        assertThat(usage(usages, "Size").get("currentValue").longValue()).isZero();
    }

    @Test
    void aSkuChangeChangesTheLimits() {
        bed.createRegistry("rg", "myregistry", "Basic");
        JsonNode usages = bed.provider.usages(bed.patch(REG, "{'sku':{'name':'Premium'}}"));
        assertThat(usage(usages, "Size").get("limit").longValue()).isEqualTo(536870912000L);
    }

    @Test
    void matchesTheShapeOfRegistryListUsagesExample() {
        JsonNode expected = Conformance.example("RegistryListUsages.json").get("responses").get("200").get("body");
        JsonNode usages = bed.provider.usages(bed.createRegistry("rg", "myregistry", "Standard"));
        assertThat(keys(usages)).isEqualTo(keys(expected));
        assertThat(keys(usages.get("value").get(0))).isEqualTo(keys(expected.get("value").get(0)));
        // compared as text: the example's numbers parse as longs, ours are built as ints where they fit
        assertThat(Json.write(usages.get("value").get(0))).isEqualTo(Json.write(((ObjectNode)
                expected.get("value").get(0).deepCopy()).put("currentValue", 0)));
    }
}
