package dev.cerulean.server.providers.containerregistry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared ACR conformance examples (acr.md §7), read in place and never copied into the repo:
 * {@code -Dcerulean.shared=<shared dir>} or {@code ../shared/conformance} next to the repository root.
 * Tests that need them are skipped when they are absent.
 */
final class Conformance {
    private Conformance() {}

    static JsonNode example(String file) {
        Path dir = examplesDir();
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve(file)), "conformance example " + file + " not available");
        try {
            return Json.parse(Files.readString(dir.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> keys(JsonNode node) {
        Set<String> out = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Path examplesDir() {
        String prop = System.getProperty("cerulean.shared");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            for (Path candidate : new Path[] {p.resolve("conformance/acr-examples"), p.resolve("acr-examples"), p}) {
                if (Files.isDirectory(candidate) && Files.exists(candidate.resolve("RegistryCreate.json"))) return candidate;
            }
            return null;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("cerulean-server")) && Files.exists(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null || dir.getParent() == null) return null;
        Path examples = dir.getParent().resolve("shared/conformance/acr-examples");
        return Files.isDirectory(examples) ? examples : null;
    }
}
