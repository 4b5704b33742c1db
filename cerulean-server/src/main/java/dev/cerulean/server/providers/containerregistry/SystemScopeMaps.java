package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.WriteCondition;

import java.time.Instant;
import java.util.List;

/**
 * The five system-defined scope maps every registry has (acr.md §2.3). They are stored as ordinary
 * child resources when the registry is created, in the same transaction, so GET and list of scope
 * maps, token references and cascade deletes all work through the generic engine; the scope-map
 * hooks refuse to change or delete them.
 */
final class SystemScopeMaps {
    private SystemScopeMaps() {}

    static final String SYSTEM_DEFINED = "SystemDefined";
    static final String USER_DEFINED = "UserDefined";

    record Definition(String name, String description, List<String> actions) {}

    private static final String META_READ = "repositories/*/metadata/read";
    private static final String META_WRITE = "repositories/*/metadata/write";
    private static final String READ = "repositories/*/content/read";
    private static final String WRITE = "repositories/*/content/write";
    private static final String DELETE = "repositories/*/content/delete";

    static final List<Definition> ALL = List.of(
            new Definition("_repositories_admin", "Can perform all read, write and delete operations on the registry",
                    List.of(META_READ, META_WRITE, READ, WRITE, DELETE)),
            new Definition("_repositories_pull", "Can pull any repository of the registry", List.of(READ)),
            new Definition("_repositories_pull_metadata_read", "Can perform all read operations on the registry",
                    List.of(READ, META_READ)),
            new Definition("_repositories_push", "Can push to any repository of the registry", List.of(READ, WRITE)),
            new Definition("_repositories_push_metadata_write", "Can perform all read and write operations on the registry",
                    List.of(META_READ, META_WRITE, READ, WRITE)));

    static boolean isSystemDefined(JsonNode scopeMap) {
        return SYSTEM_DEFINED.equals(scopeMap.path("properties").path("type").asText());
    }

    /** Stores the system scope maps of a registry being created; creationDate is the registry's. */
    static void materialize(ResourceStore store, ResourceId registry, Instant now, Caller caller) {
        for (Definition d : ALL) {
            ResourceId id = ResourceId.provider(registry.subscriptionId(), registry.resourceGroup(),
                    ContainerRegistryProvider.NAMESPACE, List.of("registries", "scopeMaps"), List.of(registry.name(), d.name()));
            ObjectNode props = Json.object();
            props.put("description", d.description());
            props.put("type", SYSTEM_DEFINED);
            props.put("creationDate", AcrTimes.offset(now));
            props.put("provisioningState", "Succeeded");
            props.set("actions", Json.MAPPER.valueToTree(d.actions()));
            ObjectNode doc = RegistryDocuments.envelope(id, ContainerRegistryProvider.NAMESPACE + "/registries/scopeMaps",
                    systemData(caller, now), props);
            store.put(RegistryDocuments.newChild(id, doc, now), WriteCondition.ALWAYS);
        }
    }

    /** systemData naming the registry's creator (acr.md §2.3 allows this or none). */
    private static ObjectNode systemData(Caller caller, Instant now) {
        if (caller == null) return null;
        ObjectNode sd = Json.object();
        String at = Json.armTime(now);
        sd.put("createdBy", caller.name());
        sd.put("createdByType", caller.type());
        sd.put("createdAt", at);
        sd.put("lastModifiedBy", caller.name());
        sd.put("lastModifiedByType", caller.type());
        sd.put("lastModifiedAt", at);
        return sd;
    }
}
