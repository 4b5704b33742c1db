package dev.cerulean.server.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/**
 * Virtual threads when the JDK has them (21+), reached reflectively because the code is compiled
 * for Java 17; null on older JDKs, where platform threads are used. {@code -Dcerulean.virtualThreads=false}
 * (in {@code CERULEAN_JAVA_OPTS}) keeps the front on platform threads on any JDK, to compare the two.
 *
 * <p>The scheduler gets two carrier threads per core instead of the JDK's one, unless
 * {@code -Djdk.virtualThreadScheduler.parallelism} is given. With one carrier per core (two on the
 * project's machine) a few requests waited more than 2 s under load while the rest took
 * milliseconds; handlers make native calls that hold their carrier (SQLite through JNI, AWS-LC
 * signatures), the likely reason. With two per core the registry's token list on JDK 25 went from
 * 1,555-1,953 requests/s with wrk timeouts to 2,967-3,059/s with p99 21-23 ms and none (bench/README.md).
 */
public final class VirtualThreads {
    private VirtualThreads() {}

    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    public static Executor executorOrNull() {
        if ("false".equalsIgnoreCase(System.getProperty("cerulean.virtualThreads"))) return null;
        // read once, when the JVM makes its first virtual thread: the front's are the first
        System.setProperty(PARALLELISM, parallelism(System.getProperty(PARALLELISM),
                Runtime.getRuntime().availableProcessors()));
        try {
            var lookup = MethodHandles.publicLookup();
            var factory = lookup.findStatic(java.util.concurrent.Executors.class, "newVirtualThreadPerTaskExecutor",
                    MethodType.methodType(java.util.concurrent.ExecutorService.class));
            return (Executor) factory.invoke();
        } catch (Throwable e) {
            return null;
        }
    }

    /** The scheduler's carrier count: the user's choice when given, else two per core. */
    static String parallelism(String chosen, int cores) {
        return chosen != null && !chosen.isBlank() ? chosen : Integer.toString(2 * Math.max(1, cores));
    }
}
