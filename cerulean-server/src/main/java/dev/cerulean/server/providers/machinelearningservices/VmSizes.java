package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The VM sizes Cerulean's computes accept (ml.md §3.2): the {@code vmSizes} endpoint lists exactly
 * these, and a compute asking for another size fails its provisioning with
 * {@code InvalidPropertyValue} naming them.
 */
final class VmSizes {
    private VmSizes() {}

    record VmSize(String name, String family, int vCpus, int gpus, double memoryGb) {
        ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("name", name);
            n.put("family", family);
            n.put("vCPUs", vCpus);
            n.put("gpus", gpus);
            n.put("osVhdSizeMB", 1047552);
            n.put("maxResourceVolumeMB", (int) (memoryGb * 2 * 1024));
            n.put("memoryGB", memoryGb);
            n.put("lowPriorityCapable", true);
            n.put("premiumIO", name.contains("S_") || name.contains("DS"));
            n.putArray("supportedComputeTypes").add("AmlCompute").add("ComputeInstance");
            return n;
        }
    }

    static final List<VmSize> ALL = List.of(
            new VmSize("Standard_D1", "standardDFamily", 1, 0, 3.5),
            new VmSize("Standard_D2", "standardDFamily", 2, 0, 7),
            new VmSize("Standard_D3", "standardDFamily", 4, 0, 14),
            new VmSize("Standard_D4", "standardDFamily", 8, 0, 28),
            new VmSize("Standard_D2_v2", "standardDv2Family", 2, 0, 7),
            new VmSize("Standard_D3_v2", "standardDv2Family", 4, 0, 14),
            new VmSize("Standard_D11_v2", "standardDv2Family", 2, 0, 14),
            new VmSize("Standard_DS2_v2", "standardDSv2Family", 2, 0, 7),
            new VmSize("Standard_DS3_v2", "standardDSv2Family", 4, 0, 14),
            new VmSize("Standard_DS11_v2", "standardDSv2Family", 2, 0, 14),
            new VmSize("Standard_DS12_v2", "standardDSv2Family", 4, 0, 28),
            new VmSize("Standard_E4s_v3", "standardESv3Family", 4, 0, 32),
            new VmSize("Standard_F4s_v2", "standardFSv2Family", 4, 0, 8),
            new VmSize("Standard_NC6", "standardNCFamily", 6, 1, 56),
            new VmSize("Standard_NC6s_v3", "standardNCSv3Family", 6, 1, 112),
            new VmSize("Standard_NC24", "standardNCFamily", 24, 4, 224));

    /** Per-family vCPU quota of every subscription. */
    static final int FAMILY_QUOTA = 100;
    /** Total vCPU quota of a region. */
    static final int TOTAL_QUOTA = 1000;

    static Optional<VmSize> find(String name) {
        return ALL.stream().filter(s -> s.name.equalsIgnoreCase(name)).findFirst();
    }

    /** How the service echoes a size: upper case ({@code STANDARD_D1}, ml.md §1). */
    static String canonical(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    static List<String> supportedNames() {
        return ALL.stream().map(s -> canonical(s.name)).toList();
    }
}
