package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.util.List;
import java.util.Map;

/**
 * SKU and kind of a storage account (ml.md §6.1) and the combinations the RP accepts: file and
 * block-blob accounts are Premium only, legacy blob accounts Standard LRS/GRS/RA-GRS only, and
 * geo-zone redundancy needs general-purpose v2. Values are matched case-insensitively and answered
 * in Azure's spelling.
 */
record StorageSku(String name, String kind) {

    static final List<String> NAMES = List.of("Standard_LRS", "Standard_GRS", "Standard_RAGRS", "Standard_ZRS",
            "Premium_LRS", "Premium_ZRS", "Standard_GZRS", "Standard_RAGZRS");
    static final List<String> KINDS = List.of("StorageV2", "Storage", "BlobStorage", "FileStorage", "BlockBlobStorage");

    /** Azure's paired regions for the regions most used here; geo-redundant accounts report the pair as secondary. */
    private static final Map<String, String> PAIRS = Map.ofEntries(Map.entry("westus", "eastus"),
            Map.entry("eastus", "westus"), Map.entry("westus2", "westcentralus"), Map.entry("westcentralus", "westus2"),
            Map.entry("eastus2", "centralus"), Map.entry("centralus", "eastus2"), Map.entry("westus3", "eastus"),
            Map.entry("northeurope", "westeurope"), Map.entry("westeurope", "northeurope"),
            Map.entry("uksouth", "ukwest"), Map.entry("ukwest", "uksouth"), Map.entry("southeastasia", "eastasia"),
            Map.entry("eastasia", "southeastasia"), Map.entry("japaneast", "japanwest"), Map.entry("japanwest", "japaneast"),
            Map.entry("australiaeast", "australiasoutheast"), Map.entry("australiasoutheast", "australiaeast"));

    /** Reads and checks {@code sku} and {@code kind} of a request document; both are required. */
    static StorageSku of(ObjectNode doc) {
        JsonNode skuNode = doc.get("sku");
        JsonNode nameNode = skuNode == null ? null : skuNode.get("name");
        if (nameNode == null || nameNode.isNull() || nameNode.asText().isBlank()) throw StorageErrors.invalidParameters("sku");
        String name = canonical(nameNode.asText(), NAMES, "sku.name");
        JsonNode kindNode = doc.get("kind");
        if (kindNode == null || kindNode.isNull() || kindNode.asText().isBlank()) throw StorageErrors.invalidParameters("kind");
        String kind = canonical(kindNode.asText(), KINDS, "kind");
        boolean premium = name.startsWith("Premium");
        boolean ok = switch (kind) {
            case "FileStorage", "BlockBlobStorage" -> premium;
            case "BlobStorage" -> List.of("Standard_LRS", "Standard_GRS", "Standard_RAGRS").contains(name);
            case "Storage" -> !name.contains("GZRS") && !name.equals("Premium_ZRS");
            default -> true;
        };
        if (!ok) throw StorageErrors.invalidParameters("kind, sku");
        return new StorageSku(name, kind);
    }

    String tier() {
        return name.startsWith("Premium") ? "Premium" : "Standard";
    }

    boolean geoRedundant() {
        return name.contains("GRS") || name.contains("GZRS");
    }

    boolean readAccessSecondary() {
        return name.contains("RAG");
    }

    ObjectNode toJson() {
        return Json.object().put("name", name).put("tier", tier());
    }

    /** The paired region of {@code location}, or null when Cerulean does not know it. */
    static String pairOf(String location) {
        return PAIRS.get(location);
    }

    private static String canonical(String value, List<String> allowed, String property) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.trim())) return a;
        }
        throw StorageErrors.valueNotAllowed(value, property);
    }
}
