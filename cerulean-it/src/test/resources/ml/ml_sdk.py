"""Microsoft's Python SDK (azure-mgmt-machinelearningservices as Debian packages it) against Cerulean.

Run by MlPythonSdkIT with HTTPS_PROXY and REQUESTS_CA_BUNDLE set, so the SDK talks to Azure's own
host names. Arguments: tenant client secret subscription group storage vault insights.
Prints one JSON object of what it observed.
"""
import json
import sys

from azure.identity import ClientSecretCredential
from azure.mgmt.machinelearningservices import MachineLearningServicesMgmtClient
from azure.mgmt.machinelearningservices.models import (
    AmlCompute, AmlComputeProperties, ComputeInstance, ComputeInstanceProperties, ComputeResource,
    ManagedServiceIdentity, ScaleSettings, Workspace)

tenant, client_id, secret, subscription, group, storage, vault, insights = sys.argv[1:9]
credential = ClientSecretCredential(tenant, client_id, secret)
client = MachineLearningServicesMgmtClient(credential, subscription, polling_interval=0)
out = {}

ws = client.workspaces.begin_create_or_update(group, "py-ws", Workspace(
    location="eastus", identity=ManagedServiceIdentity(type="SystemAssigned"), friendly_name="from python",
    storage_account=storage, key_vault=vault, application_insights=insights)).result()
out["created"] = {"name": ws.name, "state": ws.provisioning_state, "discovery": ws.discovery_url,
                  "workspaceId": ws.workspace_id, "principal": ws.identity.principal_id}
got = client.workspaces.get(group, "py-ws")
out["get"] = {"friendlyName": got.friendly_name, "storage": got.storage_account}
out["listByGroup"] = [w.name for w in client.workspaces.list_by_resource_group(group)]
out["listBySubscription"] = [w.name for w in client.workspaces.list_by_subscription()]
out["keys"] = client.workspaces.list_keys(group, "py-ws").user_storage_resource_id

cluster = client.compute.begin_create_or_update(group, "py-ws", "py-cluster", ComputeResource(
    location="eastus", properties=AmlCompute(properties=AmlComputeProperties(
        vm_size="Standard_DS3_v2", scale_settings=ScaleSettings(max_node_count=2, min_node_count=1))))).result()
out["cluster"] = {"state": cluster.properties.provisioning_state, "vmSize": cluster.properties.properties.vm_size,
                  "nodes": cluster.properties.properties.current_node_count}
out["nodes"] = len(list(client.compute.list_nodes(group, "py-ws", "py-cluster")))
instance = client.compute.begin_create_or_update(group, "py-ws", "py-instance", ComputeResource(
    location="eastus", properties=ComputeInstance(properties=ComputeInstanceProperties(vm_size="Standard_DS3_v2")))).result()
out["instance"] = instance.properties.properties.state
client.compute.begin_stop(group, "py-ws", "py-instance").result()
out["stopped"] = client.compute.get(group, "py-ws", "py-instance").properties.properties.state
client.compute.begin_start(group, "py-ws", "py-instance").result()
out["started"] = client.compute.get(group, "py-ws", "py-instance").properties.properties.state
out["computes"] = sorted(c.name for c in client.compute.list(group, "py-ws"))
client.compute.begin_delete(group, "py-ws", "py-instance", underlying_resource_action="Delete").result()
out["computesAfterDelete"] = [c.name for c in client.compute.list(group, "py-ws")]
out["usages"] = [u.name.value for u in client.usages.list("eastus")][:1]
out["vmSizes"] = len(client.virtual_machine_sizes.list("eastus").value)

client.workspaces.begin_delete(group, "py-ws").result()
out["afterDelete"] = [w.name for w in client.workspaces.list_by_resource_group(group)]
print(json.dumps(out))
