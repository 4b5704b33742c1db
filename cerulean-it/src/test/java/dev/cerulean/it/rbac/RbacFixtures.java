package dev.cerulean.it.rbac;

import dev.cerulean.it.support.Https;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.server.directory.Directory;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Service principals, tokens and role assignments for RBAC tests. */
final class RbacFixtures {

    static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
    static final String USER_ACCESS_ADMINISTRATOR = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    static final String ACR_PUSH = "8311e382-0749-4cb8-b61a-304f252e45ec";
    static final String ACR_DELETE = "c2f4ef07-c644-48eb-af81-4b1b4947fb11";

    /** A service principal created straight in the server's identity store. */
    record Principal(String appId, String objectId, String secret) {}

    private final CeruleanServer server;
    final Https https;

    RbacFixtures(CeruleanServer server) {
        this.server = server;
        this.https = new Https(server);
    }

    String sub() {
        return server.config().subscriptionId();
    }

    Principal newPrincipal(String displayName) {
        var created = new Directory(server.stores().identities(), server.stores().transactions(), java.time.Clock.systemUTC())
                .createWithSecret(server.config().tenantId().toLowerCase(), displayName);
        return new Principal(created.appId(), created.objectId(), created.secret());
    }

    String token(Principal p) {
        var r = https.form("/" + server.config().tenantId() + "/oauth2/token", Map.of("grant_type", "client_credentials",
                "resource", "https://management.azure.com/", "client_id", p.appId(), "client_secret", p.secret()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    Https.Response as(String token, String method, String path, String body) {
        return https.send(method, path, body, Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
    }

    String roleId(String guid) {
        return "/subscriptions/" + sub() + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
    }

    /** Assigns a role as the development principal (Owner of the subscription); returns the assignment's id. */
    String assign(String scope, String roleGuid, String principalObjectId) {
        String id = scope + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        var r = https.arm("PUT", id + "?api-version=2022-04-01", "{\"properties\":{\"roleDefinitionId\":\"" + roleId(roleGuid)
                + "\",\"principalId\":\"" + principalObjectId + "\",\"principalType\":\"ServicePrincipal\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    void createGroup(String name) {
        var r = https.arm("PUT", "/subscriptions/" + sub() + "/resourcegroups/" + name + "?api-version=2021-04-01",
                "{\"location\":\"westus\"}");
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    String createRegistry(String group, String name) {
        String id = "/subscriptions/" + sub() + "/resourceGroups/" + group + "/providers/Microsoft.ContainerRegistry/registries/" + name;
        var r = https.arm("PUT", id + "?api-version=2023-07-01",
                "{\"location\":\"westus\",\"sku\":{\"name\":\"Standard\"},\"properties\":{\"adminUserEnabled\":true}}");
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return id;
    }
}
