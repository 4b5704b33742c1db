package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The facts a deployment is evaluated against: its scope (what {@code resourceGroup()},
 * {@code subscription()}, {@code tenant()} and {@code managementGroup()} describe), its name and
 * location ({@code deployment()}), {@code environment()}'s values, the clock for {@code utcNow} and
 * the source of {@code newGuid}.
 */
public record DeploymentContext(
        ScopeLevel level,
        String tenantId,
        String subscriptionId,
        String subscriptionDisplayName,
        ResourceGroup resourceGroup,
        String managementGroup,
        String deploymentName,
        String deploymentLocation,
        ObjectNode environment,
        Instant now,
        Supplier<UUID> guids) {

    public enum ScopeLevel { RESOURCE_GROUP, SUBSCRIPTION, MANAGEMENT_GROUP, TENANT }

    /** What {@code resourceGroup()} returns; {@code name} in its stored case (uniqueString hashes the id). */
    public record ResourceGroup(String name, String location, JsonNode tags, String managedBy) {}

    public DeploymentContext {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(deploymentName, "deploymentName");
        if (environment == null) environment = Environment.azureCloud();
        if (now == null) now = Instant.now();
        if (guids == null) guids = UUID::randomUUID;
    }

    public static DeploymentContext resourceGroup(String tenantId, String subscriptionId, ResourceGroup group, String deploymentName) {
        return new DeploymentContext(ScopeLevel.RESOURCE_GROUP, tenantId, subscriptionId, subscriptionId, group, null,
                deploymentName, null, null, null, null);
    }

    public static DeploymentContext subscription(String tenantId, String subscriptionId, String location, String deploymentName) {
        return new DeploymentContext(ScopeLevel.SUBSCRIPTION, tenantId, subscriptionId, subscriptionId, null, null,
                deploymentName, location, null, null, null);
    }

    /** The same facts for a nested deployment aimed at another group (or the subscription when {@code group} is null). */
    public DeploymentContext nested(String name, String targetSubscription, ResourceGroup group) {
        ScopeLevel lvl = group != null ? ScopeLevel.RESOURCE_GROUP : ScopeLevel.SUBSCRIPTION;
        String sub = targetSubscription != null ? targetSubscription : subscriptionId;
        return new DeploymentContext(lvl, tenantId, sub, subscriptionDisplayName, group, managementGroup, name,
                deploymentLocation, environment, now, guids);
    }

    public String resourceGroupId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup.name();
    }

    /** The id under which the template's own resources are created ({@code /subscriptions/s/resourceGroups/g}, ...). */
    public String scopeId() {
        return switch (level) {
            case RESOURCE_GROUP -> resourceGroupId();
            case SUBSCRIPTION -> "/subscriptions/" + subscriptionId;
            case MANAGEMENT_GROUP -> "/providers/Microsoft.Management/managementGroups/" + managementGroup;
            case TENANT -> "";
        };
    }
}
