package dev.cerulean.it.acr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import dev.cerulean.it.support.Shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JSON samples of a seed document in {@code shared/seeds} ({@code 000_*.txt} ...), so a test can
 * compare what a client printed with what the document shows. Empty when {@code shared} is absent:
 * the walkthrough still runs, only the comparison with the document is left out.
 */
public final class SeedDocument {
    private SeedDocument() {}

    private static final Pattern JSON_BLOCK = Pattern.compile("```JSON\\s*\\n(.*?)```", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The fenced JSON blocks of the seed whose file name starts with {@code prefix} that parse as JSON, in order. */
    public static List<JsonNode> jsonSamples(String prefix) {
        Path dir = Shared.root().resolve("seeds");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
            if (seed == null) return List.of();
            List<JsonNode> out = new ArrayList<>();
            Matcher m = JSON_BLOCK.matcher(Files.readString(seed));
            while (m.find()) {
                try {
                    out.add(Json.MAPPER.readTree(m.group(1)));
                } catch (IOException notJson) {
                    // samples "with fields omitted for brevity" ({...}) are prose, not JSON
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
