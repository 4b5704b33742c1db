package dev.cerulean.server.ml;

import dev.cerulean.core.error.ArmErrors;
import dev.cerulean.server.providers.machinelearningservices.DependentKeys;
import dev.cerulean.server.providers.machinelearningservices.MachineLearningProvider;
import dev.cerulean.server.providers.machinelearningservices.RegionalHosts;
import dev.cerulean.server.security.TokenFailures;
import dev.cerulean.server.security.TokenVerifier;
import dev.cerulean.server.security.VerificationKeys;
import dev.cerulean.store.Stores;
import org.eclipse.jetty.server.Handler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wiring of Azure Machine Learning: the ARM provider and the regional data plane's core handler. */
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

    public static MachineLearningProvider provider(Stores stores, Clock clock) {
        return new MachineLearningProvider(stores.resources(), clock, new RegionalHosts(), DependentKeys.NONE);
    }

    /** Discovery, run history and model management, for {@code HttpFront}'s core surfaces. */
    public static Handler regionalApi(Stores stores, VerificationKeys keys, Clock clock, long maxBodyBytes) {
        WorkspaceRecords records = new WorkspaceRecords(stores.resources());
        TokenVerifier verifier = new TokenVerifier(keys, stores.identities(), AUDIENCES, TokenFailures.ARM, clock);
        return new RegionalApiHandler(verifier, records, new RunHistory(records, clock), new ModelManagement(records, clock),
                maxBodyBytes);
    }
}
