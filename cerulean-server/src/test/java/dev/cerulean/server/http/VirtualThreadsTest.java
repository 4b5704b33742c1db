package dev.cerulean.server.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualThreadsTest {

    private final String parallelismBefore = System.getProperty(VirtualThreads.PARALLELISM);

    @AfterEach
    void clear() {
        System.clearProperty("cerulean.virtualThreads");
        if (parallelismBefore == null) System.clearProperty(VirtualThreads.PARALLELISM);
        else System.setProperty(VirtualThreads.PARALLELISM, parallelismBefore);
    }

    @Test
    void platformThreadsWhenTurnedOff() {
        System.setProperty("cerulean.virtualThreads", "false");
        System.clearProperty(VirtualThreads.PARALLELISM);
        assertThat(VirtualThreads.executorOrNull()).isNull();
        assertThat(System.getProperty(VirtualThreads.PARALLELISM)).isNull();
    }

    @Test
    void virtualThreadsExactlyWhenTheJdkHasThem() {
        assertThat(VirtualThreads.executorOrNull() != null).isEqualTo(Runtime.version().feature() >= 21);
    }

    @Test
    void theSchedulerGetsTwoCarriersPerCoreUnlessTheUserChose() {
        assertThat(VirtualThreads.parallelism(null, 2)).isEqualTo("4");
        assertThat(VirtualThreads.parallelism(" ", 8)).isEqualTo("16");
        assertThat(VirtualThreads.parallelism(null, 0)).isEqualTo("2");
        assertThat(VirtualThreads.parallelism("3", 2)).isEqualTo("3");

        System.clearProperty(VirtualThreads.PARALLELISM);
        VirtualThreads.executorOrNull();
        assertThat(System.getProperty(VirtualThreads.PARALLELISM))
                .isEqualTo(Integer.toString(2 * Runtime.getRuntime().availableProcessors()));

        System.setProperty(VirtualThreads.PARALLELISM, "5");
        VirtualThreads.executorOrNull();
        assertThat(System.getProperty(VirtualThreads.PARALLELISM)).isEqualTo("5");
    }
}
