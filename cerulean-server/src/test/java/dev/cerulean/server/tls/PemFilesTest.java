package dev.cerulean.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PemFilesTest {

    @Test
    void blocksAreDecodedInOrderIgnoringSurroundingText() {
        String text = "comment\n" + PemFiles.encode("PRIVATE KEY", new byte[] {1, 2, 3})
                + "between\n" + PemFiles.encode("CERTIFICATE", new byte[70]) + "trailer";

        List<PemFiles.Block> blocks = PemFiles.parse(text);

        assertThat(blocks).extracting(PemFiles.Block::label).containsExactly("PRIVATE KEY", "CERTIFICATE");
        assertThat(blocks.get(0).der()).containsExactly(1, 2, 3);
        assertThat(blocks.get(1).der()).hasSize(70);
    }

    @Test
    void encodingWrapsBase64At64Columns() {
        String pem = PemFiles.encode("CERTIFICATE", new byte[100]);

        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    }

    @Test
    void truncatedBlockIsIgnored() {
        assertThat(PemFiles.parse("-----BEGIN CERTIFICATE-----\nAAAA\n")).isEmpty();
    }
}
