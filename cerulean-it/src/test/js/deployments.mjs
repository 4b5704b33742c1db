// The Azure SDK for JavaScript (@azure/identity + @azure/arm-resources 6.x) against Cerulean's
// Microsoft.Resources/deployments: create a group, validate and deploy a template into it, read the
// deployment, its operations and its template back, see a refused template, delete the history entry.
// Configured by environment (see DeploymentsJsIT); prints one JSON object of what it saw.
import { ClientSecretCredential } from "@azure/identity";
import { ResourceManagementClient } from "@azure/arm-resources";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env("CERULEAN_BASE");
const credential = new ClientSecretCredential(env("CERULEAN_TENANT"), env("CERULEAN_CLIENT_ID"), env("CERULEAN_SECRET"),
  { authorityHost: base, disableInstanceDiscovery: true });
const client = new ResourceManagementClient(credential, env("CERULEAN_SUBSCRIPTION"),
  { endpoint: base, credentialScopes: ["https://management.azure.com/.default"], updateIntervalInMs: 200 });
const rg = env("CERULEAN_GROUP");
const identity = env("CERULEAN_IDENTITY");

await client.resourceGroups.createOrUpdate(rg, { location: "westus" });
const template = {
  $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  contentVersion: "1.0.0.0",
  parameters: { name: { type: "string", allowedValues: [identity] } },
  resources: [{ type: "Microsoft.ManagedIdentity/userAssignedIdentities", apiVersion: "2018-11-30",
    name: "[parameters('name')]", location: "[resourceGroup().location]" }],
  outputs: { principal: { type: "string",
    value: "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name'))).principalId]" } },
};
const properties = { mode: "Incremental", template, parameters: { name: { value: identity } } };

const validated = await client.deployments.beginValidateAndWait(rg, "js1", { properties });
const created = await client.deployments.beginCreateOrUpdateAndWait(rg, "js1", { properties });
const listed = [];
for await (const d of client.deployments.listByResourceGroup(rg)) listed.push(d.name);
const operations = [];
for await (const o of client.deploymentOperations.list(rg, "js1")) {
  operations.push({ state: o.properties?.provisioningState, type: o.properties?.targetResource?.resourceType });
}
const exported = await client.deployments.exportTemplate(rg, "js1");
let refused = null;
try {
  await client.deployments.beginValidateAndWait(rg, "js2",
    { properties: { ...properties, parameters: { name: { value: "not-allowed" } } } });
} catch (e) {
  refused = { status: e.statusCode, code: e.code, message: e.message };
}
await client.deployments.beginDeleteAndWait(rg, "js1");
const after = [];
for await (const d of client.deployments.listByResourceGroup(rg)) after.push(d.name);

console.log(JSON.stringify({
  validated: { state: validated.properties?.provisioningState, resources: validated.properties?.validatedResources?.map((r) => r.id) },
  created: { id: created.id, state: created.properties?.provisioningState, outputs: created.properties?.outputs,
    outputResources: created.properties?.outputResources?.map((r) => r.id) },
  listed, operations, exported: exported.template?.resources?.[0]?.type ?? null, refused, after,
}));
