package dev.cerulean.core.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTimesTest {

    private static final Instant T = Instant.parse("2024-01-03T18:38:36.70895831Z");

    @Test
    void armTimeHasSevenDigitsAndZ() {
        assertThat(Json.armTime(T)).isEqualTo("2024-01-03T18:38:36.7089583Z");
    }

    @Test
    void offsetTimeHasSevenDigitsAndAnExplicitOffset() {
        assertThat(Json.offsetTime(T)).isEqualTo("2024-01-03T18:38:36.7089583+00:00");
        assertThat(Json.offsetTime(Instant.parse("2024-01-03T18:38:36Z"))).isEqualTo("2024-01-03T18:38:36.0000000+00:00");
    }
}
