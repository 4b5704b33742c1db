package dev.cerulean.server.providers.machinelearningservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.id.Locations;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.ResourceBehavior;
import dev.cerulean.server.arm.spi.WriteContext;
import dev.cerulean.store.ResourceStore;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Computes (ml.md §3): the common envelope (location defaulting to the workspace's), the
 * type-specific properties of AmlCompute and ComputeInstance with their defaults, secrets dropped,
 * and provisioning that ends on the operation's last poll: Succeeded with nodes allocated or the
 * instance running, or Failed with {@code provisioningErrors} for a VM size the region lacks.
 */
final class ComputeBehavior implements ResourceBehavior {

    static final String AML_COMPUTE = "AmlCompute";
    static final String COMPUTE_INSTANCE = "ComputeInstance";
    /** The spec's discriminator values (ml.md §3.2); types other than the two provisioned ones are attached as given. */
    static final List<String> TYPES = List.of("AKS", "Kubernetes", AML_COMPUTE, COMPUTE_INSTANCE, "DataFactory",
            "VirtualMachine", "HDInsight", "Databricks", "DataLakeAnalytics", "SynapseSpark");
    private static final List<String> PRIORITIES = List.of("Dedicated", "LowPriority");
    private static final List<String> OS_TYPES = List.of("Linux", "Windows");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,22}[A-Za-z0-9]");
    /** Top-level members a compute keeps; anything else (the doc's stray userAccountCredentials) is dropped. */
    private static final List<String> ENVELOPE = List.of("location", "tags", "identity", "sku", "properties");

    private final ResourceStore store;
    private final Clock clock;

    ComputeBehavior(ResourceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void validateName(WriteContext ctx) {
        if (!NAME.matcher(ctx.id().name()).matches()) throw MlErrors.invalidComputeName(ctx.id().name());
    }

    @Override
    public ObjectNode onWrite(WriteContext ctx) {
        ObjectNode doc = ctx.requested();
        doc.retain(ENVELOPE);
        if (!(doc.get("properties") instanceof ObjectNode props)) throw MlErrors.userError("The compute's 'properties' are required.");
        String type = canonical(props.get("computeType"), TYPES, "computeType");
        String now = Json.armTime(clock.instant());
        if (ctx.existing() != null) {
            JsonNode old = ctx.existing().path("properties");
            if (!old.path("computeType").asText().equals(type)) throw MlErrors.userError("The compute type of an existing compute cannot be changed.");
            if (!ctx.patch() && old.get("properties") instanceof ObjectNode oldInner) {
                // a PUT onto an existing compute updates it (the spec's "update" example sends scaleSettings only)
                ObjectNode inner = props.get("properties") instanceof ObjectNode p ? p : props.putObject("properties");
                String vmSize = inner.path("vmSize").asText("");
                if (!vmSize.isEmpty() && !vmSize.equalsIgnoreCase(oldInner.path("vmSize").asText(""))) {
                    throw MlErrors.userError("Updating the VM size of an existing compute is not supported; delete and recreate it.");
                }
                oldInner.fields().forEachRemaining(e -> { if (!inner.has(e.getKey())) inner.set(e.getKey(), e.getValue()); });
            }
            if (ctx.patch() && props.get("scaleSettings") instanceof ObjectNode scale) {
                // the older ClusterUpdateParameters shape puts scaleSettings one level up
                ObjectNode inner = props.get("properties") instanceof ObjectNode p ? p : props.putObject("properties");
                inner.set("scaleSettings", scale);
                props.remove("scaleSettings");
            }
        }
        String location = location(doc, ctx.id());
        doc.put("location", location);
        if (!doc.has("tags")) doc.set("tags", Json.object());
        props.put("computeType", type);
        props.put("createdOn", ctx.existing() == null ? now : ctx.existing().path("properties").path("createdOn").asText(now));
        props.put("modifiedOn", now);
        if (!props.has("description")) props.putNull("description");
        if (!props.has("resourceId")) props.putNull("resourceId");
        props.put("computeLocation", location);
        if (!props.has("provisioningErrors")) props.putNull("provisioningErrors");
        props.put("isAttachedCompute", !type.equals(AML_COMPUTE) && !type.equals(COMPUTE_INSTANCE));
        if (!props.has("disableLocalAuth")) props.put("disableLocalAuth", false);
        ObjectNode inner = props.get("properties") instanceof ObjectNode p ? p : props.putObject("properties");
        if (type.equals(AML_COMPUTE)) amlCompute(inner, ctx.existing() == null, now);
        if (type.equals(COMPUTE_INSTANCE)) computeInstance(inner, ctx, now);
        return doc;
    }

    private void amlCompute(ObjectNode p, boolean create, String now) {
        String vmSize = requiredVmSize(p);
        p.put("vmSize", VmSizes.canonical(vmSize));
        p.put("vmPriority", p.hasNonNull("vmPriority") ? canonical(p.get("vmPriority"), PRIORITIES, "vmPriority") : "Dedicated");
        p.put("osType", p.hasNonNull("osType") ? canonical(p.get("osType"), OS_TYPES, "osType") : "Linux");
        if (!(p.get("scaleSettings") instanceof ObjectNode scale) || !scale.path("maxNodeCount").canConvertToInt()
                || !scale.path("minNodeCount").canConvertToInt()) {
            throw MlErrors.userError("ScaleSettings.MaxNodeCount and ScaleSettings.MinNodeCount must be specified for create compute.");
        }
        int min = scale.get("minNodeCount").asInt();
        int max = scale.get("maxNodeCount").asInt();
        if (min < 0 || max < 1 || min > max) {
            throw MlErrors.userError("ScaleSettings.MinNodeCount (" + min + ") must be between 0 and ScaleSettings.MaxNodeCount (" + max + "), which must be at least 1.");
        }
        if (!scale.hasNonNull("nodeIdleTimeBeforeScaleDown")) scale.put("nodeIdleTimeBeforeScaleDown", "PT120S");
        for (String f : List.of("virtualMachineImage", "subnet", "errors")) if (!p.has(f)) p.putNull(f);
        if (!p.has("isolatedNetwork")) p.put("isolatedNetwork", false);
        if (!p.hasNonNull("remoteLoginPortPublicAccess") || p.get("remoteLoginPortPublicAccess").asText().equals("NotSpecified")) {
            p.put("remoteLoginPortPublicAccess", "Enabled");
        }
        if (!p.has("enableNodePublicIp")) p.put("enableNodePublicIp", true);
        credentials(p);
        int current = create ? 0 : p.path("currentNodeCount").asInt(0);
        p.put("allocationState", create && min > 0 ? "Resizing" : "Steady");
        p.put("allocationStateTransitionTime", now);
        p.put("currentNodeCount", create ? 0 : Math.max(min, Math.min(current, max)));
        p.put("targetNodeCount", create ? min : Math.max(min, Math.min(current, max)));
        nodeCounts(p, create ? 0 : p.get("currentNodeCount").asInt());
    }

    private void computeInstance(ObjectNode p, WriteContext ctx, String now) {
        String vmSize = requiredVmSize(p);
        p.put("vmSize", VmSizes.canonical(vmSize));
        credentials(p);
        boolean create = ctx.existing() == null;
        if (create) p.put("state", "Creating");
        if (!p.has("applicationSharingPolicy")) p.put("applicationSharingPolicy", "Shared");
        if (!p.has("computeInstanceAuthorizationType")) p.put("computeInstanceAuthorizationType", "personal");
        ObjectNode ssh = p.get("sshSettings") instanceof ObjectNode s ? s : p.putObject("sshSettings");
        if (!ssh.has("sshPublicAccess")) ssh.put("sshPublicAccess", "Disabled");
        ssh.put("adminUserName", "azureuser");
        ssh.put("sshPort", 4001);
        ssh.remove("adminPublicKey");
        if (!p.has("subnet")) p.putNull("subnet");
        ObjectNode endpoints = p.putObject("connectivityEndpoints");
        endpoints.put("publicIpAddress", "127.0.0.1");
        endpoints.put("privateIpAddress", "10.0.0.4");
        String host = ctx.id().name().toLowerCase(Locale.ROOT) + "." + p.path("computeLocation").asText("eastus") + ".instances.azureml.ms";
        var apps = p.putArray("applications");
        for (String app : List.of("Jupyter", "JupyterLab", "VS Code")) {
            apps.addObject().put("displayName", app).put("endpointUri", "https://" + host + "/" + app.toLowerCase(Locale.ROOT).replace(" ", ""));
        }
        if (create) {
            ObjectNode by = p.putObject("createdBy");
            by.put("userName", ctx.caller().name());
            by.put("userOrgId", ctx.caller().tenantId());
            by.put("userId", ctx.caller().objectId());
        }
        ObjectNode op = p.putObject("lastOperation");
        op.put("operationName", create ? "Create" : "Update");
        op.put("operationTime", now);
        op.put("operationStatus", create ? "InProgress" : "Succeeded");
        if (!p.has("errors")) p.putNull("errors");
        if (!p.has("schedules")) p.putObject("schedules").putArray("computeStartStop");
        p.putObject("versions").put("runtime", "0.1.0");
    }

    @Override
    public ApiError finishProvisioning(ResourceId id, ObjectNode doc) {
        ObjectNode props = (ObjectNode) doc.get("properties");
        ObjectNode inner = props.get("properties") instanceof ObjectNode p ? p : null;
        String type = props.path("computeType").asText();
        if (inner == null || !(type.equals(AML_COMPUTE) || type.equals(COMPUTE_INSTANCE))) return null;
        String now = Json.armTime(clock.instant());
        if (VmSizes.find(inner.path("vmSize").asText()).isEmpty()) {
            ApiError error = MlErrors.unsupportedVmSize(inner.path("vmSize").asText(), VmSizes.supportedNames());
            ObjectNode e = props.putArray("provisioningErrors").addObject().putObject("error");
            e.put("code", error.code());
            e.put("message", error.message());
            e.putArray("details").addObject().put("code", error.details().get(0).code()).put("message", error.details().get(0).message());
            if (type.equals(AML_COMPUTE)) inner.put("allocationState", "Steady");
            if (type.equals(COMPUTE_INSTANCE)) {
                inner.put("state", "CreateFailed");
                ((ObjectNode) inner.get("lastOperation")).put("operationStatus", "CreateFailed");
            }
            return error;
        }
        if (type.equals(AML_COMPUTE)) {
            int target = inner.path("targetNodeCount").asInt(0);
            inner.put("allocationState", "Steady");
            inner.put("allocationStateTransitionTime", now);
            inner.put("currentNodeCount", target);
            nodeCounts(inner, target);
        } else {
            inner.put("state", "Running");
            ((ObjectNode) inner.get("lastOperation")).put("operationStatus", "Succeeded");
        }
        return null;
    }

    @Override
    public void validateDelete(ResourceId id, Function<String, String> queryParam) {
        String action = queryParam.apply("underlyingResourceAction");
        if (action == null || !(action.equalsIgnoreCase("Delete") || action.equalsIgnoreCase("Detach"))) {
            throw MlErrors.missingUnderlyingResourceAction();
        }
    }

    static void nodeCounts(ObjectNode p, int idle) {
        ObjectNode c = p.putObject("nodeStateCounts");
        c.put("idleNodeCount", idle);
        for (String f : List.of("runningNodeCount", "preparingNodeCount", "unusableNodeCount", "leavingNodeCount", "preemptedNodeCount")) {
            c.put(f, 0);
        }
    }

    /** Administrator credentials: the user name is kept, passwords and keys never stored nor shown (ml.md §3.3). */
    private static void credentials(ObjectNode p) {
        if (!(p.get("userAccountCredentials") instanceof ObjectNode creds)) return;
        if (!creds.hasNonNull("adminUserName")) throw MlErrors.userError("userAccountCredentials.adminUserName is required.");
        creds.remove("adminUserPassword");
        creds.remove("adminUserSshPublicKey");
    }

    private static String requiredVmSize(ObjectNode p) {
        JsonNode v = p.get("vmSize");
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw MlErrors.userError("The property 'vmSize' is required.");
        return v.asText();
    }

    /** A compute lives in its workspace's region whatever the request says (the spec's example asks eastus, gets eastus2). */
    private String location(ObjectNode doc, ResourceId id) {
        String workspace = store.get(id.parent().key()).map(r -> r.location()).orElse(null);
        if (workspace != null) return workspace;
        return Locations.normalize(doc.path("location").asText("")).orElse("eastus");
    }

    private static String canonical(JsonNode value, List<String> allowed, String property) {
        if (value == null || value.isNull()) throw MlErrors.userError("The property '" + property + "' is required.");
        return allowed.stream().filter(a -> a.equalsIgnoreCase(value.asText())).findFirst()
                .orElseThrow(() -> MlErrors.userError("The value '" + value.asText() + "' of property '" + property
                        + "' is invalid; allowed values are " + String.join(", ", allowed) + "."));
    }
}
