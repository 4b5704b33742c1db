package dev.cerulean.store.contract;

import dev.cerulean.store.ResourceRecord;
import java.time.Instant;

/** Realistic resource rows for the contract suites: groups, registries and their children. */
public final class SampleRecords {

    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";
    public static final String OTHER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000002";
    public static final String GROUP_TYPE = "microsoft.resources/resourcegroups";
    public static final String REGISTRY_TYPE = "microsoft.containerregistry/registries";
    /** A millisecond instant: what every backend must return exactly. */
    public static final Instant CREATED = Instant.ofEpochMilli(1_700_000_000_123L);
    public static final Instant CHANGED = Instant.ofEpochMilli(1_700_000_456_789L);

    private SampleRecords() {}

    public static String subscriptionKey(String subscription) {
        return "/subscriptions/" + subscription;
    }

    public static ResourceRecord group(String subscription, String name) {
        String key = subscriptionKey(subscription) + "/resourcegroups/" + name.toLowerCase();
        return new ResourceRecord(key, subscriptionKey(subscription) + "/resourceGroups/" + name, subscription,
                name.toLowerCase(), GROUP_TYPE, subscriptionKey(subscription), name, "westeurope", false,
                "{\"name\":\"" + name + "\"}", "etag-1", CREATED, CREATED);
    }

    public static ResourceRecord registry(String subscription, String group, String name) {
        ResourceRecord parent = group(subscription, group);
        String key = parent.key() + "/providers/" + REGISTRY_TYPE + "/" + name.toLowerCase();
        String id = parent.id() + "/providers/Microsoft.ContainerRegistry/registries/" + name;
        return new ResourceRecord(key, id, subscription, group.toLowerCase(), REGISTRY_TYPE, parent.key(), name,
                "westeurope", true, "{\"name\":\"" + name + "\"}", "etag-1", CREATED, CREATED);
    }

    /** A proxy resource below {@code parent}, e.g. segment {@code tokens}. */
    public static ResourceRecord child(ResourceRecord parent, String segment, String name) {
        return new ResourceRecord(parent.key() + "/" + segment + "/" + name.toLowerCase(),
                parent.id() + "/" + segment + "/" + name, parent.subscriptionId(), parent.resourceGroup(),
                parent.typeKey() + "/" + segment, parent.key(), name, null, false,
                "{\"name\":\"" + name + "\"}", "etag-1", CREATED, CREATED);
    }

    public static ResourceRecord withEtag(ResourceRecord r, String etag) {
        return new ResourceRecord(r.key(), r.id(), r.subscriptionId(), r.resourceGroup(), r.typeKey(), r.parentKey(),
                r.name(), r.location(), r.tracked(), r.body(), etag, r.createdAt(), r.changedAt());
    }

    public static ResourceRecord withBody(ResourceRecord r, String body, String etag) {
        return new ResourceRecord(r.key(), r.id(), r.subscriptionId(), r.resourceGroup(), r.typeKey(), r.parentKey(),
                r.name(), r.location(), r.tracked(), body, etag, r.createdAt(), CHANGED);
    }
}
