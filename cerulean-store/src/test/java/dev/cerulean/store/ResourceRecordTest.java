package dev.cerulean.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceRecordTest {

    private static final String BODY = "{\"name\":\"Zürich-✓\"}";
    private static final Instant AT = Instant.parse("2026-12-06T00:00:00Z");

    private static ResourceRecord fromString(String body) {
        return new ResourceRecord("k", "K", "s", "g", "t", "p", "n", "westus", true, body, "e", AT, AT);
    }

    private static ResourceRecord fromBytes(byte[] body) {
        return ResourceRecord.stored("k", "K", "s", "g", "t", "p", "n", "westus", true, body, "e", AT, AT);
    }

    @Test
    void aStoredRecordDecodesItsBytesAndHandsThemOutUncopied() {
        byte[] utf8 = BODY.getBytes(StandardCharsets.UTF_8);
        ResourceRecord stored = fromBytes(utf8);
        assertThat(stored.body()).isEqualTo(BODY);
        assertThat(stored.bodyUtf8()).isSameAs(utf8);
        assertThat(stored.bodySize()).isEqualTo(utf8.length);
    }

    @Test
    void aRecordMadeFromAStringEncodesItInUtf8() {
        ResourceRecord made = fromString(BODY);
        assertThat(made.bodyUtf8()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(made.bodySize()).isEqualTo(BODY.length());
    }

    @Test
    void equalityIsByValueWhicheverWayTheBodyCame() {
        ResourceRecord made = fromString(BODY);
        ResourceRecord stored = fromBytes(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(stored).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(fromString("{}")).isNotEqualTo(made);
        assertThat(fromString(null).bodyUtf8()).isNull();
        assertThat(fromString(null).bodySize()).isZero();
    }
}
