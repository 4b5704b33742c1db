package dev.cerulean.store;

import java.time.Instant;

/**
 * One stored ARM resource (a resource group, a tracked resource or a child resource).
 *
 * @param key            lower-cased resource id: the primary key
 * @param id             the id as the client spelled it on the latest PUT, echoed in responses
 * @param subscriptionId lower-cased subscription id
 * @param resourceGroup  lower-cased resource group name, or null for subscription-level resources
 * @param typeKey        lower-cased fully qualified type, e.g. {@code microsoft.containerregistry/registries}
 * @param parentKey      key of the enclosing resource (parent resource, resource group, or subscription id path)
 * @param name           the resource's own name as spelled
 * @param location       normalised location, or null for proxy (child) resources
 * @param tracked        true for top-level, location-bearing resources: they appear in generic {@code /resources} lists
 * @param body           the complete JSON document returned on GET
 * @param etag           opaque version tag, changed on every write
 * @param createdAt      first write
 * @param changedAt      latest write
 */
public record ResourceRecord(
        String key, String id, String subscriptionId, String resourceGroup, String typeKey, String parentKey,
        String name, String location, boolean tracked, String body, String etag, Instant createdAt, Instant changedAt) {
}
