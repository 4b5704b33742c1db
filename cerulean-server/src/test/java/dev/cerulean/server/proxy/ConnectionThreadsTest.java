package dev.cerulean.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;

class ConnectionThreadsTest {

    @Test
    void connectionsRunOnVirtualThreadsFromJava21AndOnPlatformThreadsBefore() throws Exception {
        ExecutorService executor = ConnectionThreads.newExecutor("test-proxy-");
        try {
            Thread thread = executor.submit(Thread::currentThread).get();

            assertThat(ConnectionThreads.isVirtual(thread)).isEqualTo(Runtime.version().feature() >= 21);
            assertThat(thread.getName()).startsWith("test-proxy-");
            assertThat(thread.isDaemon()).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }
}
