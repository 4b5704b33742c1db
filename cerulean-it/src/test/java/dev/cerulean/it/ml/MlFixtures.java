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
 * user-assigned identity and container registry. The dependents' own providers land separately, so
 * their records are written to the store the way those providers store them.
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

    String storage() { return put("Microsoft.Storage/storageAccounts", "st" + suffix, "{\"isHnsEnabled\":false}"); }
    String vault() { return put("Microsoft.KeyVault/vaults", "kv" + suffix, "{\"vaultUri\":\"https://kv" + suffix + ".vault.azure.net/\",\"enableSoftDelete\":true}"); }
    String insights() { return put("Microsoft.Insights/components", "ai" + suffix, "{\"InstrumentationKey\":\"" + UUID.randomUUID() + "\"}"); }
    String identity() {
        return put("Microsoft.ManagedIdentity/userAssignedIdentities", "id" + suffix, "{\"principalId\":\"" + UUID.randomUUID()
                + "\",\"clientId\":\"" + UUID.randomUUID() + "\",\"tenantId\":\"" + server.config().tenantId() + "\"}");
    }
    String registry(boolean admin) { return put("Microsoft.ContainerRegistry/registries", "cr" + suffix + admin, "{\"adminUserEnabled\":" + admin + "}"); }

    String vaultName() { return "kv" + suffix; }

    /** Stores a dependent as its provider would have; returns its id. */
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
