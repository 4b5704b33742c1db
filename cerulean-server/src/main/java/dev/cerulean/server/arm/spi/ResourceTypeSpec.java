package dev.cerulean.server.arm.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Declaration of one resource type: everything the engine needs to route, validate and answer.
 * Built with {@link #tracked(String)} or {@link #proxy(String)} and the {@code with*} methods.
 *
 * @param type              path below the namespace, e.g. {@code registries} or {@code registries/tokens}
 * @param tracked           top-level and location-bearing: appears in {@code /resources} lists
 * @param apiVersions       declared versions, newest first
 * @param behavior          the type's hooks
 * @param actions           POST actions keyed by lower-cased name
 * @param createLro         how PUT that creates answers
 * @param deleteLro         how DELETE answers
 * @param actionLro         how POST actions answer, keyed by lower-cased name (absent = sync)
 * @param listBySubscription whether {@code GET /subscriptions/{s}/providers/{ns}/{type}} is offered
 * @param etag              whether the type carries an {@code etag} (body field and header)
 * @param readOnlyProperties property names under {@code properties} that clients may send but never set
 */
public record ResourceTypeSpec(String type, boolean tracked, List<String> apiVersions, ResourceBehavior behavior,
                               Map<String, ResourceAction> actions, LroPolicy createLro, LroPolicy deleteLro,
                               Map<String, LroPolicy> actionLro, boolean listBySubscription, boolean etag,
                               List<String> readOnlyProperties) {

    public static ResourceTypeSpec tracked(String type) {
        return new ResourceTypeSpec(type, true, List.of(), ResourceBehavior.GENERIC, Map.of(), LroPolicy.SYNC,
                LroPolicy.SYNC, Map.of(), true, false, List.of());
    }

    public static ResourceTypeSpec proxy(String type) {
        return new ResourceTypeSpec(type, false, List.of(), ResourceBehavior.GENERIC, Map.of(), LroPolicy.SYNC,
                LroPolicy.SYNC, Map.of(), false, false, List.of());
    }

    public ResourceTypeSpec withApiVersions(String... versions) {
        return new ResourceTypeSpec(type, tracked, List.of(versions), behavior, actions, createLro, deleteLro, actionLro,
                listBySubscription, etag, readOnlyProperties);
    }

    public ResourceTypeSpec withBehavior(ResourceBehavior b) {
        return new ResourceTypeSpec(type, tracked, apiVersions, b, actions, createLro, deleteLro, actionLro,
                listBySubscription, etag, readOnlyProperties);
    }

    public ResourceTypeSpec withAction(String name, ResourceAction action) {
        return withAction(name, action, LroPolicy.SYNC);
    }

    public ResourceTypeSpec withAction(String name, ResourceAction action, LroPolicy lro) {
        Map<String, ResourceAction> a = new LinkedHashMap<>(actions);
        a.put(name.toLowerCase(Locale.ROOT), action);
        Map<String, LroPolicy> l = new LinkedHashMap<>(actionLro);
        l.put(name.toLowerCase(Locale.ROOT), lro);
        return new ResourceTypeSpec(type, tracked, apiVersions, behavior, Map.copyOf(a), createLro, deleteLro,
                Map.copyOf(l), listBySubscription, etag, readOnlyProperties);
    }

    public ResourceTypeSpec withCreateLro(LroPolicy lro) {
        return new ResourceTypeSpec(type, tracked, apiVersions, behavior, actions, lro, deleteLro, actionLro,
                listBySubscription, etag, readOnlyProperties);
    }

    public ResourceTypeSpec withDeleteLro(LroPolicy lro) {
        return new ResourceTypeSpec(type, tracked, apiVersions, behavior, actions, createLro, lro, actionLro,
                listBySubscription, etag, readOnlyProperties);
    }

    public ResourceTypeSpec withListBySubscription(boolean value) {
        return new ResourceTypeSpec(type, tracked, apiVersions, behavior, actions, createLro, deleteLro, actionLro,
                value, etag, readOnlyProperties);
    }

    public ResourceTypeSpec withEtag(boolean value) {
        return new ResourceTypeSpec(type, tracked, apiVersions, behavior, actions, createLro, deleteLro, actionLro,
                listBySubscription, value, readOnlyProperties);
    }

    public ResourceTypeSpec withReadOnlyProperties(String... names) {
        return new ResourceTypeSpec(type, tracked, apiVersions, behavior, actions, createLro, deleteLro, actionLro,
                listBySubscription, etag, List.of(names));
    }

    /** The action with this name, matched case-insensitively, or null. */
    public ResourceAction action(String name) {
        return actions.get(name.toLowerCase(Locale.ROOT));
    }

    public LroPolicy actionLroFor(String name) {
        return actionLro.getOrDefault(name.toLowerCase(Locale.ROOT), LroPolicy.SYNC);
    }

    /** Depth below the namespace: 1 for {@code registries}, 2 for {@code registries/tokens}. */
    public int depth() {
        return type.split("/").length;
    }
}
