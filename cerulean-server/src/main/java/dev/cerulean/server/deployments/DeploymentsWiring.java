package dev.cerulean.server.deployments;

import dev.cerulean.server.arm.ArmRoutes;
import dev.cerulean.server.arm.spi.Sealer;
import dev.cerulean.store.ResourceStore;
import dev.cerulean.store.Transactions;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Plugs template deployments into the ARM engine: one line in the composition root. */
public final class DeploymentsWiring {
    private DeploymentsWiring() {}

    /** @param sealer seals the secure parameters a deployment keeps for {@code --rollback-on-error} */
    public static Deployments install(ArmRoutes arm, ResourceStore store, Transactions transactions, Sealer sealer, Clock clock) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "deployment");
            t.setDaemon(true);
            return t;
        });
        Deployments deployments = new Deployments(arm, store, transactions, sealer, executor, clock);
        arm.extend(deployments);
        arm.extendTenant(new TemplateHashes());
        arm.extendTenant(new UnservedScopes());
        return deployments;
    }
}
