package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Https;
import dev.cerulean.server.CeruleanServer;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prerequisites made over raw HTTPS (resource groups, registries, scope maps, tokens), so client
 * tests spend their time on the commands under test. Registry names are global (acr.md §1.2), so
 * every name is made unique here.
 */
public final class AcrFixtures {

    /** The seeds' api-version (acr.md §0). */
    public static final String API = "2023-01-01-preview";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Https https;
    private final String subscription;

    public AcrFixtures(CeruleanServer server) {
        this.https = new Https(server);
        this.subscription = server.config().subscriptionId();
    }

    public Https https() {
        return https;
    }

    public String subscription() {
        return subscription;
    }

    /** {@code prefix} and eight random lower-case letters and digits: valid for registries, scope maps, tokens and groups. */
    public static String unique(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** Creates a resource group in westus and returns its name. */
    public String resourceGroup(String prefix) {
        String name = unique(prefix);
        var r = https.arm("PUT", "/subscriptions/" + subscription + "/resourcegroups/" + name + "?api-version=2021-04-01",
                "{\"location\":\"westus\"}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return name;
    }

    /** {@code /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.ContainerRegistry/registries/{name}}. */
    public String registryId(String rg, String name) {
        return "/subscriptions/" + subscription + "/resourceGroups/" + rg + "/providers/Microsoft.ContainerRegistry/registries/" + name;
    }

    /** An ARM call on a path without a query, with {@link #API} appended. */
    public Https.Response arm(String method, String path, String body) {
        return https.arm(method, path + (path.contains("?") ? "&" : "?") + "api-version=" + API, body);
    }

    /** Creates a registry and returns its id. */
    public String registry(String rg, String name, String sku, boolean adminEnabled) {
        String id = registryId(rg, name);
        var r = arm("PUT", id, "{\"location\":\"westus\",\"sku\":{\"name\":\"" + sku + "\"},\"properties\":{\"adminUserEnabled\":"
                + adminEnabled + "}}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return id;
    }

    /** Creates (or replaces) a user scope map and returns its id. */
    public String scopeMap(String registryId, String name, String... actions) {
        var body = Json.object();
        body.putObject("properties").set("actions", Json.MAPPER.valueToTree(actions));
        var r = arm("PUT", registryId + "/scopeMaps/" + name, Json.write(body));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return registryId + "/scopeMaps/" + name;
    }

    /** Creates an enabled token bound to {@code scopeMapId}, without passwords, and returns its id. */
    public String token(String registryId, String name, String scopeMapId) {
        var r = arm("PUT", registryId + "/tokens/" + name, "{\"properties\":{\"scopeMapId\":\"" + scopeMapId + "\",\"status\":\"enabled\"}}");
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return registryId + "/tokens/" + name;
    }

    /** The stored document, or null when the GET does not answer 200. */
    public JsonNode get(String id) {
        var r = arm("GET", id, null);
        return r.status() == 200 ? r.json() : null;
    }
}
