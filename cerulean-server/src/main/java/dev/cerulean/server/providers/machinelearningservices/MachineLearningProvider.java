package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.server.arm.spi.LroPolicy;
import dev.cerulean.server.arm.spi.LroStyle;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.arm.spi.ResourceTypeSpec;
import dev.cerulean.store.ResourceStore;

import java.time.Clock;
import java.util.List;

/**
 * The {@code Microsoft.MachineLearningServices} provider (ml.md §2, §3): workspaces and their
 * computes as a plug-in of the generic ARM engine. Workspaces and computes are ordinary ARM
 * resources in the resource store; a workspace's computes are its children, so deleting the
 * workspace deletes them, while its dependents are separate resources it only reads.
 */
public final class MachineLearningProvider implements ResourceProvider {

    public static final String NAMESPACE = "Microsoft.MachineLearningServices";

    /** Newest first: 2022-05-01 (the doc's) and the newer versions azure-mgmt and the JS SDK send. */
    public static final List<String> API_VERSIONS = List.of("2024-10-01", "2024-04-01", "2023-10-01", "2023-04-01",
            "2022-10-01", "2022-05-01", "2021-07-01", "2021-04-01");

    private final List<ResourceTypeSpec> types;
    private final LocationReads reads;

    /**
     * @param keys       secrets of the dependents that {@code listKeys} shows
     * @param principals makes the service principals of system-assigned identities
     */
    public MachineLearningProvider(ResourceStore resources, Clock clock, RegionalHosts hosts, DependentKeys keys,
                                   WorkspacePrincipals principals) {
        Dependents dependents = new Dependents(resources);
        WorkspaceActions workspaceActions = new WorkspaceActions(dependents, keys);
        ComputeActions computeActions = new ComputeActions(resources, clock);
        String[] versions = API_VERSIONS.toArray(String[]::new);
        LroPolicy async = LroPolicy.async(LroStyle.AZURE_ASYNC_OPERATION);

        ResourceTypeSpec workspaces = ResourceTypeSpec.tracked("workspaces")
                .withApiVersions(versions)
                .withBehavior(new WorkspaceBehavior(dependents, hosts, principals))
                // the doc: 202 + Location, no body; both status URLs as the RP sends them (ml.md §2.4)
                .withCreateLro(LroPolicy.async(LroStyle.ACCEPTED_WITH_BOTH))
                .withDeleteLro(async)
                .withReadOnlyProperties("workspaceId", "serviceProvisionedResourceGroup", "privateLinkCount",
                        "privateEndpointConnections", "notebookInfo", "tenantId", "storageHnsEnabled", "mlFlowTrackingUri",
                        "discoveryUrl")
                .withAction("listKeys", workspaceActions::listKeys)
                .withAction("resyncKeys", workspaceActions::resyncKeys)
                .withAction("diagnose", workspaceActions::diagnose)
                .withAction("listNotebookAccessToken", workspaceActions::listNotebookAccessToken);
        ResourceTypeSpec computes = ResourceTypeSpec.proxy("workspaces/computes")
                .withApiVersions(versions)
                .withBehavior(new ComputeBehavior(resources, clock))
                // 201 + Azure-AsyncOperation, provisioning done after the configured polls (ml.md §3.3)
                .withCreateLro(async)
                .withDeleteLro(async)
                .withReadOnlyProperties("createdOn", "modifiedOn", "provisioningErrors", "isAttachedCompute", "computeLocation")
                .withAction("listNodes", computeActions::listNodes)
                .withAction("listKeys", computeActions::listKeys)
                .withAction("start", computeActions.power("start", "Running"), async)
                .withAction("stop", computeActions.power("stop", "Stopped"), async)
                .withAction("restart", computeActions.power("restart", "Running"), async);
        this.types = List.of(workspaces, computes);
        this.reads = new LocationReads(resources);
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public List<ResourceTypeSpec> resourceTypes() {
        return types;
    }

    @Override
    public JsonNode read(String subscriptionId, List<String> path, String apiVersion) {
        return reads.read(subscriptionId, path);
    }
}
