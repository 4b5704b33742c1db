package dev.cerulean.templates;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cerulean.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A resource-group deployment context like the reference's examples, and the shared template corpus. */
final class Fixtures {
    private Fixtures() {}

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String SUB = "00000000-1111-2222-3333-444444444444";

    static DeploymentContext rg1() {
        return new DeploymentContext(DeploymentContext.ScopeLevel.RESOURCE_GROUP, TENANT, SUB, "Cerulean subscription",
                new DeploymentContext.ResourceGroup("rg1", "westus", Json.object().put("env", "test"), null), null,
                "dep1", null, null, Instant.parse("2026-12-05T07:30:15.1234567Z"),
                () -> UUID.fromString("11111111-2222-3333-4444-555555555555"));
    }

    static DeploymentContext subscriptionScope() {
        return new DeploymentContext(DeploymentContext.ScopeLevel.SUBSCRIPTION, TENANT, SUB, "Cerulean subscription", null, null,
                "subdep", "westus", null, Instant.parse("2026-12-05T07:30:15Z"), null);
    }

    static JsonNode eval(String expression) {
        return Evaluator.string(expression, EvalContext.of(rg1()));
    }

    static TemplateText template(String json) {
        return TemplateText.parse(json);
    }

    /** The shared corpus folder, or a skipped test when it is not next to the repository. */
    static Path corpus() {
        String prop = System.getProperty("cerulean.shared");
        Path dir = prop == null || prop.isBlank() ? null : Path.of(prop).resolve("conformance/templates");
        assumeTrue(dir != null && Files.isDirectory(dir), "template corpus not available (set -Dcerulean.shared=<shared dir>)");
        return dir;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
