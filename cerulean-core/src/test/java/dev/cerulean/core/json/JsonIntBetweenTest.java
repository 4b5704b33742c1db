package dev.cerulean.core.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonIntBetweenTest {

    @Test
    void acceptsWholeNumbersInRangeOnly() {
        assertThat(Json.isIntBetween(Json.parse("7"), 7, 90)).isTrue();
        assertThat(Json.isIntBetween(Json.parse("90"), 7, 90)).isTrue();
        assertThat(Json.isIntBetween(Json.parse("91"), 7, 90)).isFalse();
        assertThat(Json.isIntBetween(Json.parse("4294967301"), 0, 365)).as("2^32 + 5, which asInt() reads as 5").isFalse();
        assertThat(Json.isIntBetween(Json.parse("7.5"), 0, 365)).isFalse();
        assertThat(Json.isIntBetween(Json.parse("\"7\""), 0, 365)).isFalse();
        assertThat(Json.isIntBetween(null, 0, 365)).isFalse();
    }
}
