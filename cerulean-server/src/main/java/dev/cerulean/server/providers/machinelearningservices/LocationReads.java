package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceQuery;
import dev.cerulean.store.ResourceRecord;
import dev.cerulean.store.ResourceStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provider's reads that are not resources (ml.md §2.1): {@code operations}, and per location
 * {@code usages}, {@code vmSizes} and {@code quotas}. Usage counts the vCPUs of the subscription's
 * allocated cluster nodes and running instances in that region.
 */
final class LocationReads {

    private static final String NS = MachineLearningProvider.NAMESPACE;

    private final ResourceStore store;

    LocationReads(ResourceStore store) {
        this.store = store;
    }

    /** Dispatches {@code path} (segments after the namespace); null when it is not one of these reads. */
    JsonNode read(String subscriptionId, List<String> path) {
        if (subscriptionId == null) return path.size() == 1 && path.get(0).equalsIgnoreCase("operations") ? operations() : null;
        if (path.size() != 3 || !path.get(0).equalsIgnoreCase("locations")) return null;
        String location = Locations.normalize(path.get(1)).orElse(null);
        if (location == null) throw dev.cerulean.core.error.ArmErrors.invalidLocation(path.get(1));
        return switch (path.get(2).toLowerCase(Locale.ROOT)) {
            case "vmsizes" -> vmSizes();
            case "usages" -> usages(subscriptionId, location);
            case "quotas" -> quotas(subscriptionId, location);
            default -> null;
        };
    }

    private static JsonNode vmSizes() {
        ObjectNode out = Json.object();
        ArrayNode value = out.putArray("value");
        VmSizes.ALL.forEach(s -> value.add(s.toJson()));
        return out;
    }

    private JsonNode usages(String sub, String location) {
        Map<String, Integer> byFamily = coresInUse(sub, location);
        int total = byFamily.values().stream().mapToInt(Integer::intValue).sum();
        ObjectNode out = Json.object();
        ArrayNode value = out.putArray("value");
        value.add(usage(sub, location, "totalCores", "Total Cluster Dedicated Regional vCPUs", total, VmSizes.TOTAL_QUOTA));
        for (String family : families()) {
            value.add(usage(sub, location, family, family.replace("standard", "Standard ").replace("Family", " Family") + " Cluster Dedicated vCPUs",
                    byFamily.getOrDefault(family, 0), VmSizes.FAMILY_QUOTA));
        }
        return out;
    }

    private static ObjectNode usage(String sub, String location, String name, String localized, int current, int limit) {
        ObjectNode u = Json.object();
        u.put("id", "/subscriptions/" + sub + "/providers/" + NS + "/locations/" + location + "/usages/" + name);
        u.put("amlWorkspaceLocation", location);
        u.put("type", NS + "/" + name);
        u.put("unit", "Count");
        u.put("currentValue", current);
        u.put("limit", limit);
        u.putObject("name").put("value", name).put("localizedValue", localized);
        return u;
    }

    private JsonNode quotas(String sub, String location) {
        ObjectNode out = Json.object();
        ArrayNode value = out.putArray("value");
        for (String family : families()) {
            ObjectNode q = value.addObject();
            q.put("id", "/subscriptions/" + sub + "/providers/" + NS + "/locations/" + location + "/quotas/" + family);
            q.put("type", NS + "/vmFamily");
            q.put("limit", VmSizes.FAMILY_QUOTA);
            q.putObject("name").put("value", family).put("localizedValue", family);
            q.put("unit", "Count");
        }
        return out;
    }

    private static List<String> families() {
        return VmSizes.ALL.stream().map(VmSizes.VmSize::family).distinct().toList();
    }

    /** vCPUs in use per VM family: nodes of clusters, and instances that are not stopped. */
    private Map<String, Integer> coresInUse(String sub, String location) {
        Map<String, Integer> out = new LinkedHashMap<>();
        var computes = store.listAll(ResourceQuery.in(sub.toLowerCase(Locale.ROOT))
                .type((NS + "/workspaces/computes").toLowerCase(Locale.ROOT)).limit(500));
        for (ResourceRecord rec : (Iterable<ResourceRecord>) computes::iterator) {
            if (!location.equalsIgnoreCase(rec.location())) continue;
            JsonNode props = Json.parse(rec.body()).path("properties");
            JsonNode inner = props.path("properties");
            var size = VmSizes.find(inner.path("vmSize").asText()).orElse(null);
            if (size == null) continue;
            int nodes = switch (props.path("computeType").asText()) {
                case ComputeBehavior.AML_COMPUTE -> inner.path("currentNodeCount").asInt(0);
                case ComputeBehavior.COMPUTE_INSTANCE -> inner.path("state").asText().equals("Running") ? 1 : 0;
                default -> 0;
            };
            out.merge(size.family(), nodes * size.vCpus(), Integer::sum);
        }
        return out;
    }

    private static JsonNode operations() {
        ObjectNode out = Json.object();
        ArrayNode value = out.putArray("value");
        String[][] ops = {
                {"workspaces/read", "workspaces", "Gets the Machine Learning workspace(s)"},
                {"workspaces/write", "workspaces", "Create/Update Machine Learning workspaces"},
                {"workspaces/delete", "workspaces", "Delete Machine Learning workspaces"},
                {"workspaces/listkeys/action", "workspaces", "List workspace Keys"},
                {"workspaces/resynckeys/action", "workspaces", "Resync workspace Keys"},
                {"workspaces/diagnose/action", "workspaces", "Diagnose workspace setup"},
                {"workspaces/listNotebookAccessToken/action", "workspaces", "List workspace notebook access token"},
                {"workspaces/computes/read", "computes", "Gets the compute resources in Machine Learning workspaces"},
                {"workspaces/computes/write", "computes", "Create or update compute resources in Machine Learning workspaces"},
                {"workspaces/computes/delete", "computes", "Delete compute resources in Machine Learning workspaces"},
                {"workspaces/computes/listNodes/action", "computes", "List nodes of a compute resource"},
                {"workspaces/computes/listKeys/action", "computes", "List secrets of a compute resource"},
                {"workspaces/computes/start/action", "computes", "Start a compute instance"},
                {"workspaces/computes/stop/action", "computes", "Stop a compute instance"},
                {"workspaces/computes/restart/action", "computes", "Restart a compute instance"},
                {"locations/usages/read", "usages", "Usage of Machine Learning compute in a location"},
                {"locations/vmsizes/read", "vmsizes", "VM sizes available in a location"},
                {"locations/quotas/read", "quotas", "Quotas of Machine Learning compute in a location"}};
        for (String[] op : ops) {
            ObjectNode o = value.addObject();
            o.put("name", NS + "/" + op[0]);
            o.putObject("display").put("provider", "Microsoft MachineLearningServices").put("resource", op[1])
                    .put("operation", op[2]).put("description", op[2]);
            o.put("isDataAction", false);
        }
        return out;
    }
}
