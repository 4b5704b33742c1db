package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.store.ResourceRecord;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Reading and writing stored documents outside the engine's own write path: system scope maps
 * created with their registry, and a token's password list rewritten by generateCredentials. The
 * records follow the engine's conventions exactly (key = lower-cased id, lower-cased subscription,
 * group and type, parent key, quoted GUID etag; see {@code ResourceHandler.record}), so the engine
 * lists, reads, cascades and deletes them like any other.
 */
final class RegistryDocuments {
    private RegistryDocuments() {}

    static ObjectNode parse(ResourceRecord record) {
        return (ObjectNode) Json.parse(record.body());
    }

    static String loginServer(ResourceRecord registry) {
        String s = parse(registry).path("properties").path("loginServer").asText(null);
        return s == null || s.isEmpty() ? null : s;
    }

    /** A new child (proxy) resource record for {@code id} holding {@code body}. */
    static ResourceRecord newChild(ResourceId id, ObjectNode body, Instant now) {
        ResourceId parent = id.parent();
        return new ResourceRecord(id.key(), id.id(), id.subscriptionId().toLowerCase(Locale.ROOT),
                id.resourceGroup() == null ? null : id.resourceGroup().toLowerCase(Locale.ROOT),
                id.type().toLowerCase(Locale.ROOT), parent == null ? null : parent.key(), id.name(), null, false,
                Json.write(body), newEtag(), now, now);
    }

    /** The same record with a new body, a new etag and {@code changedAt = now}. */
    static ResourceRecord rewrite(ResourceRecord rec, ObjectNode body, Instant now) {
        return new ResourceRecord(rec.key(), rec.id(), rec.subscriptionId(), rec.resourceGroup(), rec.typeKey(),
                rec.parentKey(), rec.name(), rec.location(), rec.tracked(), Json.write(body), newEtag(),
                rec.createdAt(), now);
    }

    static String newEtag() {
        return "\"" + UUID.randomUUID() + "\"";
    }

    /** The envelope of a proxy resource in ARM's order: id, name, type, then the rest. */
    static ObjectNode envelope(ResourceId id, String qualifiedType, ObjectNode systemData, ObjectNode properties) {
        ObjectNode doc = Json.object();
        doc.put("id", id.id());
        doc.put("name", id.name());
        doc.put("type", qualifiedType);
        if (systemData != null) doc.set("systemData", systemData);
        doc.set("properties", properties);
        return doc;
    }
}
