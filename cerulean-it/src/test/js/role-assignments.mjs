// The Azure SDK for JavaScript (@azure/identity + @azure/arm-authorization) against Cerulean's
// Microsoft.Authorization: find a role by name, assign it, read, list and delete the assignment.
// Configured by environment (see RoleAssignmentsJsIT); prints one JSON object of what it saw.
import { ClientSecretCredential } from "@azure/identity";
import { AuthorizationManagementClient } from "@azure/arm-authorization";
import { randomUUID } from "node:crypto";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env("CERULEAN_BASE");
const credential = new ClientSecretCredential(env("CERULEAN_TENANT"), env("CERULEAN_CLIENT_ID"), env("CERULEAN_SECRET"),
  { authorityHost: base, disableInstanceDiscovery: true });
const client = new AuthorizationManagementClient(credential, env("CERULEAN_SUBSCRIPTION"),
  { endpoint: base, credentialScopes: ["https://management.azure.com/.default"] });
const scope = env("CERULEAN_SCOPE");

const roles = [];
for await (const d of client.roleDefinitions.list(scope, { filter: "roleName eq 'AcrPull'" })) roles.push(d);
const name = randomUUID();
const created = await client.roleAssignments.create(scope, name, {
  roleDefinitionId: roles[0].id, principalId: env("CERULEAN_PRINCIPAL_ID"), principalType: "ServicePrincipal" });
const read = await client.roleAssignments.get(scope, name);
const listed = [];
for await (const a of client.roleAssignments.listForScope(scope, { filter: "atScope()" })) listed.push(a.name);
let duplicate = null;
try {
  await client.roleAssignments.create(scope, randomUUID(), {
    roleDefinitionId: roles[0].id, principalId: env("CERULEAN_PRINCIPAL_ID") });
} catch (e) {
  duplicate = { status: e.statusCode, code: e.code };
}
const deleted = await client.roleAssignments.delete(scope, name);
const after = [];
for await (const a of client.roleAssignments.listForScope(scope)) after.push(a.name);

console.log(JSON.stringify({
  roles: roles.map((r) => ({ id: r.id, roleName: r.roleName, roleType: r.roleType })),
  created: { id: created.id, name: created.name, scope: created.scope, principalId: created.principalId,
    roleDefinitionId: created.roleDefinitionId },
  read: { id: read.id, principalType: read.principalType },
  listed, duplicate, deleted: deleted?.id ?? null, after,
}));
