package dev.cerulean.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The launcher's training run: every request it sends gets the answer a real client would, and it leaves nothing behind. */
class ArchiveTrainingTest {

    @Test
    void everyTrainingRequestIsAnsweredAsExpectedAndTheTemporaryDataDirIsRemoved() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = trainingDirs(tmp);
        // health, token, GET of a missing group (404), its PUT (201), GET (200), the list, a registry host nobody created (404)
        assertThat(ArchiveTraining.run()).containsExactly(200, 200, 404, 201, 200, 200, 404);
        assertThat(trainingDirs(tmp)).isEqualTo(before);
    }

    private static long trainingDirs(Path tmp) throws Exception {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("cerulean-training")).count();
        }
    }
}
