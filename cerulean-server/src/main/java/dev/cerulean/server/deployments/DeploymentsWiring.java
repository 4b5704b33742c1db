package dev.cerulean.server.deployments;

import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Plugs template deployments into the ARM engine: one line in the composition root. */
public final class DeploymentsWiring {
    private DeploymentsWiring() {}

    public static Deployments install(ArmRoutes arm, ResourceStore store, Transactions transactions, Clock clock) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "deployment");
            t.setDaemon(true);
            return t;
        });
        Deployments deployments = new Deployments(arm, store, transactions, executor, clock);
        arm.extend(deployments);
        arm.extendTenant(new TemplateHashes());
        return deployments;
    }
}
