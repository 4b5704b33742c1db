package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.Locale;

/**
 * The discovery document (ml.md §4): the ten service keys, every one pointing at Cerulean. Asked on a
 * regional host ({@code <region>.api.azureml.ms}) it names that region's hosts, as Azure does; asked
 * on any other host (localhost) every key is that host, which serves all the path prefixes.
 */
final class Discovery {
    private Discovery() {}

    static ObjectNode document(String host, String baseUrl) {
        String region = RegionalHostNames.region(host);
        String api = region == null ? baseUrl : "https://" + region + ".api.azureml.ms";
        String experiments = region == null ? baseUrl : "https://" + region + ".experiments.azureml.net";
        String models = region == null ? baseUrl : "https://" + region + ".modelmanagement.azureml.net";
        ObjectNode d = Json.object();
        d.put("api", api);
        d.put("catalog", api);
        d.put("experimentation", experiments);
        d.put("gallery", api + "/project");
        d.put("history", experiments);
        d.put("hyperdrive", experiments);
        d.put("labeling", experiments);
        d.put("modelmanagement", models);
        d.put("pipelines", api);
        d.put("studiocoreservices", api);
        return d;
    }

    /** Azure ML's regional host names, {@code <region>.<service domain>}. */
    static final class RegionalHostNames {
        private RegionalHostNames() {}

        static final String[] PARENTS = {".api.azureml.ms", ".experiments.azureml.net", ".modelmanagement.azureml.net"};

        /** The region of a regional host name, or null for any other host. */
        static String region(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            for (String parent : PARENTS) {
                if (h.endsWith(parent) && h.length() > parent.length()) {
                    String label = h.substring(0, h.length() - parent.length());
                    return label.contains(".") ? label.substring(label.lastIndexOf('.') + 1) : label;
                }
            }
            return null;
        }
    }
}
