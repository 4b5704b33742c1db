package dev.cerulean.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored ARM resource (a resource group, a tracked resource or a child resource).
 *
 * <p>A class with a record's accessors rather than a record: a row read from the database keeps its
 * body as the UTF-8 bytes the driver returns, and makes the {@code String} only when asked. A list
 * page writes those bytes out as they are (a token list of 100 is 85 KB), which saves two copies of
 * every document per request: the decoded string and its encoding again.
 */
public final class ResourceRecord {

    private final String key;
    private final String id;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String typeKey;
    private final String parentKey;
    private final String name;
    private final String location;
    private final boolean tracked;
    private final String etag;
    private final Instant createdAt;
    private final Instant changedAt;
    /** The body as UTF-8, when the record was read from the database; null when made from a string. */
    private final byte[] storedBody;
    /** Decoded on first use when only {@link #storedBody} was given; a racy but idempotent cache. */
    private String body;

    /**
     * A record made from its fields (a write, or a test).
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
    public ResourceRecord(String key, String id, String subscriptionId, String resourceGroup, String typeKey,
                          String parentKey, String name, String location, boolean tracked, String body, String etag,
                          Instant createdAt, Instant changedAt) {
        this(key, id, subscriptionId, resourceGroup, typeKey, parentKey, name, location, tracked, body, null, etag,
                createdAt, changedAt);
    }

    private ResourceRecord(String key, String id, String subscriptionId, String resourceGroup, String typeKey,
                           String parentKey, String name, String location, boolean tracked, String body,
                           byte[] storedBody, String etag, Instant createdAt, Instant changedAt) {
        this.key = key;
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.typeKey = typeKey;
        this.parentKey = parentKey;
        this.name = name;
        this.location = location;
        this.tracked = tracked;
        this.body = body;
        this.storedBody = storedBody;
        this.etag = etag;
        this.createdAt = createdAt;
        this.changedAt = changedAt;
    }

    /** A record as a store read it: {@code utf8Body} is kept, not copied, and must not change afterwards. */
    public static ResourceRecord stored(String key, String id, String subscriptionId, String resourceGroup,
                                        String typeKey, String parentKey, String name, String location, boolean tracked,
                                        byte[] utf8Body, String etag, Instant createdAt, Instant changedAt) {
        return new ResourceRecord(key, id, subscriptionId, resourceGroup, typeKey, parentKey, name, location, tracked,
                null, utf8Body, etag, createdAt, changedAt);
    }

    public String key() { return key; }

    public String id() { return id; }

    public String subscriptionId() { return subscriptionId; }

    public String resourceGroup() { return resourceGroup; }

    public String typeKey() { return typeKey; }

    public String parentKey() { return parentKey; }

    public String name() { return name; }

    public String location() { return location; }

    public boolean tracked() { return tracked; }

    public String etag() { return etag; }

    public Instant createdAt() { return createdAt; }

    public Instant changedAt() { return changedAt; }

    /** The complete JSON document returned on GET. */
    public String body() {
        String b = body;
        if (b == null && storedBody != null) {
            b = new String(storedBody, StandardCharsets.UTF_8);
            body = b;
        }
        return b;
    }

    /**
     * The body in UTF-8, to be written out as it is and never modified: the stored bytes themselves
     * for a record read from the database, a new encoding otherwise; null when there is no body.
     */
    public byte[] bodyUtf8() {
        if (storedBody != null) return storedBody;
        String b = body;
        return b == null ? null : b.getBytes(StandardCharsets.UTF_8);
    }

    /** The body's size, in bytes when stored and in chars otherwise (a cache's weight, not an exact length). */
    public long bodySize() {
        if (storedBody != null) return storedBody.length;
        String b = body;
        return b == null ? 0 : b.length();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ResourceRecord r)) return false;
        return tracked == r.tracked && Objects.equals(key, r.key) && Objects.equals(id, r.id)
                && Objects.equals(subscriptionId, r.subscriptionId) && Objects.equals(resourceGroup, r.resourceGroup)
                && Objects.equals(typeKey, r.typeKey) && Objects.equals(parentKey, r.parentKey)
                && Objects.equals(name, r.name) && Objects.equals(location, r.location)
                && Objects.equals(body(), r.body()) && Objects.equals(etag, r.etag)
                && Objects.equals(createdAt, r.createdAt) && Objects.equals(changedAt, r.changedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, id, subscriptionId, resourceGroup, typeKey, parentKey, name, location, tracked, body(),
                etag, createdAt, changedAt);
    }

    @Override
    public String toString() {
        return "ResourceRecord[key=" + key + ", id=" + id + ", typeKey=" + typeKey + ", etag=" + etag
                + ", changedAt=" + changedAt + ", body=" + body() + "]";
    }
}
