package dev.cerulean.server.providers.machinelearningservices;

/**
 * Makes the service principal behind a workspace's system-assigned identity, so its principal id is
 * a real directory object that can hold role assignments. The composition root adapts the managed
 * identity provider's directory; {@link #RANDOM} only invents ids.
 */
@FunctionalInterface
public interface WorkspacePrincipals {

    WorkspacePrincipals RANDOM = (tenantId, displayName, resourceId) -> java.util.UUID.randomUUID().toString();

    /** Creates the principal in the write's transaction and returns its object id. */
    String create(String tenantId, String displayName, String resourceId);
}
