package dev.cerulean.server.providers.machinelearningservices;

import dev.cerulean.core.id.ResourceId;

/**
 * Where a workspace's regional services are: Cerulean serves Azure's own regional host names
 * ({@code <region>.api.azureml.ms}) through its proxy and certificate, so the URLs a workspace
 * advertises are Azure's spelling and still reach Cerulean (ml.md §2.3, §4).
 */
public final class RegionalHosts {

    public String apiHost(String region) {
        return region + ".api.azureml.ms";
    }

    String discoveryUrl(String region) {
        return "https://" + apiHost(region) + "/discovery";
    }

    String mlFlowTrackingUri(String region, ResourceId workspace) {
        return "azureml://" + apiHost(region) + "/mlflow/v1.0/subscriptions/" + workspace.subscriptionId() + "/resourceGroups/"
                + workspace.resourceGroup() + "/providers/Microsoft.MachineLearningServices/workspaces/" + workspace.name();
    }
}
