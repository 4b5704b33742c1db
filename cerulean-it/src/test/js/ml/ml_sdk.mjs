// The Azure SDK for JavaScript (@azure/arm-machinelearning with @azure/identity) against Cerulean.
// Run by MlJavaScriptSdkIT with HTTPS_PROXY and NODE_EXTRA_CA_CERTS set, so the SDK talks to Azure's own
// host names. Arguments: tenant client secret subscription group storage vault insights.
// Prints one JSON object of what it observed.
import { ClientSecretCredential } from "@azure/identity";
import { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearning";

const [tenant, clientId, secret, subscription, group, storage, vault, insights] = process.argv.slice(2);
const client = new AzureMachineLearningWorkspaces(new ClientSecretCredential(tenant, clientId, secret), subscription);
const fast = { updateIntervalInMs: 10 };
const all = async (iterable) => { const out = []; for await (const x of iterable) out.push(x); return out; };
const out = {};

const ws = await client.workspaces.beginCreateOrUpdateAndWait(group, "js-ws", {
  location: "eastus", identity: { type: "SystemAssigned" }, friendlyName: "from javascript",
  storageAccount: storage, keyVault: vault, applicationInsights: insights }, fast);
out.created = { state: ws.provisioningState, discovery: ws.discoveryUrl, principal: ws.identity.principalId };
out.get = (await client.workspaces.get(group, "js-ws")).friendlyName;
out.listByGroup = (await all(client.workspaces.listByResourceGroup(group))).map((w) => w.name);
out.listBySubscription = (await all(client.workspaces.listBySubscription())).map((w) => w.name);
out.keys = (await client.workspaces.listKeys(group, "js-ws")).userStorageResourceId;

const cluster = await client.computeOperations.beginCreateOrUpdateAndWait(group, "js-ws", "js-cluster", {
  location: "eastus", properties: { computeType: "AmlCompute",
    properties: { vmSize: "Standard_D2", scaleSettings: { maxNodeCount: 1, minNodeCount: 1 } } } }, fast);
out.cluster = { state: cluster.properties.provisioningState, vmSize: cluster.properties.properties.vmSize };
out.nodes = (await all(client.computeOperations.listNodes(group, "js-ws", "js-cluster"))).length;
out.computes = (await all(client.computeOperations.list(group, "js-ws"))).map((c) => c.name);
await client.computeOperations.beginDeleteAndWait(group, "js-ws", "js-cluster", "Delete", fast);
out.computesAfterDelete = (await all(client.computeOperations.list(group, "js-ws"))).map((c) => c.name);

await client.workspaces.beginDeleteAndWait(group, "js-ws", fast);
out.afterDelete = (await all(client.workspaces.listByResourceGroup(group))).map((w) => w.name);
console.log(JSON.stringify(out));
