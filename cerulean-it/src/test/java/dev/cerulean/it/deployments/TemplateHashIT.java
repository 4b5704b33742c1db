package dev.cerulean.it.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.it.acr.AcrFixtures;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /providers/Microsoft.Resources/calculateTemplateHash} over HTTPS (deployments.md §2.1). */
class TemplateHashIT {
    private static final String PATH = "/providers/Microsoft.Resources/calculateTemplateHash?api-version=2021-04-01";

    @Test
    void hashOfATemplateIsStableAndIgnoresFormatting() {
        Https https = new AcrFixtures(TestServers.shared()).https();
        String template = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                + " \"contentVersion\": \"1.0.0.0\", \"resources\": []}";
        Https.Response a = https.arm("POST", PATH, template);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode first = a.json();
        assertThat(first.path("templateHash").asText()).matches("[0-9]+");
        assertThat(first.path("minifiedTemplate").asText()).doesNotContain(" \"");
        JsonNode again = https.arm("POST", PATH, template.replace(", ", ",\n  // a comment\n  ")).json();
        assertThat(again.path("templateHash").asText()).isEqualTo(first.path("templateHash").asText());

        Https.Response bad = https.arm("POST", PATH, "{\"resources\": [");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/code").asText()).isNotEmpty();
    }
}
