package dev.cerulean.it.ml;

import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Https;
import dev.cerulean.server.CeruleanServer;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.WriteCondition;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource group with a workspace's dependents: storage account, key vault, Application Insights,
 * user-assigned identity and container registry, each created through its own provider.
 */
final class MlFixtures {

    final CeruleanServer server;
    final Https https;
    final String sub;
    final String rg;
    final String suffix = UUID.randomUUID().toString().substring(0, 6);

    MlFixtures(CeruleanServer server, String rg) {
        this.server = server;
        this.https = new Https(server);
        this.sub = server.config().subscriptionId();
        this.rg = rg;
        var r = https.arm("PUT", "/subscriptions/" + sub + "/resourceGroups/" + rg + "?api-version=2021-04-01", "{\"location\":\"eastus\"}");
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
    }

    String id(String namespaceAndType, String name) {
        return "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/" + namespaceAndType + "/" + name;
    }

    String storage() {
        return create("Microsoft.Storage/storageAccounts", "st" + suffix, "2023-05-01",
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"}");
    }

    String vault() {
        return create("Microsoft.KeyVault/vaults", vaultName(), "2022-07-01", "{\"location\":\"eastus\",\"properties\":{\"tenantId\":\""
                + server.config().tenantId() + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"accessPolicies\":[],"
                + "\"enablePurgeProtection\":true}}");
    }

    String insights() {
        return create("Microsoft.Insights/components", "ai" + suffix, "2020-02-02",
                "{\"location\":\"eastus\",\"kind\":\"web\",\"properties\":{\"Application_Type\":\"web\"}}");
    }

    String identity() {
        return create("Microsoft.ManagedIdentity/userAssignedIdentities", "id" + suffix, "2023-01-31", "{\"location\":\"eastus\"}");
    }

    String registry(boolean admin) {
        return create("Microsoft.ContainerRegistry/registries", "cr" + suffix + admin, "2023-07-01",
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Basic\"},\"properties\":{\"adminUserEnabled\":" + admin + "}}");
    }

    String vaultName() { return "kv" + suffix; }

    /** Creates a dependent through its own provider (finishing a Location-style create); returns its id. */
    String create(String type, String name, String apiVersion, String body) {
        String id = id(type, name);
        var r = https.arm("PUT", id + "?api-version=" + apiVersion, body);
        assertThat(r.status()).as(type + ": " + r).isIn(200, 201, 202);
        for (int i = 0; i < 10 && https.arm("GET", id + "?api-version=" + apiVersion, null).json()
                .at("/properties/provisioningState").asText().matches("Creating|ResolvingDNS|RegisteringDns"); i++) {
            if (r.header("Location") != null) https.arm("GET", r.header("Location"), null);
            if (r.header("Azure-AsyncOperation") != null) https.arm("GET", r.header("Azure-AsyncOperation"), null);
        }
        return id;
    }

    /** Stores a resource record as is, for types no provider serves (a dependent of the wrong kind). */
    String put(String type, String name, String properties) {
        String id = id(type, name);
        var doc = Json.object();
        doc.put("id", id).put("name", name).put("type", type).put("location", "eastus");
        doc.set("properties", Json.parse(properties));
        Instant now = Instant.now();
        boolean ok = server.stores().resources().put(new ResourceRecord(id.toLowerCase(Locale.ROOT), id, sub.toLowerCase(Locale.ROOT),
                rg.toLowerCase(Locale.ROOT), type.toLowerCase(Locale.ROOT), null, name, "eastus", true, Json.write(doc),
                "\"" + UUID.randomUUID() + "\"", now, now), WriteCondition.ALWAYS);
        assertThat(ok).isTrue();
        return id;
    }

    String workspaceBody(String storage, String vault, String insights, String extra) {
        return "{\"location\":\"eastus\",\"identity\":{\"type\":\"systemAssigned\"},\"properties\":{\"friendlyName\":\"ws\","
                + "\"storageAccount\":\"" + storage + "\",\"keyVault\":\"" + vault + "\",\"applicationInsights\":\"" + insights + "\""
                + (extra == null ? "" : "," + extra) + "}}";
    }

    String workspacePath(String name) {
        return id("Microsoft.MachineLearningServices/workspaces", name);
    }
}
