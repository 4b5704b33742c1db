package dev.cerulean.it.entra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Https;
import dev.cerulean.it.support.TestServers;
import dev.cerulean.server.CeruleanServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cerulean sp create} against the data directory of a running server: the printed secret
 * works at once, and only its hash is stored.
 */
class ServicePrincipalCommandIT {

    @Test
    void aCreatedPrincipalGetsTokensAndCallsArm() {
        CeruleanServer server = TestServers.shared();
        JsonNode created = Json.parse(CeruleanServer.createServicePrincipal(server.config(), "ci-pipeline"));
        assertThat(created.get("displayName").asText()).isEqualTo("ci-pipeline");
        assertThat(created.get("tenant").asText()).isEqualTo(server.config().tenantId());
        String appId = created.get("appId").asText();
        String secret = created.get("password").asText();

        Https https = new Https(server);
        var token = https.form("/" + server.config().tenantId() + "/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                "scope", "https://management.core.windows.net//.default", "client_id", appId, "client_secret", secret));
        assertThat(token.status()).isEqualTo(200);
        var subs = https.send("GET", "/subscriptions?api-version=2019-11-01", null,
                Map.of("Authorization", "Bearer " + token.json().get("access_token").asText()));
        assertThat(subs.json().get("value")).hasSize(1);

        var wrong = https.form("/" + server.config().tenantId() + "/oauth2/v2.0/token", Map.of("grant_type", "client_credentials",
                "scope", "https://management.core.windows.net//.default", "client_id", appId, "client_secret", secret + "x"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(server.stores().identities().passwordCredentialsByAppId(server.config().tenantId(), appId))
                .singleElement().satisfies(c -> assertThat(c.secretHash()).doesNotContain(secret));
    }
}
