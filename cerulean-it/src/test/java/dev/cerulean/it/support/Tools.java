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
        String reason = "'" + name + "' is not installed: skipping (bash .ci/run installs it)";
        if (p.isEmpty() && "true".equalsIgnoreCase(System.getenv("CERULEAN_REQUIRE_TOOLS"))) {
            throw new AssertionError(reason + " but CERULEAN_REQUIRE_TOOLS=true");
        }
        Assumptions.assumeTrue(p.isPresent(), reason);
        return p.get();
    }
}
