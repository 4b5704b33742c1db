package dev.cerulean.server.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cerulean.core.error.ApiError;
import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.core.id.ResourceId;
import dev.cerulean.core.json.Json;
import dev.cerulean.server.arm.spi.Caller;
import dev.cerulean.server.arm.spi.ResourceAction;
import dev.cerulean.server.arm.spi.ResourceProvider;
import dev.cerulean.server.providers.DependentProviders;
import dev.cerulean.server.providers.machinelearningservices.DependentKeys;
import dev.cerulean.server.providers.machinelearningservices.MachineLearningProvider;
import dev.cerulean.server.providers.machinelearningservices.RegionalHosts;
import dev.cerulean.server.providers.machinelearningservices.WorkspacePrincipals;
import dev.cerulean.server.security.TokenFailures;
import dev.cerulean.server.security.TokenVerifier;
import dev.cerulean.server.security.VerificationKeys;
import dev.cerulean.store.Stores;
import org.eclipse.jetty.server.Handler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wiring of Azure Machine Learning: the ARM provider, with the dependents' secrets and directory it
 * needs reached through the composition root (providers never call each other), and the regional
 * data plane's core handler.
 */
public final class MachineLearning {
    private MachineLearning() {}

    /** Audiences the data plane accepts: ARM's (seed 004 reuses its ARM token) and ML's own. */
    static final List<String> AUDIENCES;

    static {
        List<String> a = new ArrayList<>(ArmErrors.ARM_AUDIENCES);
        a.add("https://ml.azure.com");
        a.add("https://ml.azure.com/");
        AUDIENCES = List.copyOf(a);
    }

    /**
     * @param providers the server's provider list; read when a workspace's keys are listed (the
     *                  container registry's admin credentials come from its own listCredentials)
     */
    public static MachineLearningProvider provider(Stores stores, Clock clock, DependentProviders dependents,
                                                   List<ResourceProvider> providers) {
        DependentKeys keys = new DependentKeys() {
            @Override
            public Optional<String> storageKey(String storageAccountKey) {
                return dependents.storage().accountKey(storageAccountKey, "key1");
            }

            @Override
            public Optional<ObjectNode> registryCredentials(String registryKey) {
                return adminCredentials(stores, providers, registryKey);
            }
        };
        WorkspacePrincipals principals = (tenantId, name, resourceId) ->
                dependents.identityDirectory().create(tenantId, name, resourceId).principalId();
        return new MachineLearningProvider(stores.resources(), clock, new RegionalHosts(), keys, principals);
    }

    /** Discovery, run history and model management, for {@code HttpFront}'s core surfaces. */
    public static Handler regionalApi(Stores stores, VerificationKeys keys, Clock clock, long maxBodyBytes) {
        WorkspaceRecords records = new WorkspaceRecords(stores.resources(), clock);
        TokenVerifier verifier = new TokenVerifier(keys, stores.identities(), AUDIENCES, TokenFailures.ARM, clock);
        return new RegionalApiHandler(verifier, records, new RunHistory(records, clock), new ModelManagement(records, clock),
                maxBodyBytes, clock);
    }

    /** The registry's {@code listCredentials} answer ({@code username}, {@code passwords}), empty without admin user. */
    private static Optional<ObjectNode> adminCredentials(Stores stores, List<ResourceProvider> providers, String registryKey) {
        var rec = stores.resources().get(registryKey).orElse(null);
        if (rec == null) return Optional.empty();
        ResourceAction list = providers.stream().filter(p -> p.namespace().equalsIgnoreCase("Microsoft.ContainerRegistry"))
                .flatMap(p -> p.resourceTypes().stream()).filter(t -> t.type().equalsIgnoreCase("registries"))
                .map(t -> t.action("listCredentials")).filter(a -> a != null).findFirst().orElse(null);
        if (list == null) return Optional.empty();
        try {
            JsonNode answer = list.invoke(new ResourceAction.ActionContext(ResourceId.parse(rec.id()),
                    (ObjectNode) Json.parse(rec.body()), null, "2023-07-01",
                    new Caller(null, null, MachineLearningProvider.NAMESPACE, "Application")));
            return answer instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (ApiError adminDisabled) {
            return Optional.empty();
        }
    }
}
