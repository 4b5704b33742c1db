package dev.cerulean.server.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/**
 * Virtual threads when the JDK has them (21+), reached reflectively because the code is compiled
 * for Java 17; null on older JDKs, where platform threads are used. {@code -Dcerulean.virtualThreads=false}
 * (in {@code CERULEAN_JAVA_OPTS}) keeps the front on platform threads on any JDK, to compare the two.
 */
public final class VirtualThreads {
    private VirtualThreads() {}

    public static Executor executorOrNull() {
        if ("false".equalsIgnoreCase(System.getProperty("cerulean.virtualThreads"))) return null;
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
