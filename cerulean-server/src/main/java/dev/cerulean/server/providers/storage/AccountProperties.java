package dev.cerulean.server.providers.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.json.Json;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code properties} of a storage account (2022-09-01 shape): the client's settings as sent
 * (checked where a wrong type would break clients), Azure's defaults for those not sent, and the
 * read-only values derived from the name, kind, SKU and location.
 */
final class AccountProperties {
    private AccountProperties() {}

    static final String[] READ_ONLY = {"primaryEndpoints", "secondaryEndpoints", "primaryLocation", "secondaryLocation",
            "statusOfPrimary", "statusOfSecondary", "creationTime", "keyCreationTime", "privateEndpointConnections",
            "lastGeoFailoverTime", "geoReplicationStats", "blobRestoreStatus"};

    private static final List<String> BOOLEANS = List.of("supportsHttpsTrafficOnly", "isHnsEnabled", "allowBlobPublicAccess",
            "allowSharedKeyAccess", "isSftpEnabled", "isLocalUserEnabled", "isNfsV3Enabled", "allowCrossTenantReplication",
            "defaultToOAuthAuthentication");
    private static final List<String> ACCESS_TIERS = List.of("Hot", "Cool", "Premium");
    private static final List<String> TLS_VERSIONS = List.of("TLS1_0", "TLS1_1", "TLS1_2");

    /**
     * @param in       the requested properties (read-only ones already removed)
     * @param old      the stored properties, or null on create
     * @param keyTimes creation time of key1 and key2
     */
    static ObjectNode build(ObjectNode in, ObjectNode old, StorageSku sku, String name, String location, Instant now,
                            ObjectNode keyTimes) {
        ObjectNode p = in.deepCopy();
        for (String derived : READ_ONLY) p.remove(derived); // a PATCH merges onto them: recomputed below
        for (String b : BOOLEANS) checkBoolean(p, b);
        canonical(p, "accessTier", ACCESS_TIERS);
        canonical(p, "minimumTlsVersion", TLS_VERSIONS);
        if (p.path("isHnsEnabled").asBoolean(false)
                && !(sku.kind().equals("BlockBlobStorage") || sku.kind().equals("StorageV2") && sku.tier().equals("Standard"))) {
            throw StorageErrors.valueNotAllowed("True", "isHnsEnabled");
        }

        if (!p.has("supportsHttpsTrafficOnly")) p.put("supportsHttpsTrafficOnly", true);
        if (!p.has("minimumTlsVersion")) p.put("minimumTlsVersion", "TLS1_2");
        if (!p.has("allowBlobPublicAccess")) p.put("allowBlobPublicAccess", false);
        if (!p.has("accessTier") && (sku.kind().equals("StorageV2") || sku.kind().equals("BlobStorage"))) {
            p.put("accessTier", sku.tier().equals("Premium") ? "Premium" : "Hot");
        }
        if (!(p.get("networkAcls") instanceof ObjectNode)) {
            ObjectNode acls = p.putObject("networkAcls");
            acls.put("bypass", "AzureServices");
            acls.putArray("virtualNetworkRules");
            acls.putArray("ipRules");
            acls.put("defaultAction", "Allow");
        }
        p.set("encryption", encryption(p.get("encryption"), old == null ? null : old.get("encryption"), now));
        p.putArray("privateEndpointConnections");
        p.set("keyCreationTime", keyTimes);
        p.put("creationTime", old != null && old.hasNonNull("creationTime") ? old.get("creationTime").asText() : Json.armTime(now));
        p.set("primaryEndpoints", endpoints(name, sku.kind()));
        p.put("primaryLocation", location);
        p.put("statusOfPrimary", "available");
        String secondary = StorageSku.pairOf(location);
        if (sku.geoRedundant() && secondary != null) {
            p.put("secondaryLocation", secondary);
            p.put("statusOfSecondary", "available");
            if (sku.readAccessSecondary()) p.set("secondaryEndpoints", endpoints(name + "-secondary", sku.kind()));
        }
        return p;
    }

    /** Endpoints by kind: general-purpose v2 has all six, v1 no dfs/web, file accounts only file. */
    static ObjectNode endpoints(String name, String kind) {
        List<String> services = switch (kind) {
            case "Storage" -> List.of("blob", "queue", "table", "file");
            case "BlobStorage" -> List.of("dfs", "blob", "table");
            case "BlockBlobStorage" -> List.of("dfs", "web", "blob");
            case "FileStorage" -> List.of("file");
            default -> List.of("dfs", "web", "blob", "queue", "table", "file");
        };
        ObjectNode out = Json.object();
        for (String s : services) {
            // static websites live under a zone number Azure picks per region; z13 is a real one
            String host = s.equals("web") ? "z13.web" : s;
            out.put(s, "https://" + name + "." + host + ".core.windows.net/");
        }
        return out;
    }

    /** Microsoft-managed keys for blob and file unless told otherwise; every service enabled since its first write. */
    private static ObjectNode encryption(JsonNode requested, JsonNode existing, Instant now) {
        ObjectNode enc = requested instanceof ObjectNode o ? o.deepCopy() : Json.object();
        if (!enc.hasNonNull("keySource")) enc.put("keySource", "Microsoft.Storage");
        if (!enc.hasNonNull("requireInfrastructureEncryption")) enc.put("requireInfrastructureEncryption", false);
        ObjectNode services = enc.get("services") instanceof ObjectNode s ? s : enc.putObject("services");
        if (!services.has("blob")) services.putObject("blob");
        if (!services.has("file")) services.putObject("file");
        Iterator<Map.Entry<String, JsonNode>> it = services.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(e.getValue() instanceof ObjectNode svc)) continue;
            JsonNode was = existing == null ? null : existing.path("services").path(e.getKey()).get("lastEnabledTime");
            svc.put("keyType", svc.path("keyType").asText("Account"));
            svc.put("enabled", true);
            svc.put("lastEnabledTime", was != null && was.isTextual() ? was.asText() : Json.armTime(now));
        }
        return enc;
    }

    private static void checkBoolean(ObjectNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull() || v.isBoolean()) return;
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            p.put(field, Boolean.parseBoolean(v.asText().toLowerCase()));
            return;
        }
        throw StorageErrors.valueNotAllowed(v.asText(v.toString()), field);
    }

    private static void canonical(ObjectNode p, String field, List<String> allowed) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) return;
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.asText().trim())) {
                p.put(field, a);
                return;
            }
        }
        throw StorageErrors.valueNotAllowed(v.asText(v.toString()), field);
    }
}
