package dev.cerulean.server.arm.builtin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.ArmResponse;
import dev.cerulean.server.arm.ProviderRegistry;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.store.KeyValueStore;

import java.util.List;
import java.util.Locale;

/**
 * Resource provider registration (arm.md §10). Every plugged-in namespace starts Registered, so
 * azure-mgmt-core's auto-registration never has to run; {@code unregister} makes the engine answer
 * {@code MissingSubscriptionRegistration} for that namespace, as ARM does, until it is registered again.
 */
public final class Providers {

    /** API versions of the ARM-native resources endpoints (groups, resources, providers), newest first. */
    public static final List<String> API_VERSIONS = List.of("2025-04-01", "2025-03-01", "2024-11-01", "2024-07-01",
            "2024-03-01", "2023-07-01", "2022-09-01", "2021-04-01", "2021-01-01", "2020-10-01", "2020-06-01",
            "2019-10-01", "2019-08-01", "2019-07-01", "2019-05-10", "2019-05-01", "2019-03-01", "2018-05-01",
            "2018-02-01", "2017-05-10", "2016-09-01", "2016-07-01", "2016-02-01", "2015-11-01");

    private static final String NOT_REGISTERED = "NotRegistered";
    private static final String REGISTERED = "Registered";

    private final ProviderRegistry registry;
    private final KeyValueStore values;

    public Providers(ProviderRegistry registry, KeyValueStore values) {
        this.registry = registry;
        this.values = values;
    }

    public boolean isRegistered(String sub, String namespace) {
        return !NOT_REGISTERED.equals(values.get(key(sub, namespace)).orElse(REGISTERED));
    }

    /** Fails with MissingSubscriptionRegistration when the namespace was unregistered. */
    public void checkRegistered(String sub, String namespace) {
        if (!isRegistered(sub, namespace)) throw ArmErrors.missingSubscriptionRegistration(registry.provider(namespace).namespace());
    }

    public ArmResponse list(String sub) {
        ArrayNode value = Json.MAPPER.createArrayNode();
        value.add(resourcesProvider(sub));
        for (ResourceProvider p : registry.providers()) value.add(document(sub, p));
        return ArmResponse.json(200, Json.object().set("value", value));
    }

    public ArmResponse get(String sub, String namespace) {
        if (namespace.equalsIgnoreCase("Microsoft.Resources")) return ArmResponse.json(200, resourcesProvider(sub));
        return ArmResponse.json(200, document(sub, registry.provider(namespace)));
    }

    public ArmResponse register(String sub, String namespace, boolean register) {
        ResourceProvider p = registry.provider(namespace);
        values.put(key(sub, p.namespace()), register ? REGISTERED : NOT_REGISTERED);
        return ArmResponse.json(200, document(sub, p));
    }

    private ObjectNode document(String sub, ResourceProvider p) {
        ObjectNode o = Json.object();
        o.put("id", (sub == null ? "" : "/subscriptions/" + sub) + "/providers/" + p.namespace());
        o.put("namespace", p.namespace());
        if (sub != null) o.put("registrationState", isRegistered(sub, p.namespace()) ? REGISTERED : NOT_REGISTERED);
        o.put("registrationPolicy", "RegistrationRequired");
        ArrayNode types = o.putArray("resourceTypes");
        for (ResourceTypeSpec t : p.resourceTypes()) {
            ObjectNode rt = types.addObject();
            rt.put("resourceType", t.type());
            ArrayNode locs = rt.putArray("locations");
            if (t.tracked()) p.locations().forEach(l -> locs.add(Locations.displayName(l)));
            ArrayNode versions = rt.putArray("apiVersions");
            t.apiVersions().forEach(versions::add);
            t.apiVersions().stream().filter(v -> !v.toLowerCase(Locale.ROOT).contains("preview")).findFirst()
                    .ifPresent(v -> rt.put("defaultApiVersion", v));
            rt.put("capabilities", t.tracked() ? "SupportsTags, SupportsLocation" : "None");
        }
        for (String action : p.providerActions().keySet()) {
            ObjectNode rt = types.addObject();
            rt.put("resourceType", action);
            rt.putArray("locations");
            ArrayNode versions = rt.putArray("apiVersions");
            if (!p.resourceTypes().isEmpty()) p.resourceTypes().get(0).apiVersions().forEach(versions::add);
            rt.put("capabilities", "None");
        }
        return o;
    }

    private ObjectNode resourcesProvider(String sub) {
        ObjectNode o = Json.object();
        o.put("id", (sub == null ? "" : "/subscriptions/" + sub) + "/providers/Microsoft.Resources");
        o.put("namespace", "Microsoft.Resources");
        o.put("registrationState", REGISTERED);
        o.put("registrationPolicy", "RegistrationFree");
        ArrayNode types = o.putArray("resourceTypes");
        for (String t : List.of("resourceGroups", "resources", "subscriptions", "tenants", "locations", "providers", "operationresults")) {
            ObjectNode rt = types.addObject();
            rt.put("resourceType", t);
            rt.putArray("locations");
            ArrayNode versions = rt.putArray("apiVersions");
            (t.equals("subscriptions") || t.equals("tenants") || t.equals("locations")
                    ? Subscriptions.API_VERSIONS : API_VERSIONS).forEach(versions::add);
            rt.put("capabilities", "None");
        }
        return o;
    }

    private static String key(String sub, String namespace) {
        return "provider-registration/" + sub.toLowerCase(Locale.ROOT) + "/" + namespace.toLowerCase(Locale.ROOT);
    }
}
