package dev.cerulean.it.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the external clients the end-to-end tests drive (az, curl, skopeo). A test whose tool is
 * missing is skipped with a reason naming it; {@code .ci/run} installs them all, so CI skips none.
 * Setting {@code CERULEAN_REQUIRE_TOOLS=true} turns a missing tool into a failure instead.
 */
public final class Tools {
    private Tools() {}

    public static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The tool's path, or the test is skipped (or failed, when tools are required) with the reason. */
    public static Path require(String name) {
        Optional<Path> p = find(name);
        requireThat(p.isPresent(), "'" + name + "' is not installed: skipping (bash .ci/run installs it)");
        return p.get();
    }

    /**
     * For what {@link #require} cannot find on PATH (packages of a language, an SDK): when {@code present}
     * is false the test is skipped (or failed, when tools are required) with the reason.
     */
    public static void requireThat(boolean present, String reason) {
        if (!present && "true".equalsIgnoreCase(System.getenv("CERULEAN_REQUIRE_TOOLS"))) {
            throw new AssertionError(reason + " but CERULEAN_REQUIRE_TOOLS=true");
        }
        Assumptions.assumeTrue(present, reason);
    }
}
