package dev.cerulean.server.proxy;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses how proxy connections get their threads: a virtual thread per task on Java 21 and
 * later, a cached pool of daemon platform threads on 17–20. The build targets {@code --release 17},
 * so the Java 21 API is reached by reflection, once, at proxy start.
 */
final class ConnectionThreads {
    private ConnectionThreads() {}

    static ExecutorService newExecutor(String namePrefix) {
        if (Runtime.version().feature() >= 21) {
            ExecutorService virtual = virtualThreadPerTask(namePrefix);
            if (virtual != null) return virtual;
        }
        return Executors.newCachedThreadPool(platformDaemons(namePrefix));
    }

    static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false; // before Java 21 every thread is a platform thread
        }
    }

    /** {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 0).factory())}, or null. */
    private static ExecutorService virtualThreadPerTask(String namePrefix) {
        try {
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, namePrefix, 0L);
            ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
            Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, factory);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static ThreadFactory platformDaemons(String namePrefix) {
        AtomicLong next = new AtomicLong();
        return task -> {
            Thread thread = new Thread(task, namePrefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
