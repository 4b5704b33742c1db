package dev.cerulean.server.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualThreadsTest {

    @AfterEach
    void clear() {
        System.clearProperty("cerulean.virtualThreads");
    }

    @Test
    void platformThreadsWhenTurnedOff() {
        System.setProperty("cerulean.virtualThreads", "false");
        assertThat(VirtualThreads.executorOrNull()).isNull();
    }

    @Test
    void virtualThreadsExactlyWhenTheJdkHasThem() {
        assertThat(VirtualThreads.executorOrNull() != null).isEqualTo(Runtime.version().feature() >= 21);
    }
}
