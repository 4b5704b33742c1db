package dev.cerulean.server.ml;

import dev.cerulean.server.providers.machinelearningservices.DependentKeys;
import dev.cerulean.server.providers.machinelearningservices.MachineLearningProvider;
import dev.cerulean.server.providers.machinelearningservices.RegionalHosts;
import dev.cerulean.store.Stores;

import java.time.Clock;

/** Wiring of Azure Machine Learning: the ARM provider and the regional data plane's handler. */
public final class MachineLearning {
    private MachineLearning() {}

    public static MachineLearningProvider provider(Stores stores, Clock clock) {
        return new MachineLearningProvider(stores.resources(), clock, new RegionalHosts(), DependentKeys.NONE);
    }
}
