package dev.cerulean.server.providers.containerregistry;

import dev.cerulean.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scope-map action grammar (acr.md §2.2). */
class ScopeMapActionsTest {

    @ParameterizedTest
    @CsvSource({
            "repositories/hello-world/content/read, repositories/hello-world/content/read",
            "repositories/samples/hello-world/content/write, repositories/samples/hello-world/content/write",
            "repositories/hello-world/content/delete, repositories/hello-world/content/delete",
            "repositories/hello-world/metadata/read, repositories/hello-world/metadata/read",
            "repositories/hello-world/metadata/write, repositories/hello-world/metadata/write",
            "repositories/*/content/read, repositories/*/content/read",
            "repositories/samples/*/content/read, repositories/samples/*/content/read",
            "repositories/my.repo_x__y--z/content/read, repositories/my.repo_x__y--z/content/read",
            "Repositories/Hello/Content/Read, repositories/Hello/content/read",
            "gateway/gw1/config/read, gateway/gw1/config/read",
            "gateway/registry/config/write, gateway/registry/config/write",
            "gateway/my-gateway/message/read, gateway/my-gateway/message/read",
            "GATEWAY/gw1/MESSAGE/WRITE, gateway/gw1/message/write"})
    void validActionsAreSpelledCanonically(String action, String canonical) {
        assertThat(ScopeMapActions.canonical(action)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "repositories/hello/content", "repositories//content/read", "repositories/content/read",
            "repositories/hello/metadata/delete", "repositories/hello/content/push", "repositories/myrepository/contentWrite",
            "repositories/samples/*/teamA/content/read", "repositories/samples/teamA*/content/read",
            "repositories/*/*/content/read", "repositories/-bad/content/read", "repo/hello/content/read",
            "gateway/gw1/content/read", "gateway/gw1/config/delete", "gateway/a/b/config/read", "gateway//config/read"})
    void malformedActionsAreRefused(String action) {
        ApiErrors.expect(() -> ScopeMapActions.canonical(action), 400, "InvalidScopeMapAction",
                "The action '" + action + "' is invalid. Valid forms are 'repositories/<repository>/<content/read|content/write|content/delete|metadata/read|metadata/write>' and 'gateway/<connected registry>/<config/read|config/write|message/read|message/write>'; a repository may end with '/*' or be '*'.");
    }

    @Test
    void duplicatesAreRemovedAndOrderKept() {
        assertThat(ScopeMapActions.validate(Json.MAPPER.valueToTree(List.of("repositories/b/content/read",
                "repositories/a/content/read", "repositories/b/content/read"))))
                .containsExactly("repositories/b/content/read", "repositories/a/content/read");
    }

    @Test
    void atLeastOneActionIsRequired() {
        String message = "At least one action must be specified in 'properties.actions'.";
        ApiErrors.expect(() -> ScopeMapActions.validate(null), 400, "InvalidScopeMapAction", message);
        ApiErrors.expect(() -> ScopeMapActions.validate(Json.MAPPER.createArrayNode()), 400, "InvalidScopeMapAction", message);
    }

    @Test
    void atMostFiveHundredActions() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) many.add("repositories/repo" + i + "/content/read");
        ApiErrors.expect(() -> ScopeMapActions.validate(Json.MAPPER.valueToTree(many)), 400, "InvalidScopeMapAction",
                "A scope map can have at most 500 actions; 501 were given.");
        assertThat(ScopeMapActions.validate(Json.MAPPER.valueToTree(many.subList(0, 500)))).hasSize(500);
    }
}
