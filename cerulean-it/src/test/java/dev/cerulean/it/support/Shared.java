package dev.cerulean.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read access to {@code ../shared} (conformance examples, seeds), which lives beside the repository
 * and is never copied into it. Tests that need it skip cleanly when it is absent.
 */
public final class Shared {
    private Shared() {}

    public static Path root() {
        String configured = System.getProperty("cerulean.shared");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return p.toAbsolutePath().normalize();
    }

    /** The file under shared/, or the test is skipped. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "shared/" + relative + " is absent: skipping the comparison");
        return p;
    }

    /** A corpus template's path (shared/conformance/templates/...) for az's --template-file, or the test is skipped. */
    public static String template(String relative) {
        return require("conformance/templates/" + relative).toString();
    }

    public static JsonNode json(String relative) {
        try {
            return Json.MAPPER.readTree(Files.readString(require(relative)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
