package dev.cerulean.server.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/**
 * Virtual threads when the JDK has them (21+), reached reflectively because the code is compiled
 * for Java 17; null on older JDKs, where platform threads are used.
 */
public final class VirtualThreads {
    private VirtualThreads() {}

    public static Executor executorOrNull() {
        try {
            var lookup = MethodHandles.publicLookup();
            var factory = lookup.findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                    MethodType.methodType(java.util.concurrent.ExecutorService.class));
            return (Executor) factory.invoke();
        } catch (Throwable e) {
            return null;
        }
    }
}
