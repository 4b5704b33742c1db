package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Stands in for the deployment engine: answers {@code reference()} with plausible runtime properties and records calls. */
final class FakeRuntime implements RuntimeResources {
    final List<String> calls = new ArrayList<>();

    @Override
    public JsonNode reference(String resourceId, String apiVersion, boolean full) {
        calls.add("reference " + resourceId + " " + apiVersion + (full ? " Full" : ""));
        String name = resourceId.substring(resourceId.lastIndexOf('/') + 1);
        ObjectNode props = Values.object();
        if (resourceId.contains("/Microsoft.ContainerRegistry/registries/")) props.put("loginServer", name + ".azurecr.io");
        if (resourceId.contains("/Microsoft.ManagedIdentity/")) props.put("principalId", "aaaaaaaa-0000-0000-0000-000000000001");
        if (resourceId.contains("/Microsoft.Resources/deployments/")) props.putObject("outputs");
        if (!full) return props;
        ObjectNode whole = Values.object().put("id", resourceId).put("name", name);
        whole.set("properties", props);
        return whole;
    }

    @Override
    public JsonNode list(String resourceId, String action, String apiVersion, JsonNode body) {
        calls.add(action + " " + resourceId + " " + apiVersion);
        ObjectNode out = Values.object();
        out.putArray("keys").addObject().put("keyName", "key1").put("value", "secret-key");
        return out;
    }
}
